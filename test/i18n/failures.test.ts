import { describe, expect, it } from 'vitest';
import { failureText } from '../../src/i18n/failures.js';
import { AdministrationError } from '../../src/services/administration/errors.js';
import { Ledger } from '../../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../src/services/transfer/mappings.js';
import { Session } from '../../src/session.js';
import { clientFor, sandbox } from '../helpers/severa.js';

describe('failures in the user language', () => {
  it('a connection Severa refuses says so in Swedish on a Swedish screen, and in English otherwise', async () => {
    const s = await sandbox();
    const session = new Session({
      severa: clientFor(s, { clientSecret: 'fel-hemlighet' }),
      administration: undefined,
      ledger: new Ledger(':memory:', 't'),
      mappings: DEMO_CUSTOMER_MAPPINGS,
    });
    expect(await session.connectSevera('sv')).toEqual({ state: 'disconnected', reason: 'Severa godtog inte inloggningsuppgifterna' });
    expect((await session.connectSevera('en')).reason).toBe('Severa refused the credentials');
  });

  it('an unreachable Severa and an ADK error are worded in the language asked for', async () => {
    const s = await sandbox();
    await s.close();
    const error = await clientFor(s, { maxAttempts: 1 })
      .organizationDetails()
      .catch((e: unknown) => e);
    expect(failureText(error, 'sv')).toMatch(/^når inte Severa \(|^Severa svarade inte i tid$/);
    expect(failureText(new AdministrationError({ code: 80 }), 'sv')).toContain('Ingen databas öppen');
  });
});
