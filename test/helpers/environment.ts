import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Each test of the file starts with no SEVADM_* variable but the pinned clock (SEVADM_NOW) and data (and config) directories of its own;
 * the process environment is put back afterwards.
 */
export function isolateEnvironment(options: { config?: boolean } = {}): void {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('SEVADM_') && name !== 'SEVADM_NOW') delete process.env[name];
    process.env.XDG_DATA_HOME = mkdtempSync(join(tmpdir(), 'sevadm-data-'));
    if (options.config) process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'sevadm-config-'));
  });
  afterEach(() => {
    process.env = { ...saved };
  });
}
