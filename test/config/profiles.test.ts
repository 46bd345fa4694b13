import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeConnectionFromEnv, severaConnectionFromEnv } from '../../src/config/environment.js';
import { ProfileStore } from '../../src/config/profiles.js';
import { runProfileCommand } from '../../src/headless/profile.js';

const store = () => new ProfileStore({ cwd: mkdtempSync(join(tmpdir(), 'sevadm-profiles-')) });
const PROFILE = {
  severa: { baseUrl: 'https://api.severa.visma.com/rest-api', clientId: 'kund-a', clientSecret: 'hemligt-a-123' },
  administration: { bridgeUrl: 'http://127.0.0.1:7730', bridgeToken: 'bridge-token-a-0123456789' },
};

describe('profiles', () => {
  it('keeps one profile per client company in an owner-only file, with a default', () => {
    const s = store();
    s.put('kund-a', PROFILE);
    s.put('kund-b', { severa: { baseUrl: 'https://api.severa.stag.visma.com/rest-api', clientId: 'kund-b' } });
    expect(s.get('kund-a')).toEqual(PROFILE);
    expect(s.defaultName()).toBeUndefined();
    s.setDefault('kund-b');
    expect(s.defaultName()).toBe('kund-b');
    s.remove('kund-b');
    expect(s.defaultName()).toBe('kund-a');
    if (process.platform !== 'win32') expect(statSync(s.path).mode & 0o777).toBe(0o600);
    expect(s.readableByOthers()).toBe(false);
    chmodSync(s.path, 0o644);
    expect(s.readableByOthers()).toBe(true);
    expect(() => s.get('kund-x')).toThrow(/no profile "kund-x"; there are: kund-a/);
  });

  it('a broken hand edit names the file, the key and what is allowed, and the file is left alone', () => {
    const s = store();
    s.put('kund-a', PROFILE);
    const broken = JSON.stringify({ profiles: { 'kund-a': { ...PROFILE, administration: { bridgeUrl: 'ftp://x' } } } });
    writeFileSync(s.path, broken);
    expect(() => new ProfileStore({ cwd: join(s.path, '..') }).read()).toThrow(
      /profiles\.json: "profiles\.kund-a\.administration\.bridgeUrl"/,
    );
    expect(readFileSync(s.path, 'utf8')).toBe(broken);
    writeFileSync(s.path, '{ not json');
    expect(() => new ProfileStore({ cwd: join(s.path, '..') })).toThrow(/not valid JSON/);
    expect(readFileSync(s.path, 'utf8')).toBe('{ not json');
  });

  it('the environment overrides the profile field by field', () => {
    const s = store();
    s.put('kund-a', PROFILE);
    const p = s.get('kund-a');
    expect(severaConnectionFromEnv({}, p)).toEqual({
      baseUrl: 'https://api.severa.visma.com/rest-api',
      clientId: 'kund-a',
      clientSecret: 'hemligt-a-123',
    });
    expect(severaConnectionFromEnv({ SEVADM_SEVERA_CLIENT_SECRET: 'från-miljön' }, p)?.clientSecret).toBe('från-miljön');
    expect(bridgeConnectionFromEnv({ SEVADM_BRIDGE_URL: 'http://127.0.0.1:9999' }, p)).toEqual({
      url: 'http://127.0.0.1:9999',
      token: 'bridge-token-a-0123456789',
    });
  });

  it('sevadm profile add takes secrets from standard input or the environment and never prints them', async () => {
    const s = store();
    const out: string[] = [];
    process.env.SEVADM_SEVERA_CLIENT_SECRET = 'hemligt-från-env';
    process.env.SEVADM_BRIDGE_TOKEN = 'token-från-env-0123456789';
    try {
      await runProfileCommand(
        ['add', 'kund-c', '--severa-url', 'stage', '--client-id', 'c', '--bridge-url', 'http://127.0.0.1:7730'],
        (l) => out.push(l),
        s,
      );
      await runProfileCommand(['list'], (l) => out.push(l), s);
    } finally {
      delete process.env.SEVADM_SEVERA_CLIENT_SECRET;
      delete process.env.SEVADM_BRIDGE_TOKEN;
    }
    expect(s.get('kund-c')).toMatchObject({
      severa: { baseUrl: 'https://api.severa.stag.visma.com/rest-api', clientSecret: 'hemligt-från-env' },
      administration: { bridgeToken: 'token-från-env-0123456789' },
    });
    expect(out.join('\n')).toContain(
      'kund-c: Severa https://api.severa.stag.visma.com/rest-api (c, secret set); bridge http://127.0.0.1:7730 (token set)',
    );
    expect(out.join('\n')).not.toContain('hemligt');
    expect(out.join('\n')).not.toContain('token-från-env');
    await expect(runProfileCommand(['add', 'kund-d', '--severa-url', 'ftp://x', '--client-id', 'd'], () => {}, s)).rejects.toThrow(
      /--severa-url/,
    );
  });

  it('sevadm profile add takes the ADK folders and login for the Windows host; the password is never printed', async () => {
    const s = store();
    const out: string[] = [];
    process.env.SEVADM_ADK_PASSWORD = 'lösen-från-env';
    try {
      const common = 'C:\\ProgramData\\SPCS\\SPCS Administration\\Gemensamma filer';
      const company = 'C:\\ProgramData\\SPCS\\SPCS Administration\\Företag\\Ovnbol2000';
      await runProfileCommand(
        ['add', 'lokal', '--adk-common', common, '--adk-company', company, '--adk-user', 'anna'],
        (l) => out.push(l),
        s,
      );
      await runProfileCommand(['list'], (l) => out.push(l), s);
      expect(s.get('lokal').administration).toEqual({
        commonFilesPath: common,
        companyPath: company,
        adkUser: 'anna',
        adkPassword: 'lösen-från-env',
      });
      expect(out.join('\n')).toContain(`lokal: Severa - (-, no secret); ADK ${company} (login anna, password set)`);
      expect(out.join('\n')).not.toContain('lösen');
      await expect(runProfileCommand(['add', 'halv', '--adk-company', company], () => {}, s)).rejects.toThrow(
        /--adk-common and --adk-company go together/,
      );
    } finally {
      delete process.env.SEVADM_ADK_PASSWORD;
    }
  });
});
