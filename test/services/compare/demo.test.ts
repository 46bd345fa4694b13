import { describe, expect, it } from 'vitest';
import type { AdministrationPort } from '../../../src/services/administration/port.js';
import type { Difference } from '../../../src/services/compare/differences.js';
import { Ledger } from '../../../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../../src/services/transfer/mappings.js';
import { Session } from '../../../src/session.js';
import { freshCompanies } from '../../helpers/administration.js';
import { fakeAdkCompanies } from '../../helpers/fakeAdk.js';
import { clientFor, sandbox } from '../../helpers/severa.js';

/** What the demo holds, as the README's table of the compare's known differences says. */
const KNOWN: Record<string, number> = {
  'customers onlyInSevera': 49,
  'customers onlyInAdministration': 7,
  'customers onlyInAdministrationNotNumeric': 1,
  'customers customerDiffers': 11,
  'projects projectMissing': 22,
  'projects projectDiffers': 3,
  'invoices invoiceMissing': 1,
  'invoices invoiceDiffers': 1,
  'invoices invoiceNotMoved': 1,
  'invoices invoiceTwice': 1,
  'supplier-invoices feeMissing': 32,
  'supplier-invoices feeDiffers': 1,
  'supplier-invoices feeRowGone': 1,
  'payments paidOnlyInAdministration': 5,
  'payments paidOnlyInSevera': 1,
};

const counts = (ds: Difference[]) => {
  const out: Record<string, number> = {};
  for (const d of ds) out[`${d.kind} ${d.reason}`] = (out[`${d.kind} ${d.reason}`] ?? 0) + 1;
  return out;
};

/** A snapshot of everything the Administration side holds, to see that a compare changed none of it. */
async function books(a: AdministrationPort) {
  return JSON.stringify([
    await a.listCustomers(),
    await a.listProjects(),
    await a.listSupplierInvoices('2000-01-01', '2099-12-31'),
    await a.listCustomerPayments('2000-01-01'),
  ]);
}

async function compareAndFix(administration: AdministrationPort) {
  const s = await sandbox({ quotaPerSecond: 0 });
  const ledger = new Ledger(':memory:', 't');
  const session = new Session({ severa: clientFor(s), administration, ledger, mappings: DEMO_CUSTOMER_MAPPINGS });
  const before = await books(administration);
  const requests = s.requests.length;
  const first = await session.compare();
  // Reads only: Severa saw nothing but reads (and the token), Administration and the ledger are as they were.
  const writes = s.requests.slice(requests).filter((r) => r.method !== 'GET' && !r.path.endsWith('/token'));
  expect(writes).toEqual([]);
  expect(await books(administration)).toBe(before);
  expect(ledger.history({ since: '2000-01-01T00:00:00Z' })).toEqual([]);
  expect(counts(first.differences)).toEqual(KNOWN);

  // Everything a transfer can fix, fixed through the engine (conflicts answered Update); the rest stays for a person.
  const fixable = first.differences.filter((d) => d.fix);
  const statuses = new Map<string, string>();
  await session.fix(
    fixable,
    (e) => e.type === 'status' && statuses.set(e.id, e.status.kind),
    async () => ({ decision: 'update', applyToRemaining: true }),
  );
  expect(fixable.every((d) => statuses.has(d.id))).toBe(true);
  const second = await session.compare();
  expect(second.differences.filter((d) => d.fix).map((d) => `${d.id} ${statuses.get(d.id) ?? ''}`)).toEqual([]);
  const byHand = first.differences.filter((d) => !d.fix).map((d) => d.id);
  expect(second.differences.map((d) => d.id).sort()).toEqual(byHand.sort());
}

describe('compare on the demo', () => {
  it('finds exactly the known differences on the embedded company, writes nothing, and after the fixes only the ones for a person remain', async () => {
    const companies = await freshCompanies();
    try {
      await compareAndFix(companies.port);
    } finally {
      await companies.port.close();
      await companies.small.close();
    }
  }, 120_000);

  it('does the same through the ADK adapter on the stand-in Adk library', async () => {
    const adk = await fakeAdkCompanies();
    try {
      await compareAndFix(adk.port);
    } finally {
      await adk.cleanup();
    }
  }, 180_000);
});
