import { describe, expect, it } from 'vitest';
import { failureText } from '../src/i18n/failures.js';
import { SeveraApiError } from '../src/services/severa/errors.js';
import { fit, printable, wrapText } from '../src/text.js';

const HOSTILE = 'Bad\u001b[2J\u001b[31mred\u001b]0;owned\u0007 title\u009b1m\u0000 end';

describe('text from outside', () => {
  it('loses every escape sequence and control character before it reaches a terminal', () => {
    expect(printable(HOSTILE)).toBe('Badred title1m end');
    expect(fit(HOSTILE, 40).trimEnd()).toBe('Badred title1m end');
    expect(wrapText(HOSTILE, 80)).toEqual(['Badred title1m end']);
    const error = new SeveraApiError('GET /v1/customers', 400, 'InvalidRequest', [{ message: HOSTILE }]);
    // eslint-disable-next-line no-control-regex
    expect(failureText(error, 'en')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    // Swedish letters and the marks sevadm draws stay.
    expect(printable('Åre · ✓ 1 kostnad → Severa')).toBe('Åre · ✓ 1 kostnad → Severa');
  });
});

describe('credentials in URLs', () => {
  it('are refused, naming the variable, and never shown', async () => {
    const { bridgeConnectionFromEnv, severaConnectionFromEnv } = await import('../src/config/environment.js');
    const bridge = (() => {
      try {
        bridgeConnectionFromEnv({ SEVADM_BRIDGE_URL: 'http://admin:s3cret@10.0.0.5:7730', SEVADM_BRIDGE_TOKEN: 'x'.repeat(32) });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(bridge).toMatch(/^SEVADM_BRIDGE_URL must not carry a user name or password \(http:\/\/10\.0\.0\.5:7730\/\)/);
    expect(bridge).not.toContain('s3cret');
    const severa = (() => {
      try {
        severaConnectionFromEnv({
          SEVADM_SEVERA_BASE_URL: 'https://me:pw@api.example/rest-api',
          SEVADM_SEVERA_CLIENT_ID: 'c',
          SEVADM_SEVERA_CLIENT_SECRET: 's',
        });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(severa).toMatch(/SEVADM_SEVERA_BASE_URL: .*must not carry a user name or password/);
    expect(severa).not.toMatch(/me:pw/);
  });
});
