import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adkConnectionFromEnv } from '../../src/config/environment.js';
import { ProfileStore } from '../../src/config/profiles.js';
import { openFromEnvironment } from '../../src/environments.js';
import { fakeAdkLibrary, fakeCompanyFolders } from '../helpers/fakeAdk.js';
import { isolateEnvironment } from '../helpers/environment.js';

isolateEnvironment();

describe('the ADK connection from a profile or SEVADM_ADK_*', () => {
  it('needs both folders, and user with password', () => {
    expect(adkConnectionFromEnv({})).toBeUndefined();
    expect(() => adkConnectionFromEnv({ SEVADM_ADK_COMPANY: 'C:\\ProgramData\\SPCS\\SPCS Administration\\Företag\\Ovnbol2000' })).toThrow(
      /SEVADM_ADK_COMMON_FILES .* must be set too/,
    );
    expect(() => adkConnectionFromEnv({ SEVADM_ADK_COMMON_FILES: 'C:\\ProgramData\\SPCS\\SPCS Administration\\Gemensamma filer' })).toThrow(
      /SEVADM_ADK_COMPANY/,
    );
    const both = {
      SEVADM_ADK_COMMON_FILES: 'C:\\ProgramData\\SPCS\\SPCS Administration\\Gemensamma filer',
      SEVADM_ADK_COMPANY: 'Z:\\Företag\\FTG9',
    };
    expect(() => adkConnectionFromEnv({ ...both, SEVADM_ADK_USER: 'anna' })).toThrow(/go together/);
    expect(adkConnectionFromEnv({ ...both, SEVADM_ADK_USER: 'anna', SEVADM_ADK_PASSWORD: 'x' })).toEqual({
      commonFiles: both.SEVADM_ADK_COMMON_FILES,
      company: both.SEVADM_ADK_COMPANY,
      library: undefined,
      login: { user: 'anna', password: 'x' },
    });
  });

  it('a profile with the ADK folders opens the company through the adapter, not a bridge', async () => {
    const folders = fakeCompanyFolders({ name: 'Övningsbolaget AB', variant: 2000 });
    const store = new ProfileStore({ cwd: mkdtempSync(join(tmpdir(), 'sevadm-config-')) });
    store.put('lokal', {
      administration: {
        commonFilesPath: folders.commonFiles,
        companyPath: folders.company,
        adkLibrary: fakeAdkLibrary(),
        bridgeUrl: 'http://127.0.0.1:1',
      },
    });
    const env = openFromEnvironment('lokal', store);
    try {
      expect(await env.session.connectAdministration()).toEqual({ state: 'connected', name: 'Övningsbolaget AB (2000)' });
      expect(env.describe).toContain('(ADK)');
    } finally {
      await env.close();
    }
  });

  it('a missing library leaves Administration disconnected with the reason; Severa is unaffected', async () => {
    const folders = fakeCompanyFolders({ name: 'X', variant: 2000 });
    const store = new ProfileStore({ cwd: mkdtempSync(join(tmpdir(), 'sevadm-config-')) });
    store.put('fel', {
      administration: { commonFilesPath: folders.commonFiles, companyPath: folders.company, adkLibrary: '/saknas/Adk.dll' },
    });
    const env = openFromEnvironment('fel', store);
    try {
      const connection = await env.session.connectAdministration();
      expect(connection.state).toBe('disconnected');
      expect(connection.reason).toMatch(/Adk.dll could not be loaded.*\/saknas\/Adk.dll/);
    } finally {
      await env.close();
    }
  });
});

describe('on Windows', () => {
  it('keeps its data under %APPDATA%, spaces and all', async () => {
    const { defaultDataDir } = await import('../../src/paths.js');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\Åsa Öberg\\AppData\\Roaming' })).toBe(
      'C:\\Users\\Åsa Öberg\\AppData\\Roaming\\sevadm\\Data',
    );
  });
});
