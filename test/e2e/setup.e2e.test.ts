import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/config/profiles.js';
import { startBridgeServer } from '../../src/services/administration/bridge/server.js';
import { freshCompanies } from '../helpers/administration.js';
import { spawnApp } from '../helpers/pty.js';
import { sandbox } from '../helpers/severa.js';

let app: ReturnType<typeof spawnApp> | undefined;
afterEach(() => app?.kill());

const TOKEN = 'bridge-token-for-setup-e2e';
const NO_ENV = {
  SEVADM_SEVERA_BASE_URL: '',
  SEVADM_SEVERA_CLIENT_ID: '',
  SEVADM_SEVERA_CLIENT_SECRET: '',
  SEVADM_BRIDGE_URL: '',
  SEVADM_BRIDGE_TOKEN: '',
};

describe('sevadm setup in a real terminal', () => {
  it('asks for a profile name, walks the connection line by line, tests both sides live and saves a mapping', async () => {
    const severa = await sandbox();
    const { port } = await freshCompanies();
    const bridge = await startBridgeServer({ company: port, token: TOKEN });
    try {
      const config = mkdtempSync(join(tmpdir(), 'sevadm-config-'));
      app = spawnApp(['setup', '--lang', 'en'], {
        rows: 34,
        env: { XDG_CONFIG_HOME: config, XDG_DATA_HOME: join(config, 'data'), ...NO_ENV },
      });
      await app.waitFor('Profile name for this client company');
      await app.keys('acme\r');
      // The wizard opens the first empty line for typing.
      await app.waitFor(/Setting up profile acme/);
      await app.waitFor(/Base URL\s+▏/);
      await app.keys(`${severa.url}\r`);
      await app.waitFor(/Client id\s+▏/);
      await app.keys(`${severa.clientId}\r`);
      await app.waitFor(/Client secret\s+▏/);
      await app.keys(severa.clientSecret);
      // Typed hidden.
      expect(await app.waitFor(/Client secret\s+•{10,}/)).not.toContain(severa.clientSecret);
      await app.keys('\r');
      await app.waitFor(/Bridge URL\s+▏/);
      await app.keys(`${bridge.url}\r`);
      await app.waitFor(/Bridge token\s+▏/);
      await app.keys(`${TOKEN}\r`);
      // Both live tests and both sides' lists: the slowest step on a loaded machine (every call checked against the spec).
      const tested = await app.waitFor(/✓ "Övningsbolaget AB" · Visma Administration 2000/, 60_000);
      expect(tested).toMatch(/✓ token ok, organisation "Norrsken Konsult AB" · all 10 scopes/);
      expect(tested).toMatch(/Client secret\s+set \(hidden\)/);
      expect(tested).not.toContain(severa.clientSecret);
      expect(tested).not.toContain(TOKEN);
      // Both sides' lists are there: map the Severa language sv-SE to Administration's EN.
      await app.waitFor(/en-GB\s+EN\s+Engelska/, 60_000);
      // One line at a time: each key waits for the cursor to move, so a slow frame cannot make it overshoot.
      for (let i = 0; i < 40 && !/^ {3}sv-SE/.test(app.inverseLines()[0] ?? ''); i++) {
        const before = app.inverseLines()[0];
        await app.keys('j');
        for (let waited = 0; app.inverseLines()[0] === before && waited < 3000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      }
      expect(app.inverseLines()[0]).toMatch(/^ {3}sv-SE/);
      await app.keys('\r');
      await app.waitFor('(not mapped)');
      await app.keys('\x1b[A', '\x1b[A', '\x1b[B', '\r');
      await app.waitFor(/sv-SE\s+EN\s+Engelska/);
      await app.waitFor('Saved: sv-SE');
      await app.keys('q');
      expect(await app.exited()).toBe(0);

      const store = new ProfileStore({ cwd: join(config, 'sevadm') });
      const profile = store.get('acme');
      expect(profile.severa).toEqual({ baseUrl: severa.url, clientId: severa.clientId, clientSecret: severa.clientSecret });
      expect(profile.administration).toEqual({ bridgeUrl: bridge.url, bridgeToken: TOKEN });
      expect(profile.mappings?.languages).toContainEqual({ severa: 'sv-SE', administration: 'EN' });
      expect(store.defaultName()).toBe('acme');
      expect(statSync(store.path).mode & 0o077).toBe(0);
      expect(readFileSync(store.path, 'utf8')).toContain('"acme"');
    } finally {
      await bridge.close();
      await port.close();
    }
  }, 180_000);
});
