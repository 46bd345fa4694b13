import { startOfDay } from '../clock.js';
import { UsageError } from '../errors.js';
import type { OpenEnvironment } from '../environments.js';
import { collect } from '../services/severa/index.js';
import { fit, fitRight } from '../text.js';

/**
 * What `sevadm show` lists beyond the transfer lists, so anyone can check the books from the command line:
 * the invoices sevadm booked in Administration (with the Severa reference they carry), the fees it created in
 * Severa (with their supplier-invoice reference) and the invoices Severa holds as paid.
 */
export const BOOK_VIEWS = {
  'invoices/administration': 'Administration invoices carrying a Severa reference',
  'fees/severa': 'Severa fees sevadm created from supplier invoices (reference Lev.fakt N/P)',
  'payments/severa': 'Severa invoices in a paid status',
} as const;
export type BookView = keyof typeof BOOK_VIEWS;

export const isBookView = (what: string, side: string): boolean => `${what}/${side}` in BOOK_VIEWS;

const money = (n: number | null | undefined) => (n == null ? '' : n.toFixed(2));

export async function showBooks(
  view: BookView,
  env: OpenEnvironment,
  since: string,
  json: boolean,
  out: (line: string) => void,
): Promise<number> {
  const emit = (record: unknown, cells: string[]) => out(json ? JSON.stringify(record) : cells.join(' ').trimEnd());
  if (view === 'invoices/administration') {
    if (!env.administration) throw new UsageError('Administration is not configured: set it in a profile (sevadm setup), or add --demo');
    const invoices = (await env.administration.findInvoicesByReference('Severa ')).filter((i) => i.date >= since);
    if (!json)
      out(`${fit('Number', 8)} ${fit('Date', 10)} ${fit('Customer', 30)} ${fitRight('Total', 12)} ${fit('Cur', 4)} Severa reference`);
    for (const i of invoices)
      emit(i, [
        fit(String(i.documentNumber), 8),
        fit(i.date, 10),
        fit(`${i.customerNumber} ${i.customerName}`, 30),
        fitRight(money(i.total), 12),
        fit(i.currencyCode ?? 'SEK', 4),
        i.externalReference,
      ]);
    return 0;
  }
  if (!env.severa) throw new UsageError('Severa is not configured: set it in a profile (sevadm setup), or add --demo');
  if (view === 'fees/severa') {
    const fees = (await collect(env.severa.projectFees({ changedSince: startOfDay(since) }))).filter((f) =>
      f.description?.startsWith('Lev.fakt '),
    );
    if (!json) out(`${fit('Reference', 16)} ${fit('Project', 30)} ${fit('Date', 10)} ${fitRight('Cost', 12)} Description`);
    for (const f of fees)
      emit(f, [
        fit(f.description!.split(' ').slice(0, 2).join(' '), 16),
        fit(f.project?.name ?? '', 30),
        fit(f.eventDate ?? '', 10),
        fitRight(money((f.unitCost?.amount ?? 0) * (f.quantity ?? 1)), 12),
        f.description!.split(' ').slice(2).join(' '),
      ]);
    return 0;
  }
  const paid = (await env.severa.invoiceStatuses()).filter((s) => s.isPaid);
  const invoices = paid.length ? await collect(env.severa.invoices({ invoiceStatusGuids: paid.map((s) => s.guid) })) : [];
  if (!json) out(`${fit('Number', 8)} ${fit('Paid on', 10)} ${fit('Customer', 30)} ${fitRight('Total', 12)} Status`);
  for (const i of invoices.filter((x) => (x.paymentDate ?? x.date ?? '') >= since))
    emit(i, [
      fit(String(i.number ?? ''), 8),
      fit(i.paymentDate ?? '', 10),
      fit(i.customer?.name ?? '', 30),
      fitRight(money(i.totalIncludingTax?.amount), 12),
      i.status?.name ?? '',
    ]);
  return 0;
}
