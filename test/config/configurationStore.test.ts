import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentConnectionView, FileConfiguration, ProfileConfiguration } from '../../src/config/configurationStore.js';
import { ProfileStore } from '../../src/config/profiles.js';
import { changeMapping } from '../../src/services/setup/settingChange.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../src/services/transfer/mappings.js';
import { DEMO_TRANSFER_SETTINGS } from '../../src/services/transfer/settings.js';

const store = () => new ProfileStore({ cwd: mkdtempSync(join(tmpdir(), 'sevadm-conf-')) });

describe('a profile as the settings screen edits it', () => {
  it('saves connection fields one by one; secrets are only "set", never given back', () => {
    const s = store();
    const c = new ProfileConfiguration('acme', s, {});
    c.setConnectionField('severa.baseUrl', 'stage');
    c.setConnectionField('severa.clientSecret', 'top-secret-value');
    c.setConnectionField('administration.bridgeToken', 'abcdefghijklmnopq');
    const view = c.connection();
    expect(view.values).toEqual({ 'severa.baseUrl': 'stage' });
    expect(view.secretsSet).toEqual({
      'severa.clientSecret': true,
      'administration.bridgeToken': true,
      'administration.adkPassword': false,
    });
    expect(JSON.stringify(view)).not.toContain('top-secret-value');
    expect(s.get('acme').severa?.clientSecret).toBe('top-secret-value');
  });

  it('refuses a bad value naming the field and what is allowed, and writes nothing', () => {
    const s = store();
    const c = new ProfileConfiguration('acme', s, {});
    expect(() => c.setConnectionField('severa.baseUrl', 'ftp://x')).toThrow(/Base URL: production, stage or an https:\/\/ URL/);
    expect(() => c.setConnectionField('administration.bridgeUrl', 'localhost')).toThrow(/Bridge URL: a URL such as/);
    expect(() => c.setConnectionField('administration.bridgeToken', 'short')).toThrow(/16 characters or more/);
    expect(s.read().profiles.acme).toBeUndefined();
  });

  it('marks fields an environment variable overrides', () => {
    const c = new ProfileConfiguration('acme', store(), { SEVADM_SEVERA_CLIENT_ID: 'from-env', SEVADM_BRIDGE_TOKEN: 'x'.repeat(20) });
    const view = c.connection();
    expect(view.overridden.sort()).toEqual(['administration.bridgeToken', 'severa.clientId']);
    expect(view.values['severa.clientId']).toBe('from-env');
    expect(view.secretsSet['administration.bridgeToken']).toBe(true);
  });

  it('keeps mappings and transfer choices in the profile', () => {
    const s = store();
    const c = new ProfileConfiguration('acme', s, {});
    c.saveMappings(changeMapping(DEMO_CUSTOMER_MAPPINGS, 'currencies', 'EUR', 'EU'));
    c.saveSettings({ ...DEMO_TRANSFER_SETTINGS, afterTransferStatus: undefined, supplierMarkupPercent: 7 });
    const again = new ProfileConfiguration('acme', s, {});
    expect(again.mappings().currencies).toEqual([{ severa: 'EUR', administration: 'EU' }]);
    expect(again.settings().supplierMarkupPercent).toBe(7);
    // "None" after transfer is remembered as a choice, not lost as a missing key.
    expect(again.settings().afterTransferStatus).toBeUndefined();
    expect(s.get('acme').defaults?.afterTransferStatus).toBeNull();
  });
});

describe('the demo / environment settings file', () => {
  it('keeps mappings beside the choices; the connection cannot be edited there', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-conf-')), 'settings.json');
    const c = new FileConfiguration(file, environmentConnectionView({ SEVADM_BRIDGE_URL: 'http://10.0.0.5:7730' }));
    c.saveSettings({ ...DEMO_TRANSFER_SETTINGS, paidStatus: 'Betald' });
    c.saveMappings(changeMapping(DEMO_CUSTOMER_MAPPINGS, 'vatCodes', '12', '3'));
    expect(c.settings().paidStatus).toBe('Betald');
    expect(c.mappings().vatCodes).toEqual([{ rate: 12, administration: '3' }]);
    expect(JSON.parse(readFileSync(file, 'utf8')).paidStatus).toBe('Betald');
    expect(c.connection().values['administration.bridgeUrl']).toBe('http://10.0.0.5:7730');
    expect(() => c.setConnectionField('severa.clientId', 'x')).toThrow(/The connection is fixed here/);
  });

  it('names the key of a broken hand edit and leaves the file alone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-conf-')), 'settings.json');
    const broken = JSON.stringify({ mappings: { languages: [{ severa: 'sv-SE' }], paymentTerms: [] } });
    writeFileSync(file, broken);
    const c = new FileConfiguration(file, environmentConnectionView({}));
    expect(() => c.mappings()).toThrow(/settings.json: "mappings.languages.0.administration"/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });
});
