import type { AdministrationPort } from '../administration/port.js';
import type { AdmInvoice } from '../administration/models.js';
import { collect, type SeveraClient } from '../severa/index.js';
import type { InvoiceOutputModel, ProjectOutputModel } from '../severa/schemas/index.js';
import type { CustomerMappings } from '../transfer/mappings.js';
import type { TransferSettings } from '../transfer/settings.js';
import { type CompareKind, COMPARE_KINDS, type Difference } from './differences.js';
import { type BookedPair, compareCustomers, compareInvoices, comparePayments, compareProjects, compareSupplierInvoices } from './rules.js';

export interface CompareRequest {
  kinds?: readonly CompareKind[];
  /** YYYY-MM-DD: only differences whose records changed (or are dated) on or after it. */
  since?: string;
  mappings: CustomerMappings;
  settings: TransferSettings;
  /** Told as each side's records come in: what is being read, and how many so far. */
  onProgress?: (what: string, count: number) => void;
}

export interface CompareResult {
  differences: Difference[];
  /** What was read, per kind and side: the summary's counts. */
  read: Record<string, number>;
}

/** Every page of a Severa list, its progress told as it arrives (a compare of 10,000 customers reads for ten seconds). */
function all<T>(pages: AsyncIterable<T[]>, what: string, onProgress?: (what: string, count: number) => void): Promise<T[]> {
  onProgress?.(what, 0);
  return collect(pages, onProgress && ((_, soFar) => onProgress(what, soFar.length)));
}

/**
 * Reads both sides and lists what differs, kind by kind. It only reads: nothing is written to either side or to the
 * ledger. Severa is read list by list at its quota (a page a call), Administration invoice by invoice by reference.
 */
export async function compareSides(
  severa: SeveraClient,
  administration: AdministrationPort,
  request: CompareRequest,
): Promise<CompareResult> {
  const kinds = new Set(request.kinds ?? COMPARE_KINDS);
  const progress = request.onProgress;
  const read: Record<string, number> = {};
  const out: Difference[] = [];
  const once = <T>(make: () => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= make());
  };
  const severaProjects = once(() => all<ProjectOutputModel>(severa.projects({}), 'Severa projects', progress));
  const statuses = once(() => severa.invoiceStatuses());
  const names = async () => {
    const list = await statuses();
    const booked = new Set([request.settings.afterTransferStatus ?? 'Transferred', request.settings.paidStatus].filter(Boolean));
    return { list, toTransfer: request.settings.invoiceStatusToTransfer, booked };
  };
  // The Severa invoices that should be, or may already be, in the books, each with the Administration invoices that
  // carry its reference.
  const invoicesWithBooks = once(async () => {
    const { list, toTransfer, booked } = await names();
    const guids = list.filter((s) => booked.has(s.name ?? '') || s.name === toTransfer).map((s) => s.guid);
    const invoices = guids.length
      ? await all<InvoiceOutputModel>(severa.invoices({ invoiceStatusGuids: guids }), 'Severa invoices', progress)
      : [];
    const books = new Map<string, AdmInvoice[]>();
    for (const [n, i] of invoices.entries()) {
      books.set(i.guid, await administration.findInvoicesByReference(i.guid));
      if (n % 50 === 49) progress?.('Administration invoices', n + 1);
    }
    read['severa invoices'] = invoices.length;
    read['administration invoices'] = [...books.values()].reduce((n, l) => n + l.length, 0);
    return { invoices, books, toTransfer, booked };
  });

  if (kinds.has('customers')) {
    const s = await all(severa.customers({}), 'Severa customers', progress);
    const a = await administration.listCustomers();
    read['severa customers'] = s.length;
    read['administration customers'] = a.length;
    out.push(...compareCustomers(s, a, request.mappings));
  }
  if (kinds.has('projects')) {
    const s = await severaProjects();
    const a = await administration.listProjects();
    read['severa projects'] = s.length;
    read['administration projects'] = a.length;
    out.push(...compareProjects(s, a));
  }
  if (kinds.has('invoices')) {
    const { invoices, books, toTransfer, booked } = await invoicesWithBooks();
    out.push(...compareInvoices(invoices, books, { toTransfer, booked }));
  }
  if (kinds.has('supplier-invoices')) {
    const invoices = await administration.listSupplierInvoices('2000-01-01', '2099-12-31');
    const fees = await all(severa.projectFees({}), 'Severa fees', progress);
    const numbers = new Map((await severaProjects()).map((p) => [p.guid, String(p.number ?? '')]));
    read['administration supplier invoices'] = invoices.length;
    read['severa fees'] = fees.length;
    out.push(...compareSupplierInvoices(invoices, fees, numbers));
  }
  if (kinds.has('payments')) {
    const { invoices, books } = await invoicesWithBooks();
    const payments = await administration.listCustomerPayments('2000-01-01');
    read['administration payments'] = payments.length;
    const pairs: BookedPair[] = invoices.flatMap((i) =>
      books.get(i.guid)?.length === 1 ? [{ severa: i, administration: books.get(i.guid)![0]! }] : [],
    );
    out.push(...comparePayments(pairs, payments));
  }
  const since = request.since;
  return { differences: since ? out.filter((d) => d.date >= since) : out, read };
}
