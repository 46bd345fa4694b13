import type { AdministrationPort } from '../../src/services/administration/port.js';
import { Ledger } from '../../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../src/services/transfer/mappings.js';
import { Session } from '../../src/session.js';
import { freshCompanies } from './administration.js';
import { clientFor, sandbox } from './severa.js';

/** A session on a fresh sandbox and a fresh demo company (the variant-2000 one, or the small variant-500 one). */
export async function demoSession(which: 'port' | 'small' = 'port') {
  const s = await sandbox();
  const companies = await freshCompanies();
  const administration: AdministrationPort = companies[which];
  const session = new Session({
    severa: clientFor(s),
    administration,
    ledger: new Ledger(':memory:', 't'),
    mappings: DEMO_CUSTOMER_MAPPINGS,
  });
  return { s, session };
}
