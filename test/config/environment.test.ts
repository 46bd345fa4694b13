import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cliOptions.js';
import { severaConnectionFromEnv } from '../../src/config/environment.js';

describe('Severa connection from the environment', () => {
  it('is absent when no variable is set', () => {
    expect(severaConnectionFromEnv({})).toBeUndefined();
  });

  it('resolves an environment name to its base URL', () => {
    expect(severaConnectionFromEnv({ SEVADM_SEVERA_BASE_URL: 'stage', SEVADM_SEVERA_CLIENT_ID: 'id', SEVADM_SEVERA_CLIENT_SECRET: 's' })).toEqual({
      baseUrl: 'https://api.severa.stag.visma.com/rest-api',
      clientId: 'id',
      clientSecret: 's',
    });
  });

  it('names the missing variables', () => {
    expect(() => severaConnectionFromEnv({ SEVADM_SEVERA_CLIENT_ID: 'id' })).toThrow(/SEVADM_SEVERA_BASE_URL and SEVADM_SEVERA_CLIENT_SECRET/);
  });

  it('names the variable with a bad URL', () => {
    const env = { SEVADM_SEVERA_BASE_URL: 'severa.example', SEVADM_SEVERA_CLIENT_ID: 'id', SEVADM_SEVERA_CLIENT_SECRET: 's' };
    expect(() => severaConnectionFromEnv(env)).toThrow(UsageError);
    expect(() => severaConnectionFromEnv(env)).toThrow(/SEVADM_SEVERA_BASE_URL/);
  });
});
