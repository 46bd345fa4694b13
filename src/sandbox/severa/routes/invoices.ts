import type { InvoiceOutputModel } from '../../../services/severa/schemas/index.js';
import type { SeveraData } from '../data.js';
import { offsetPage, tokenPage } from '../paging.js';
import { invalidOperation, invalidParameter } from '../respond.js';
import { applyReplaceOps, changedSince, findOr404, type PatchKind } from './helpers.js';
import type { Route } from './types.js';

const PATCHABLE: Record<string, PatchKind> = {
  '/status/guid': 'guid',
  '/notes': 'string',
  '/ourReference': 'string',
  '/yourReference': 'string',
  '/orderNumber': 'string',
};

/** Moves an invoice to a status; a status with invoice numbers gives a numberless invoice the next number. */
function moveToStatus(data: SeveraData, invoice: InvoiceOutputModel, statusGuid: string, today: string): void {
  const target = data.invoiceStatuses.find((s) => s.guid === statusGuid);
  if (!target || target.isActive === false) {
    throw invalidParameter('RequestBody', 'status.guid', `Invoice status '${statusGuid}' was not found or is not active.`);
  }
  if (invoice.number != null && !target.hasInvoiceNumber) {
    throw invalidOperation(`Invoice ${invoice.number} has a number and cannot be moved to status '${target.name}', which has none.`);
  }
  if (invoice.number == null && target.hasInvoiceNumber) {
    const number = data.counters.nextInvoiceNumber++;
    invoice.number = number;
    invoice.referenceNumber = `${number}${(number * 7) % 10}`;
    invoice.entryDate = today;
    invoice.canBeDeleted = false;
  }
  if (target.isPaid && !invoice.paymentDate) invoice.paymentDate = today;
  invoice.status = {
    guid: target.guid,
    name: target.name,
    isSent: target.isSent,
    isWaitingPayment: target.isWaitingPayment,
    isPaid: target.isPaid,
  };
}

export const invoiceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/invoices',
    scope: 'invoices:read',
    handle({ data, query, path }) {
      const statuses = query.strings('invoiceStatusGuids');
      const customers = query.strings('customerGuids');
      const projects = query.strings('projectGuids');
      const numbers = query.ints('numbers');
      const references = query.strings('referenceNumbers');
      const startDate = query.date('startDate');
      const endDate = query.date('endDate');
      const rows = changedSince(data.invoices, query.dateTime('changedSince')).filter(
        (inv) =>
          (!statuses || (inv.status != null && statuses.includes(inv.status.guid))) &&
          (!customers || (inv.customer?.guid != null && customers.includes(inv.customer.guid))) &&
          (!projects || (inv.projects ?? []).some((p) => p.guid != null && projects.includes(p.guid))) &&
          (!numbers || (inv.number != null && numbers.includes(inv.number))) &&
          (!references || (inv.referenceNumber != null && references.includes(inv.referenceNumber))) &&
          (!startDate || (inv.date ?? '') >= startDate) &&
          (!endDate || (inv.date ?? '') <= endDate),
      );
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoices/:guid',
    scope: 'invoices:read',
    handle: ({ data, params }) => ({ status: 200, body: findOr404(data.invoices, params.guid) }),
  },
  {
    method: 'GET',
    pattern: '/v1/invoices/:invoiceGuid/invoicerows',
    scope: 'invoices:read',
    handle({ data, params, query, path }) {
      findOr404(data.invoices, params.invoiceGuid);
      const rowType = query.string('rowType');
      const rows = data.invoiceRows
        .filter((r) => r.invoiceGuid === params.invoiceGuid && (!rowType || r.rowType === rowType))
        .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/invoices/:guid',
    scope: 'invoices:write',
    writes: true,
    handle({ data, params, body, clock }) {
      const invoice = findOr404(data.invoices, params.guid);
      const { patched, paths } = applyReplaceOps(invoice, body, PATCHABLE);
      const status = data.invoiceStatuses.find((s) => s.guid === invoice.status?.guid);
      const editsFields = paths.some((p) => p !== '/status/guid');
      if (editsFields && status?.isReadOnly) {
        throw invalidOperation(`Invoice ${invoice.number ?? invoice.guid} is in read-only status '${status.name}'.`);
      }
      const now = clock.now();
      const next = structuredClone(invoice);
      Object.assign(next, {
        notes: patched.notes,
        ourReference: patched.ourReference,
        yourReference: patched.yourReference,
        orderNumber: patched.orderNumber,
      });
      if (paths.includes('/status/guid')) moveToStatus(data, next, patched.status!.guid, now.slice(0, 10));
      Object.assign(invoice, next, { lastUpdatedDateTime: now });
      return { status: 200, body: [invoice] };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoicestatuses',
    scope: 'settings:read',
    handle({ data, query }) {
      const active = query.bool('active');
      const text = query.string('textToSearch')?.toLowerCase();
      const rows = data.invoiceStatuses
        .filter((s) => (active === undefined || s.isActive === active) && (!text || s.name.toLowerCase().includes(text)))
        .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
      return { status: 200, body: offsetPage(query, rows) };
    },
  },
];
