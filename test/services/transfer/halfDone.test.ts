import { costRows } from '../../../src/services/transfer/postingRows.js';
import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/services/severa/index.js';
import { customersToSevera } from '../../../src/services/transfer/customerSteps.js';
import { type RowStatus, TransferRun, type TransferStep } from '../../../src/services/transfer/engine.js';
import { invoicesToAdministration } from '../../../src/services/transfer/invoiceSteps.js';
import { Ledger } from '../../../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../../src/services/transfer/mappings.js';
import { DEMO_TRANSFER_SETTINGS } from '../../../src/services/transfer/settings.js';
import { supplierInvoiceRowsToSevera } from '../../../src/services/transfer/supplierInvoiceSteps.js';
import { freshCompanies } from '../../helpers/administration.js';
import { clientFor, sandbox } from '../../helpers/severa.js';
import { invoiceSetup } from '../../helpers/invoices.js';

async function run<T, E>(items: T[], step: TransferStep<T, E>, ledger: Ledger) {
  const statuses = new Map<string, RowStatus>();
  const asked: string[] = [];
  const summary = await new TransferRun({
    items,
    step,
    ledger,
    onEvent: (e) => e.type === 'status' && statuses.set(e.id, e.status),
    askConflict: async (q) => (asked.push(q.id), { decision: 'skip', applyToRemaining: false }),
  }).run();
  return { summary, statuses, asked };
}

describe('a record whose second write did not happen', () => {
  it('a customer created without its address fails saying so; the next run adds the address without asking', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    await port.addCustomer({
      number: '6300',
      name: 'Tranås Glas AB',
      mailingAddress: 'Glasvägen 2',
      zipCode: '573 31',
      city: 'Tranås',
      countryCode: 'SE',
    });
    const ledger = new Ledger(':memory:', 't');
    const ref = { currencies: await client.currencies(), languages: [] };
    const customer = (await port.getCustomer('6300'))!;

    s.faults.set({ refuse: ['POST /v1/customers/'] });
    const first = await run([customer], customersToSevera(client, DEMO_CUSTOMER_MAPPINGS, ref), ledger);
    expect(first.summary.failed).toBe(1);
    expect(first.statuses.get('6300')).toMatchObject({ kind: 'error', message: expect.stringContaining('address was not added') });
    expect(s.store.data.customers.filter((c) => c.number === 6300)).toHaveLength(1);
    expect(s.store.data.customers.find((c) => c.number === 6300)!.headquarterAddress).toBeFalsy();

    s.faults.set({ refuse: [] });
    const second = await run([customer], customersToSevera(client, DEMO_CUSTOMER_MAPPINGS, ref), ledger);
    expect(second.asked).toEqual([]);
    expect(second.statuses.get('6300')).toMatchObject({ kind: 'done', updated: true });
    expect(s.store.data.customers.filter((c) => c.number === 6300)).toHaveLength(1);
    expect(s.store.data.customers.find((c) => c.number === 6300)!.headquarterAddress).toMatchObject({ city: 'Tranås' });
    // And then it is simply the same: nothing to do.
    const third = await run([customer], customersToSevera(client, DEMO_CUSTOMER_MAPPINGS, ref), ledger);
    expect(third.statuses.get('6300')).toMatchObject({ kind: 'skipped', reason: 'unchanged' });
  });

  it('an invoice Severa would not move to Transferred is booked once, fails saying so, and the next run moves it', async () => {
    const { s, client, port, ready, transferred, projects, context } = await invoiceSetup();
    const listed = async () =>
      (await collect(client.invoices({ invoiceStatusGuids: [ready.guid] }))).filter(
        (i) => !i.isCreditNote && context.customers.has(String(i.customer?.number)) && projects.has(String(i.projects?.[0]?.number)),
      );
    const [invoice] = await listed();
    const ledger = new Ledger(':memory:', 't');
    const step = () =>
      invoicesToAdministration({ severa: client, administration: port, ledger, context, afterTransferStatus: transferred });

    s.faults.set({ refuse: ['PATCH /v1/invoices/'] });
    const first = await run([invoice!], step(), ledger);
    expect(first.summary.failed).toBe(1);
    expect(first.statuses.get(invoice!.guid)).toMatchObject({ kind: 'error', message: expect.stringContaining('did not move its status') });
    expect(await port.findInvoicesByReference(invoice!.guid)).toHaveLength(1);
    expect(ledger.lastDone('invoices', 'to-administration', invoice!.guid)?.targetKey).toBe(String(invoice!.number));

    // The ledger holds the status move as pending: the next run makes it before anything else, without asking.
    expect(ledger.pendingFollowUps('invoices', 'to-administration').map((f) => f.sourceId)).toEqual([invoice!.guid]);
    s.faults.set({ refuse: [] });
    const again = (await listed()).find((i) => i.guid === invoice!.guid)!;
    const second = await run([again], step(), ledger);
    expect(second.statuses.get(invoice!.guid)).toMatchObject({ kind: 'done', updated: true, targetKey: String(invoice!.number) });
    expect(ledger.pendingFollowUps('invoices', 'to-administration')).toEqual([]);
    expect((await client.getInvoice(invoice!.guid))!.status?.guid).toBe(transferred.guid);
    expect(await port.findInvoicesByReference(invoice!.guid)).toHaveLength(1);
  });

  it('a pending status move is made by the next run of any invoices, and one moved by hand meanwhile is left where it is', async () => {
    const { s, client, port, ready, transferred, projects, context } = await invoiceSetup();
    const candidates = (await collect(client.invoices({ invoiceStatusGuids: [ready.guid] }))).filter(
      (i) => !i.isCreditNote && context.customers.has(String(i.customer?.number)) && projects.has(String(i.projects?.[0]?.number)),
    );
    const [a, b, c] = candidates;
    const ledger = new Ledger(':memory:', 't');
    const step = () =>
      invoicesToAdministration({ severa: client, administration: port, ledger, context, afterTransferStatus: transferred });
    s.faults.set({ refuse: ['PATCH /v1/invoices/'] });
    await run([a!, b!], step(), ledger);
    s.faults.set({ refuse: [] });
    // Someone moves b by hand to another status before the next run.
    const other = (await client.invoiceStatuses()).find((x) => x.name === 'Paid')!;
    await client.setInvoiceStatus(b!.guid, other.guid);
    // The next run is of another invoice: a's move is made all the same, b is left as the person set it.
    const next = await run([c!], step(), ledger);
    expect(next.statuses.get(c!.guid)).toMatchObject({ kind: 'done', updated: false });
    expect((await client.getInvoice(a!.guid))!.status?.guid).toBe(transferred.guid);
    expect((await client.getInvoice(b!.guid))!.status?.guid).toBe(other.guid);
    expect(ledger.pendingFollowUps('invoices', 'to-administration')).toEqual([]);
    for (const i of [a!, b!, c!]) expect(await port.findInvoicesByReference(i.guid)).toHaveLength(1);
  });

  it('a fee Severa saved but whose answer was lost is looked up and reported saved, never failed or sent again', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    const invoice = (await port.listSupplierInvoices('2000-01-01', '2099-12-31')).find((i) =>
      costRows(i).every((r) => (r.project || i.project) !== 'INTERN'),
    )!;
    const items = costRows(invoice).map((row) => ({ invoice, row }));
    const ledger = new Ledger(':memory:', 't');
    const before = s.store.data.projectFees.length;
    s.faults.set({ dropAfterApplyRate: 1 });
    const first = await run(items, supplierInvoiceRowsToSevera(client, ledger, DEMO_TRANSFER_SETTINGS), ledger);
    s.faults.set({ dropAfterApplyRate: 0 });
    expect(first.summary).toMatchObject({ transferred: items.length, failed: 0 });
    for (const { row } of items) expect(first.statuses.get(`${invoice.givenNumber}/${row.position}`)).toMatchObject({ kind: 'done' });
    expect(s.store.data.projectFees.length - before).toBe(items.length);
    const again = await run(items, supplierInvoiceRowsToSevera(client, ledger, DEMO_TRANSFER_SETTINGS), ledger);
    expect(again.summary.skipped).toBe(items.length);
    expect(s.store.data.projectFees.length - before).toBe(items.length);
  });
});
