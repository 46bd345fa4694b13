import { processClock } from '../src/clock.js';
import { startSeveraSandbox } from '../src/sandbox/severa/server.js';
import { SeveraClient } from '../src/services/severa/index.js';
import { Ledger } from '../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../src/services/transfer/mappings.js';
import { Session } from '../src/session.js';

/**
 * Severa's customers of a demo scaled `scale` times, listed as the app lists them, at Severa's quota (10 calls/s):
 * when the first page is there to show, and when the whole list is.
 */
export async function printListLoading(scale: number): Promise<void> {
  const clock = processClock();
  const made = performance.now();
  const sandbox = await startSeveraSandbox({ port: 0, quotaPerSecond: 10, clock, scale });
  const seeded = performance.now() - made;
  try {
    const severa = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
    const session = new Session({
      severa,
      administration: undefined,
      ledger: new Ledger(':memory:', 'bench', clock),
      mappings: DEMO_CUSTOMER_MAPPINGS,
      clock,
    });
    const started = performance.now();
    let first = 0;
    let pages = 0;
    const loaded = await session.load('severa-customers', { since: '2000-01-01' }, 'en', () => {
      pages++;
      first ||= performance.now() - started;
    });
    const all = performance.now() - started;
    console.log(
      `  --scale ${scale}: ${sandbox.store.data.customers.length.toLocaleString('en')} customers, ${sandbox.store.data.invoices.length.toLocaleString('en')} invoices (made in ${(seeded / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  customers listed: first page shown after ${first.toFixed(0)} ms; all ${loaded.records.length.toLocaleString('en')} in ${(all / 1000).toFixed(1)} s, ${pages} pages (${(pages / (all / 1000)).toFixed(1)} pages/s; 429s: ${severa.stats.tooManyRequests})`,
    );
  } finally {
    await sandbox.close();
  }
}
