import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeToken } from '../../src/bridge/token.js';

describe('bridge token', () => {
  it('is made on first start, kept owner-only, and read back later', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-token-')), 'bridge-token');
    const first = bridgeToken(file, {});
    expect(first.source).toBe('new');
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(bridgeToken(file, {})).toEqual({ token: first.token, source: 'file' });
    expect(readFileSync(file, 'utf8').trim()).toBe(first.token);
  });

  it('comes from SEVADM_BRIDGE_TOKEN when set, and refuses a short one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-token-')), 'bridge-token');
    expect(bridgeToken(file, { SEVADM_BRIDGE_TOKEN: 'a-long-enough-token-value' })).toEqual({
      token: 'a-long-enough-token-value',
      source: 'environment',
    });
    expect(() => bridgeToken(file, { SEVADM_BRIDGE_TOKEN: 'short' })).toThrow(/SEVADM_BRIDGE_TOKEN/);
  });

  it('refuses an unusable token file, naming it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-token-')), 'bridge-token');
    writeFileSync(file, 'x\n', { mode: 0o600 });
    expect(() => bridgeToken(file, {})).toThrow(file);
  });

  it.skipIf(process.platform === 'win32')('refuses a token file others can read, saying how to fix it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-token-')), 'bridge-token');
    writeFileSync(file, 'a-long-enough-token-value\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(() => bridgeToken(file, {})).toThrow(`can be read by other users; make it yours alone (chmod 600 ${file})`);
  });
});
