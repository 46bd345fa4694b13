import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../src/config/profiles.js';
import { openFromEnvironment } from '../../../src/environments.js';
import { sandbox } from '../../helpers/severa.js';
import { isolateEnvironment } from '../../helpers/environment.js';

isolateEnvironment();

describe('the settings screen on a profile', () => {
  it('connects once the last missing connection field is saved, and the session uses the new settings at once', async () => {
    const s = await sandbox();
    const store = new ProfileStore({ cwd: mkdtempSync(join(tmpdir(), 'sevadm-config-')) });
    store.put('acme', {});
    const env = openFromEnvironment('acme', store);
    try {
      const setup = env.session.setup!;
      expect((await env.session.connectSevera()).state).toBe('disconnected');
      await setup.apply({ kind: 'connection', field: 'severa.baseUrl', value: s.url });
      await setup.apply({ kind: 'connection', field: 'severa.clientId', value: s.clientId });
      // Half-configured: still disconnected, saying what is missing.
      expect((await env.session.connectSevera()).reason).toMatch(/CLIENT_SECRET/);
      await setup.apply({ kind: 'connection', field: 'severa.clientSecret', value: s.clientSecret });
      expect(await env.session.connectSevera()).toEqual({ state: 'connected', name: 'Norrsken Konsult AB' });

      const live = await setup.liveView();
      expect(live.severaTest).toMatchObject({ authorized: true, missingScopes: [] });
      expect(live.choices?.severa.languages).toEqual(['en-GB', 'sv-SE']);
      expect(JSON.stringify(live)).not.toContain(s.clientSecret);

      await setup.apply({ kind: 'setting', key: 'invoiceNumberPolicy', value: 'administration' });
      await setup.apply({ kind: 'mapping', table: 'languages', severa: 'sv-SE', administration: 'EN' });
      expect(env.session.settings.invoiceNumberPolicy).toBe('administration');
      expect(env.session.mappings.languages).toContainEqual({ severa: 'sv-SE', administration: 'EN' });
      expect(store.get('acme').defaults?.invoiceNumberPolicy).toBe('administration');
      // A refused value changes nothing.
      await expect(setup.apply({ kind: 'setting', key: 'supplierMarkupPercent', value: 'lots' })).rejects.toThrow(
        /Markup on billable fees/,
      );
      expect(store.get('acme').defaults?.supplierMarkupPercent).toBe(0);
    } finally {
      await env.close();
    }
  });
});
