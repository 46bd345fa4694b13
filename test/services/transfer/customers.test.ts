import { describe, expect, it } from 'vitest';
import { collect as collectPages } from '../../../src/services/severa/index.js';
import { organisationNumberFromVat, severaToAdministration } from '../../../src/services/transfer/customerMapping.js';
import { customersToAdministration, customersToSevera } from '../../../src/services/transfer/customerSteps.js';
import { TransferRun } from '../../../src/services/transfer/engine.js';
import { Ledger } from '../../../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../../src/services/transfer/mappings.js';
import { freshCompanies } from '../../helpers/administration.js';
import { clientFor, sandbox } from '../../helpers/severa.js';

const noConflicts = async () => ({ decision: 'skip' as const, applyToRemaining: false });

describe('customer mapping', () => {
  it('derives the organisation number from a Swedish VAT number', () => {
    expect(organisationNumberFromVat('SE556036079301')).toBe('556036-0793');
    expect(organisationNumberFromVat('DE123456789')).toBeUndefined();
  });

  it('maps language and payment terms through the tables, VAT-free to Export', async () => {
    const s = await sandbox();
    const c = s.store.data.customers.find((x) => x.language?.code === 'en-GB')!;
    const mapped = severaToAdministration({ ...c, invoicingVat: { guid: 'x', percentage: 0 }, paymentTerm: 15 }, DEMO_CUSTOMER_MAPPINGS);
    expect(mapped).toMatchObject({
      number: String(c.number),
      languageCode: 'EN',
      termsOfPaymentCode: '15',
      export: true,
      countryCode: 'SE',
    });
  });
});

describe('customers Severa → Administration', () => {
  it('creates new ones, and on Update changes exactly the differing fields of an existing one', async () => {
    const s = await sandbox();
    const { port } = await freshCompanies();
    const severa = await collectPages(clientFor(s).customers());
    const existing = new Map((await port.listCustomers()).map((c) => [c.number, c]));
    const conflicting = severa.filter((c) => existing.has(String(c.number)));
    const fresh = severa.filter((c) => !existing.has(String(c.number))).slice(0, 5);
    const admBefore = new Map((await port.listCustomers()).map((c) => [c.number, c]));
    const changedOne = conflicting.find((c) => admBefore.get(String(c.number))!.email !== c.email)!;
    const before = admBefore.get(String(changedOne.number))!;
    expect(before.email).not.toBe(changedOne.email);
    const ledger = new Ledger(':memory:', 'test');
    const views: string[][] = [];
    const outcomes: string[] = [];
    const summary = await new TransferRun({
      items: [...fresh, ...conflicting],
      step: customersToAdministration(port, DEMO_CUSTOMER_MAPPINGS, existing),
      ledger,
      onEvent: (e) => e.type === 'status' && e.status.kind === 'skipped' && outcomes.push(e.status.reason),
      askConflict: async (q) => (
        views.push(q.view.fields.filter((f) => f.changes).map((f) => f.label)),
        { decision: 'update', applyToRemaining: true }
      ),
    }).run();
    // The ones already the same (the country is SE on both, whatever its name) go by unchanged, the rest are updated.
    expect(summary).toMatchObject({ transferred: 5, failed: 0 });
    expect(summary.updated + summary.skipped).toBe(conflicting.length);
    expect(summary.updated).toBeGreaterThan(0);
    expect(outcomes).toEqual(Array(summary.skipped).fill('unchanged'));
    expect(views).toHaveLength(1);
    for (const c of fresh) expect((await port.getCustomer(String(c.number)))?.name).toBe(c.name);
    const after = (await port.getCustomer(String(changedOne.number)))!;
    expect(after.email).toBe(changedOne.email);
    expect(after.telephone).toBe(before.telephone);
  });
});

describe('customers Administration → Severa', () => {
  it('refuses a non-numeric number and a name taken by another Severa customer; creates the rest', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    const own = (await port.listCustomers()).filter((c) => Number(c.number) >= 5001 || c.number === 'K-200');
    const taken = s.store.data.customers[10]!;
    await port.addCustomer({ number: '6100', name: taken.name });
    const items = [...own, (await port.getCustomer('6100'))!];
    const currencies = await client.currencies();
    const ref = { currencies, languages: [{ guid: s.store.data.languages[0]!.guid, code: 'sv-SE' }] };
    const statuses = new Map<string, { kind: string; message?: string }>();
    const summary = await new TransferRun({
      items,
      step: customersToSevera(client, DEMO_CUSTOMER_MAPPINGS, ref),
      ledger: new Ledger(':memory:', 'test'),
      onEvent: (e) => e.type === 'status' && statuses.set(e.id, e.status),
      askConflict: noConflicts,
    }).run();
    expect(statuses.get('K-200')).toMatchObject({ kind: 'error', message: expect.stringContaining('not numeric') });
    expect(statuses.get('6100')).toMatchObject({ kind: 'error', message: expect.stringContaining('unique') });
    expect(summary.transferred).toBe(own.length - 1);
    const created = s.store.data.customers.find((c) => c.number === 5001)!;
    expect(created).toMatchObject({
      name: own.find((c) => c.number === '5001')!.name,
      paymentTerm: 30,
      currency: { code: 'SEK' },
      language: { code: 'sv-SE' },
    });
  });
});

describe('a customer that is already the same on the other side', () => {
  it('is not asked about and not written: skipped as unchanged', async () => {
    const s = await sandbox();
    const { port } = await freshCompanies();
    const severa = (await collectPages(clientFor(s).customers())).slice(0, 8);
    const run = async (asked: string[]) =>
      new TransferRun({
        items: severa,
        step: customersToAdministration(port, DEMO_CUSTOMER_MAPPINGS, new Map((await port.listCustomers()).map((c) => [c.number, c]))),
        ledger: new Ledger(':memory:', 'test'),
        onEvent: (e) => e.type === 'status' && e.status.kind === 'skipped' && asked.push(`${e.id}:${e.status.reason}`),
        askConflict: async (q) => (asked.push(`asked:${q.id}`), { decision: 'update', applyToRemaining: true }),
      }).run();
    await run([]);
    const before = await port.listCustomers();
    const second: string[] = [];
    const summary = await run(second);
    expect(summary).toMatchObject({ transferred: 0, updated: 0, skipped: 8, failed: 0 });
    expect(second.every((e) => e.endsWith(':unchanged'))).toBe(true);
    expect(await port.listCustomers()).toEqual(before);
  });
});
