import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/config/profiles.js';
import { spawnApp } from '../helpers/pty.js';

let app: ReturnType<typeof spawnApp> | undefined;
afterEach(() => app?.kill());

describe('profiles in a real terminal', () => {
  it('asks which client company to open when there are several and no default, and shows it', async () => {
    const config = mkdtempSync(join(tmpdir(), 'sevadm-config-'));
    const store = new ProfileStore({ cwd: join(config, 'sevadm') });
    store.put('acme', { severa: { baseUrl: 'https://api.severa.stag.visma.com/rest-api', clientId: 'a' } });
    store.put('beta', { severa: { baseUrl: 'https://api.severa.stag.visma.com/rest-api', clientId: 'b' } });
    const env = {
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: join(config, 'data'),
      SEVADM_SEVERA_BASE_URL: '',
      SEVADM_SEVERA_CLIENT_ID: '',
      SEVADM_SEVERA_CLIENT_SECRET: '',
      SEVADM_BRIDGE_URL: '',
      SEVADM_BRIDGE_TOKEN: '',
    };
    app = spawnApp(['--lang', 'en'], { env });
    await app.waitFor('Which client company?');
    expect(app.screen()).toMatch(/acme[\s\S]*beta/);
    await app.keys('\x1b[B', '\r');
    // The profile in use heads the status bar.
    const screen = await app.waitFor(/^ beta {2}. Severa/m);
    expect(screen).toContain('Customers in Severa');
    // A profile without its secret opens anyway, saying what is missing.
    await app.waitFor(/✗ Severa: disconnected \(SEVADM_SEVERA_CLIENT_SECRET must be set/);
    await app.keys('q');
    expect(await app.exited()).toBe(0);
  }, 60_000);
});
