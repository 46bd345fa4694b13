import type { AdmCustomer, AdmCustomerPayment, AdmInvoice, AdmProject, AdmSupplierInvoice } from '../administration/models.js';
import type { CustomerModel, InvoiceOutputModel, ProjectFeeOutputModel, ProjectOutputModel } from '../severa/schemas/index.js';
import { administrationConflict, severaToAdministration } from '../transfer/customerMapping.js';
import type { CustomerMappings } from '../transfer/mappings.js';
import { isPaidInFull, paidInvoices } from '../transfer/paymentSteps.js';
import { isCostRow } from '../transfer/postingRows.js';
import { severaProjectToAdministration } from '../transfer/projectRules.js';
import { feeReference, rowId } from '../transfer/supplierInvoiceSteps.js';
import { type Difference, difference, type FieldPair, kronor, ore, pairs } from './differences.js';

const day = (instant: string | null | undefined) => (instant ?? '').slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Customers: only on one side, or on both with fields that differ as the transfer would write them (Severa's
 * customer mapped to Administration's fields, so "Sweden" and "Sverige" are no difference), and which side changed
 * last. Only in Administration: the transfer to Severa sets it right; otherwise the one to Administration.
 */
export function compareCustomers(severa: CustomerModel[], administration: AdmCustomer[], maps: CustomerMappings): Difference[] {
  const out: Difference[] = [];
  const admByNumber = new Map(administration.map((a) => [a.number, a]));
  const severaNumbers = new Set(severa.map((c) => String(c.number ?? '')));
  for (const c of severa) {
    const number = String(c.number ?? '');
    const a = admByNumber.get(number);
    const severaDay = day(c.lastUpdatedDateTime);
    if (!a) {
      out.push(
        difference({
          kind: 'customers',
          reason: 'onlyInSevera',
          key: number,
          name: c.name,
          fields: pairs([['name', c.name, '']]),
          date: severaDay,
          fix: { list: 'severa-customers', id: c.guid, record: c },
        }),
      );
      continue;
    }
    const { fields } = administrationConflict(severaToAdministration(c, maps), a);
    const differing = fields.filter((f) => f.changes);
    if (!differing.length) continue;
    const admDay = day(a.timestamp);
    const changedLater = admDay > severaDay ? 'administration' : 'severa';
    out.push(
      difference({
        kind: 'customers',
        reason: 'customerDiffers',
        key: number,
        name: c.name,
        fields: fields
          .filter((f) => f.source !== '' || f.target !== '')
          .map((f): FieldPair => ({ field: f.label, severa: f.source, administration: f.target, differs: f.changes })),
        changedLater,
        date: later(severaDay, admDay),
        // The transfer to Administration writes exactly the fields found differing here (the same mapping), so after
        // it the two agree; its conflict dialog shows both sides, and which changed later, before anything is written.
        fix: { list: 'severa-customers', id: c.guid, record: c },
      }),
    );
  }
  for (const a of administration) {
    if (severaNumbers.has(a.number)) continue;
    // Severa takes numeric customer numbers only: one like K-200 is renumbered by hand first.
    const numeric = /^\d{1,9}$/.test(a.number);
    out.push(
      difference({
        kind: 'customers',
        reason: numeric ? 'onlyInAdministration' : 'onlyInAdministrationNotNumeric',
        key: a.number,
        name: a.name,
        fields: pairs([['name', '', a.name]]),
        date: day(a.timestamp),
        fix: numeric ? { list: 'administration-customers', id: a.number, record: a } : undefined,
      }),
    );
  }
  return out;
}

/**
 * Projects: active Severa projects with start and end dates that Administration lacks (the transfer books them), and
 * projects on both sides whose name, dates, customer or state differ (the transfer updates them).
 */
export function compareProjects(severa: ProjectOutputModel[], administration: AdmProject[]): Difference[] {
  const out: Difference[] = [];
  const admByCode = new Map(administration.map((p) => [p.code, p]));
  for (const p of severa) {
    const code = String(p.number ?? '');
    const a = admByCode.get(code);
    const mapped = severaProjectToAdministration(p);
    const sides = (adm: AdmProject | undefined) =>
      pairs([
        ['name', mapped.name, adm?.name],
        ['startDate', mapped.startDate, adm?.startDate],
        ['endDate', mapped.endDate, adm?.endDate],
        ['customerNumber', mapped.customerNumber, adm?.customerNumber],
        ['closed', p.isClosed ? 'yes' : 'no', adm ? (adm.closed ? 'yes' : 'no') : ''],
      ]);
    const fix = { list: 'projects' as const, id: p.guid, record: p };
    if (!a) {
      if (p.isClosed || !p.startDate || !p.deadline) continue;
      out.push(
        difference({
          kind: 'projects',
          reason: 'projectMissing',
          key: code,
          name: p.name,
          fields: sides(undefined),
          date: day(p.lastUpdatedDateTime),
          fix,
        }),
      );
      continue;
    }
    const fields = sides(a);
    if (!fields.some((f) => f.differs)) continue;
    // The transfer takes active projects with both dates only; a project closed (or undated) in Severa is for a person.
    const transferable = !p.isClosed && p.startDate && p.deadline;
    out.push(
      difference({
        kind: 'projects',
        reason: 'projectDiffers',
        key: code,
        name: p.name,
        fields,
        date: later(day(p.lastUpdatedDateTime), day(a.timestamp)),
        fix: transferable ? fix : undefined,
      }),
    );
  }
  return out;
}

export interface InvoiceStatusNames {
  /** The status invoices are transferred from ("Ready for transfer"). */
  toTransfer: string | undefined;
  /** The statuses of invoices that should be in the books (Transferred, Paid). */
  booked: ReadonlySet<string>;
}

/**
 * Invoices: Severa invoices that should be in the books (Transferred, Paid) and are not (the transfer from their
 * status books them); booked ones whose customer, date, currency, total excluding VAT or VAT differ to the öre (by
 * hand: an invoice is never rewritten); booked ones Severa still has as "to transfer" (the transfer moves the status);
 * and two Administration invoices with one Severa reference (by hand).
 */
export function compareInvoices(
  severa: InvoiceOutputModel[],
  booked: ReadonlyMap<string, AdmInvoice[]>,
  statuses: InvoiceStatusNames,
): Difference[] {
  const out: Difference[] = [];
  for (const i of severa) {
    const key = String(i.number ?? i.guid);
    const name = i.customer?.name ?? '';
    const inBooks = booked.get(i.guid) ?? [];
    const status = i.status?.name ?? '';
    const fix = { list: 'invoices' as const, id: i.guid, record: i };
    const sides = (a: AdmInvoice | undefined) =>
      pairs([
        ['customer', String(i.customer?.number ?? ''), a?.customerNumber],
        ['date', i.date, a?.date],
        ['currency', i.currency?.code ?? 'SEK', a ? (a.currencyCode ?? 'SEK') : undefined],
        ['totalExcludingVat', kronor(i.totalExcludingTax?.amount), a ? kronor(a.totalExcludingVat) : undefined],
        ['vat', kronor(i.totalTax?.amount), a ? kronor(a.vatAmount) : undefined],
      ]);
    if (inBooks.length > 1) {
      out.push(
        difference({
          kind: 'invoices',
          reason: 'invoiceTwice',
          key,
          name,
          fields: [
            ...pairs([['status', status, '']]),
            ...inBooks.map((a) => ({ field: 'documentNumber', severa: '', administration: String(a.documentNumber), differs: true })),
          ],
          date: i.date ?? '',
        }),
      );
      continue;
    }
    const a = inBooks[0];
    if (!a) {
      if (statuses.booked.has(status))
        out.push(
          difference({
            kind: 'invoices',
            reason: 'invoiceMissing',
            key,
            name,
            fields: [...pairs([['status', status, '']]), ...sides(undefined)],
            date: i.date ?? '',
            fix,
          }),
        );
      continue;
    }
    if (status === statuses.toTransfer)
      out.push(
        difference({
          kind: 'invoices',
          reason: 'invoiceNotMoved',
          key,
          name,
          fields: pairs([['status', status, `${a.documentNumber}`]]),
          date: i.date ?? '',
          fix,
        }),
      );
    // Amounts are compared as kronor with two decimals: the same text is the same to the öre.
    const fields = sides(a);
    if (fields.some((f) => f.differs))
      out.push(difference({ kind: 'invoices', reason: 'invoiceDiffers', key, name, fields, date: later(i.date ?? '', a.date) }));
  }
  return out;
}

/** A fee's supplier-invoice reference ("Lev.fakt 16/2"), if it carries one. */
export function feeRowOf(fee: ProjectFeeOutputModel): string | undefined {
  return /^Lev\.fakt (\d+\/\d+)(?: |$)/.exec(fee.description ?? '')?.[1];
}

/**
 * Supplier invoices: cost rows with no Severa fee (the transfer of the invoice adds the missing ones), and fees with a
 * supplier-invoice reference whose row is gone, or whose amount or project differs (by hand).
 */
export function compareSupplierInvoices(
  invoices: AdmSupplierInvoice[],
  fees: ProjectFeeOutputModel[],
  projectNumberOf: ReadonlyMap<string, string>,
): Difference[] {
  const out: Difference[] = [];
  const severaProjects = new Set(projectNumberOf.values());
  const feesByRow = new Map<string, ProjectFeeOutputModel[]>();
  for (const fee of fees) {
    const row = feeRowOf(fee);
    if (row) feesByRow.set(row, [...(feesByRow.get(row) ?? []), fee]);
  }
  const rows = new Map<string, { invoice: AdmSupplierInvoice; position: number; amount: number; project: string | undefined }>();
  for (const invoice of invoices) {
    if (invoice.cancelled) continue;
    for (const row of invoice.rows) {
      if (!isCostRow(row)) continue;
      rows.set(rowId(invoice.givenNumber, row.position), {
        invoice,
        position: row.position,
        amount: row.amount,
        project: row.project || invoice.project || undefined,
      });
    }
  }
  for (const [id, { invoice, position, amount, project }] of rows) {
    const fee = feesByRow.get(id)?.[0];
    const name = invoice.supplierName;
    const feeAmount = fee ? (fee.unitCost?.amount ?? 0) * (fee.quantity ?? 1) : undefined;
    const feeProject = fee ? projectNumberOf.get(fee.project?.guid ?? '') : undefined;
    const reference = feeReference(invoice.givenNumber, position);
    const fields = pairs([
      ['reference', fee ? reference : '', reference],
      ['amount', fee ? kronor(feeAmount) : '', kronor(amount)],
      ['project', feeProject, project],
    ]);
    if (!fee) {
      // No project anywhere, or one Severa lacks: the transfer would refuse it too, so it is for a person.
      const fixable = project !== undefined && severaProjects.has(project);
      out.push(
        difference({
          kind: 'supplier-invoices',
          reason: 'feeMissing',
          key: id,
          name,
          fields,
          date: invoice.invoiceDate,
          fix: fixable ? { list: 'supplier-invoices', id: String(invoice.givenNumber), record: invoice } : undefined,
        }),
      );
      continue;
    }
    const amountDiffers = ore(feeAmount) !== ore(amount);
    const projectDiffers = project !== undefined && feeProject !== undefined && feeProject !== project;
    if (amountDiffers || projectDiffers)
      out.push(
        difference({
          kind: 'supplier-invoices',
          reason: 'feeDiffers',
          key: id,
          name,
          fields: fields.map((f) => ({
            ...f,
            differs: (f.field === 'amount' && amountDiffers) || (f.field === 'project' && projectDiffers),
          })),
          date: later(invoice.invoiceDate, day(fee.lastUpdatedDateTime)),
        }),
      );
  }
  for (const [id, list] of feesByRow) {
    if (rows.has(id)) continue;
    for (const fee of list.slice(0, 1))
      out.push(
        difference({
          kind: 'supplier-invoices',
          reason: 'feeRowGone',
          key: id,
          name: fee.name ?? '',
          fields: pairs([
            ['reference', fee.description, ''],
            ['amount', kronor((fee.unitCost?.amount ?? 0) * (fee.quantity ?? 1)), ''],
            ['project', projectNumberOf.get(fee.project?.guid ?? '') ?? fee.project?.name, ''],
          ]),
          date: day(fee.lastUpdatedDateTime),
        }),
      );
  }
  return out;
}

/** A Severa invoice and the Administration invoice that carries its reference. */
export interface BookedPair {
  severa: InvoiceOutputModel;
  administration: AdmInvoice;
}

/**
 * Payments: invoices paid in full in Administration that Severa does not have as paid (the payments transfer marks
 * them), and invoices paid in Severa that are open in Administration (a payment to register by hand).
 */
export function comparePayments(booked: BookedPair[], payments: AdmCustomerPayment[]): Difference[] {
  const out: Difference[] = [];
  const paid = new Map(paidInvoices(payments).map((p) => [p.invoiceNumber, p]));
  for (const { severa: s, administration: a } of booked) {
    const p = paid.get(a.documentNumber);
    const inFull = p !== undefined && isPaidInFull(p.paid, a.total);
    const key = String(a.documentNumber);
    const fields = pairs([
      ['status', s.status?.name ?? '', inFull ? 'paid' : 'open'],
      ['paid', s.status?.isPaid ? kronor(s.totalIncludingTax?.amount) : '', kronor(p?.paid ?? 0)],
      ['total', kronor(s.totalIncludingTax?.amount), kronor(a.total)],
    ]);
    if (inFull && !s.status?.isPaid)
      out.push(
        difference({
          kind: 'payments',
          reason: 'paidOnlyInAdministration',
          key,
          name: a.customerName,
          fields,
          date: p.lastPaymentDate,
          fix: { list: 'payments', id: key, record: p },
        }),
      );
    if (!inFull && s.status?.isPaid)
      out.push(
        difference({
          kind: 'payments',
          reason: 'paidOnlyInSevera',
          key,
          name: a.customerName,
          fields,
          date: s.paymentDate ?? s.date ?? '',
        }),
      );
  }
  return out;
}
