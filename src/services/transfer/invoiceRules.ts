import type { InvoiceInput, InvoiceRowInput, VatCode } from '../administration/models.js';
import { severaInvoiceReference } from '../administration/references.js';
import type { InvoiceOutputModel, InvoiceRowOutputModel } from '../severa/schemas/index.js';
import { type CustomerMappings, mappedCode } from './mappings.js';
import { refuse, type TransferRefusal } from './refusal.js';

/** Severa VAT percentage → Administration VAT code (1 = 25 %, 2 = 12 %, 3 = 6 %, 0 = none). */
export function vatCodeFor(rate: number | null | undefined, table: readonly { rate: number; administration: VatCode }[] = []): VatCode {
  const mapped = table.find((m) => m.rate === (rate ?? 25));
  if (mapped) return mapped.administration;
  switch (rate ?? 25) {
    case 0:
      return '0';
    case 12:
      return '2';
    case 6:
      return '3';
    default:
      return '1';
  }
}

export interface InvoiceContext {
  articles: ReadonlySet<string>;
  customers: ReadonlySet<string>;
  /** Project codes in Administration; undefined on a variant-500 company (no projects). */
  projects: ReadonlySet<string> | undefined;
  numberPolicy: 'severa' | 'administration';
  /** The day an invoice without a date is booked on (YYYY-MM-DD, from the program's clock). */
  today: string;
  /** Administration document number of the invoice a credit note credits, when known. */
  creditedDocumentNumber?: number;
  /** VAT, currency and cost-centre tables from the settings. */
  mappings?: Pick<CustomerMappings, 'vatCodes' | 'currencies' | 'costCentres'>;
}

/** Why an invoice cannot go; all problems of its rows at once, so the user fixes them in one go. */
export function invoiceIneligibility(
  invoice: InvoiceOutputModel,
  rows: InvoiceRowOutputModel[],
  ctx: InvoiceContext,
): TransferRefusal | undefined {
  if (ctx.numberPolicy === 'severa' && invoice.number == null)
    return refuse('refusal.noInvoiceNumber', {}, 'invoice has no number in Severa yet');
  const customer = invoice.customer?.number;
  if (customer == null || !ctx.customers.has(String(customer))) {
    return refuse(
      'refusal.customerMissing',
      { number: String(customer ?? '?') },
      `customer ${customer ?? '?'} is not in Administration: transfer the customer first`,
    );
  }
  const missing = [...new Set(rows.map((r) => r.code?.[0]).filter((code): code is string => Boolean(code) && !ctx.articles.has(code!)))];
  if (missing.length)
    return refuse('refusal.missingArticles', { articles: missing.join(', ') }, `no article in Administration for ${missing.join(', ')}`);
  const project = invoice.projects?.[0]?.number;
  if (project != null && ctx.projects && !ctx.projects.has(String(project))) {
    return refuse(
      'refusal.projectMissingAdm',
      { project: String(project) },
      `project ${project} is not in Administration: transfer the project first`,
    );
  }
  return undefined;
}

/** Head and rows as Administration takes them. A credit note becomes a credit invoice (type K, positive rows). */
export function severaInvoiceToAdministration(
  invoice: InvoiceOutputModel,
  rows: InvoiceRowOutputModel[],
  ctx: InvoiceContext,
): InvoiceInput {
  const credit = invoice.isCreditNote === true;
  const projectNumber = invoice.projects?.[0]?.number;
  const project = projectNumber != null && ctx.projects?.has(String(projectNumber)) ? String(projectNumber) : undefined;
  const maps = ctx.mappings ?? {};
  const centre = (r: InvoiceRowOutputModel) => mappedCode(maps.costCentres, r.costCenter?.number);
  const headCentre = rows.map(centre).find(Boolean);
  const sign = credit ? -1 : 1;
  const mappedRows: InvoiceRowInput[] = [...rows]
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
    .map((r) => ({
      articleNumber: r.code?.[0] ?? undefined,
      text: r.description ?? undefined,
      quantity: sign * (r.quantity ?? 0),
      unitPrice: r.unitPrice?.amount ?? 0,
      vatCode: vatCodeFor(r.vatRate, maps.vatCodes),
      unit: r.measurementUnit ?? undefined,
      profitCentre: centre(r),
      project,
    }));
  return {
    documentNumber: ctx.numberPolicy === 'severa' ? (invoice.number ?? undefined) : undefined,
    type: credit ? 'K' : 'F',
    customerNumber: String(invoice.customer?.number ?? ''),
    date: invoice.date ?? ctx.today,
    dueDate: invoice.dueDate,
    ourReference: invoice.ourReference ?? undefined,
    yourReference: invoice.yourReference ?? undefined,
    orderNumber: invoice.orderNumber ?? undefined,
    currencyCode: mappedCode(maps.currencies, invoice.currency?.code),
    currencyRate: invoice.currencyRate && invoice.currencyRate > 0 ? invoice.currencyRate : undefined,
    projectCode: project,
    profitCentre: headCentre,
    creditedDocumentNumber: credit ? ctx.creditedDocumentNumber : undefined,
    externalReference: severaInvoiceReference(invoice.number, invoice.guid),
    rows: mappedRows,
  };
}
