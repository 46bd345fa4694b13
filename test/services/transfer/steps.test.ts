import { costRows, isCostRow, isCreditSupplierInvoice } from '../../../src/services/transfer/postingRows.js';
import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/services/severa/index.js';
import { type RowStatus, TransferRun } from '../../../src/services/transfer/engine.js';
import { invoiceIneligibility, vatCodeFor } from '../../../src/services/transfer/invoiceRules.js';
import { invoicesToAdministration } from '../../../src/services/transfer/invoiceSteps.js';
import { Ledger } from '../../../src/services/transfer/ledger.js';
import { isPaidInFull, paidInvoices, paymentsToSevera } from '../../../src/services/transfer/paymentSteps.js';
import { projectIneligibility } from '../../../src/services/transfer/projectRules.js';
import { projectsToAdministration } from '../../../src/services/transfer/projectSteps.js';
import { DEMO_TRANSFER_SETTINGS } from '../../../src/services/transfer/settings.js';
import { projectCodeOf, supplierInvoiceRowsToSevera } from '../../../src/services/transfer/supplierInvoiceSteps.js';
import { freshCompanies } from '../../helpers/administration.js';
import { clientFor, sandbox } from '../../helpers/severa.js';
import { invoiceSetup } from '../../helpers/invoices.js';

const skipAll = async () => ({ decision: 'skip' as const, applyToRemaining: true });

async function run<T>(
  items: T[],
  step: ConstructorParameters<typeof TransferRun<T, never>>[0]['step'],
  ledger = new Ledger(':memory:', 't'),
) {
  const statuses = new Map<string, RowStatus>();
  const summary = await new TransferRun({
    items,
    step,
    ledger,
    onEvent: (e) => e.type === 'status' && statuses.set(e.id, e.status),
    askConflict: skipAll,
  }).run();
  return { summary, statuses, ledger };
}

describe('project rules', () => {
  it('refuses closed projects, missing dates and customers not yet in Administration', async () => {
    const s = await sandbox();
    const projects = s.store.data.projects;
    const customers = new Set(s.store.data.customers.map((c) => String(c.number)));
    expect(
      projectIneligibility(
        projects.find((p) => p.isClosed)!,
        customers,
      )?.message,
    ).toBe('project is closed');
    expect(
      projectIneligibility(
        projects.find((p) => !p.isClosed && !p.deadline)!,
        customers,
      )?.message,
    ).toMatch(/no end date/);
    const ok = projects.find((p) => !p.isClosed && p.startDate && p.deadline)!;
    expect(projectIneligibility(ok, customers)).toBeUndefined();
    expect(projectIneligibility(ok, new Set())?.message).toMatch(/transfer the customer first/);
  });

  it('creates eligible projects in Administration with code = Severa number', async () => {
    const s = await sandbox();
    const { port } = await freshCompanies();
    const customers = new Set((await port.listCustomers()).map((c) => c.number));
    const codes = new Set((await port.listProjects()).map((p) => p.code));
    const candidates = s.store.data.projects.filter((p) => !codes.has(String(p.number)));
    const known = new Map((await port.listProjects()).map((p) => [p.code, p]));
    const { summary, statuses } = await run(candidates, projectsToAdministration(port, customers, known) as never);
    const eligible = candidates.filter((p) => projectIneligibility(p, customers) === undefined);
    expect(summary.transferred).toBe(eligible.length);
    expect(eligible.length).toBeGreaterThan(0);
    const one = eligible[0]!;
    expect(await port.getProject(String(one.number))).toMatchObject({
      name: one.name,
      startDate: one.startDate,
      endDate: one.deadline,
      customerNumber: String(one.customer!.number),
    });
    expect([...statuses.values()].filter((st) => st.kind === 'error').length).toBe(candidates.length - eligible.length);
  });
});

describe('invoices Severa → Administration', () => {
  it('maps VAT rates to Administration codes', () => {
    expect([25, 12, 6, 0, null].map((rate) => vatCodeFor(rate))).toEqual(['1', '2', '3', '0', '1']);
    // A line in the VAT table wins over the built-in one (e.g. 25 % booked as reverse charge, code 0).
    expect(vatCodeFor(25, [{ rate: 25, administration: '0' }])).toBe('0');
    expect(vatCodeFor(12, [{ rate: 25, administration: '0' }])).toBe('2');
  });

  it('books an invoice under its Severa number, moves its Severa status, and never books it twice', async () => {
    const { client, port, ready, transferred, projects: admProjects, context } = await invoiceSetup();
    const candidates = (await collect(client.invoices({ invoiceStatusGuids: [ready.guid] }))).filter((i) => !i.isCreditNote);
    const invoice = candidates.find(
      (i) => context.customers.has(String(i.customer?.number)) && admProjects.has(String(i.projects?.[0]?.number)),
    )!;
    const ledger = new Ledger(':memory:', 't');
    const step = () =>
      invoicesToAdministration({ severa: client, administration: port, ledger, context, afterTransferStatus: transferred });
    const first = await run([invoice], step(), ledger);
    expect(first.statuses.get(invoice.guid)).toEqual({ kind: 'done', targetKey: String(invoice.number), updated: false });
    const booked = (await port.getInvoice(invoice.number!))!;
    expect(booked.externalReference).toContain(invoice.guid);
    expect(booked.total).toBeCloseTo(invoice.totalIncludingTax!.amount!, 1);
    expect((await client.getInvoice(invoice.guid))!.status?.guid).toBe(transferred.guid);

    // Listed again it is in Transferred now.
    const moved = (await client.getInvoice(invoice.guid))!;
    const again = await run([moved], step(), ledger);
    expect(again.statuses.get(invoice.guid)).toMatchObject({
      kind: 'skipped',
      reason: 'already',
      message: `already transferred as invoice ${invoice.number}`,
    });
    // Even with the ledger gone, the reference on the head finds it.
    const fresh = await run(
      [invoice],
      invoicesToAdministration({ severa: client, administration: port, ledger: new Ledger(':memory:', 'x'), context }),
    );
    expect(fresh.statuses.get(invoice.guid)).toMatchObject({ kind: 'skipped', reason: 'already' });
    expect(await port.findInvoicesByReference(invoice.guid)).toHaveLength(1);
  });

  it('refuses an invoice whose rows have no article, listing them, and one whose customer is missing', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const invoice = s.store.data.invoices.find((i) => i.number != null && !i.isCreditNote)!;
    const rows = await collect(client.invoiceRows(invoice.guid));
    const codes = [...new Set(rows.map((r) => r.code![0]!))];
    const refusal = invoiceIneligibility(invoice, rows, {
      articles: new Set(),
      customers: new Set([String(invoice.customer!.number)]),
      projects: undefined,
      numberPolicy: 'severa',
      today: '2026-11-30',
    });
    expect(refusal?.message).toBe(`no article in Administration for ${codes.join(', ')}`);
    const noCustomer = invoiceIneligibility(invoice, rows, {
      articles: new Set(codes),
      customers: new Set(),
      projects: undefined,
      numberPolicy: 'severa',
      today: '2026-11-30',
    });
    expect(noCustomer?.message).toMatch(/transfer the customer first/);
  });
});

describe('supplier invoices → Severa fees', () => {
  it('only cost rows become fees: a credit supplier invoice gives negative fees, its debt and VAT rows are refused', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    const credit = (await port.listSupplierInvoices('2000-01-01', '2099-12-31')).find(
      (i) => isCreditSupplierInvoice(i) && costRows(i).every((r) => (r.project || i.project) !== 'INTERN'),
    )!;
    expect(credit).toBeDefined();
    const ledger = new Ledger(':memory:', 't');
    const items = credit.rows.map((row) => ({ invoice: credit, row }));
    const { statuses } = await run(items, supplierInvoiceRowsToSevera(client, ledger, DEMO_TRANSFER_SETTINGS), ledger);
    for (const row of credit.rows) {
      const status = statuses.get(`${credit.givenNumber}/${row.position}`);
      if (isCostRow(row)) expect(status).toMatchObject({ kind: 'done' });
      else expect(status).toMatchObject({ kind: 'error', message: expect.stringContaining('is not a cost account') });
    }
    const fees = s.store.data.projectFees.filter((f) => f.description?.startsWith(`Lev.fakt ${credit.givenNumber}/`));
    expect(fees).toHaveLength(costRows(credit).length);
    for (const fee of fees) expect(fee.unitCost?.amount).toBeLessThan(0);
  });

  it("puts each row on its own project (else the head's), once; an unknown project fails only its row", async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    const invoices = await port.listSupplierInvoices('2000-01-01', '2099-12-31');
    const twoProjects = invoices.find(
      (i) =>
        new Set(costRows(i).map((r) => r.project || i.project)).size >= 2 &&
        costRows(i).every((r) => (r.project || i.project) !== 'INTERN'),
    )!;
    const withIntern = invoices.find((i) => i.rows.some((r) => r.project === 'INTERN'))!;
    const items = [twoProjects, withIntern].flatMap((invoice) => costRows(invoice).map((row) => ({ invoice, row })));
    const ledger = new Ledger(':memory:', 't');
    const step = () => supplierInvoiceRowsToSevera(client, ledger, DEMO_TRANSFER_SETTINGS);
    const before = s.store.data.projectFees.length;
    const { statuses } = await run(items, step(), ledger);
    const internRow = withIntern.rows.find((r) => r.project === 'INTERN')!;
    expect(statuses.get(`${withIntern.givenNumber}/${internRow.position}`)).toMatchObject({
      kind: 'error',
      message: 'project INTERN is not in Severa',
    });
    const created = s.store.data.projectFees.slice(before);
    expect(created).toHaveLength(items.length - 1);
    const projectsHit = new Set(
      created.filter((f) => f.description?.startsWith(`Lev.fakt ${twoProjects.givenNumber}/`)).map((f) => f.project?.guid),
    );
    expect(projectsHit.size).toBeGreaterThanOrEqual(2);
    const row = twoProjects.rows[0]!;
    const fee = created.find((f) => f.description?.startsWith(`Lev.fakt ${twoProjects.givenNumber}/${row.position} `))!;
    expect(fee).toMatchObject({
      isBillable: false,
      unitCost: { amount: row.amount / (row.quantity || 1) },
      eventDate: twoProjects.invoiceDate,
    });
    expect(s.store.data.projects.find((p) => p.guid === fee.project!.guid)!.number).toBe(
      Number(projectCodeOf({ invoice: twoProjects, row })),
    );

    // Again, even with a new ledger: the reference in the description is found, nothing is written.
    const again = await run(items, supplierInvoiceRowsToSevera(client, new Ledger(':memory:', 'x'), DEMO_TRANSFER_SETTINGS));
    expect(s.store.data.projectFees.length - before).toBe(items.length - 1);
    expect(again.summary.skipped).toBe(items.length - 1);
  });
});

describe('payments → Severa', () => {
  it('sums payments per invoice and marks only invoices paid in full', async () => {
    expect(isPaidInFull(100, 100.004)).toBe(true);
    expect(isPaidInFull(99, 100)).toBe(false);
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    const paid = (await client.invoiceStatuses()).find((x) => x.name === 'Paid')!;
    const grouped = paidInvoices(await port.listCustomerPayments('2000-01-01'));
    const { summary, statuses } = await run(grouped, paymentsToSevera(client, paid));
    const transferredPaid = s.store.data.invoices.filter(
      (i) => grouped.some((g) => g.invoiceNumber === i.number) && i.status?.guid === paid.guid,
    );
    expect(summary.transferred).toBe(5);
    expect(summary.skipped).toBe(grouped.length - 5);
    expect(transferredPaid).toHaveLength(grouped.length);
    expect([...statuses.values()].some((st) => st.kind === 'skipped' && st.message === 'already paid in Severa')).toBe(true);
  });
});
