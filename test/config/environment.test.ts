import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { severaConnectionFromEnv } from '../../src/config/environment.js';

describe('Severa connection from the environment', () => {
  it('is absent when no variable is set', () => {
    expect(severaConnectionFromEnv({})).toBeUndefined();
  });

  it('resolves an environment name to its base URL', () => {
    expect(
      severaConnectionFromEnv({ SEVADM_SEVERA_BASE_URL: 'stage', SEVADM_SEVERA_CLIENT_ID: 'id', SEVADM_SEVERA_CLIENT_SECRET: 's' }),
    ).toEqual({
      baseUrl: 'https://api.severa.stag.visma.com/rest-api',
      clientId: 'id',
      clientSecret: 's',
    });
  });

  it('names the missing variables', () => {
    expect(() => severaConnectionFromEnv({ SEVADM_SEVERA_CLIENT_ID: 'id' })).toThrow(
      /SEVADM_SEVERA_BASE_URL and SEVADM_SEVERA_CLIENT_SECRET/,
    );
  });

  it('names the variable with a bad URL', () => {
    const env = { SEVADM_SEVERA_BASE_URL: 'severa.example', SEVADM_SEVERA_CLIENT_ID: 'id', SEVADM_SEVERA_CLIENT_SECRET: 's' };
    expect(() => severaConnectionFromEnv(env)).toThrow(UsageError);
    expect(() => severaConnectionFromEnv(env)).toThrow(/SEVADM_SEVERA_BASE_URL/);
  });
});

describe('bridge connection from the environment', () => {
  it('needs both the URL and the token', async () => {
    const { bridgeConnectionFromEnv } = await import('../../src/config/environment.js');
    expect(bridgeConnectionFromEnv({})).toBeUndefined();
    expect(() => bridgeConnectionFromEnv({ SEVADM_BRIDGE_TOKEN: 'x'.repeat(20) })).toThrow(/SEVADM_BRIDGE_URL/);
    expect(() => bridgeConnectionFromEnv({ SEVADM_BRIDGE_URL: 'http://127.0.0.1:7730' })).toThrow(/SEVADM_BRIDGE_TOKEN/);
    expect(() => bridgeConnectionFromEnv({ SEVADM_BRIDGE_URL: 'ftp://x', SEVADM_BRIDGE_TOKEN: 't' })).toThrow(/http/);
    expect(bridgeConnectionFromEnv({ SEVADM_BRIDGE_URL: 'http://127.0.0.1:7730/', SEVADM_BRIDGE_TOKEN: 't' })).toEqual({
      url: 'http://127.0.0.1:7730',
      token: 't',
    });
  });
});
