import type { AdmCustomerPayment } from '../administration/models.js';
import type { SeveraClient } from '../severa/index.js';
import { collect, firstMatch } from '../severa/index.js';
import type { InvoiceOutputModel, InvoiceStatusModel } from '../severa/schemas/index.js';
import type { TransferStep } from './engine.js';
import { refuse } from './refusal.js';
import { chunks, NUMBERS_PER_CALL } from './batches.js';

/** An invoice paid in Administration: its payments since the chosen date, summed. */
export interface PaidInvoice {
  invoiceNumber: number;
  paid: number;
  lastPaymentDate: string;
  payments: AdmCustomerPayment[];
}

export function paidInvoices(payments: AdmCustomerPayment[]): PaidInvoice[] {
  const byInvoice = new Map<number, PaidInvoice>();
  for (const p of payments) {
    const entry = byInvoice.get(p.invoiceNumber) ?? { invoiceNumber: p.invoiceNumber, paid: 0, lastPaymentDate: p.date, payments: [] };
    entry.paid = Math.round((entry.paid + p.amount) * 100) / 100;
    if (p.date > entry.lastPaymentDate) entry.lastPaymentDate = p.date;
    entry.payments.push(p);
    byInvoice.set(p.invoiceNumber, entry);
  }
  return [...byInvoice.values()].sort((a, b) => a.invoiceNumber - b.invoiceNumber);
}

/** Paid in full, to the öre: a partial payment leaves the Severa status alone. */
export function isPaidInFull(paid: number, total: number | null | undefined): boolean {
  return total != null && paid + 0.005 >= total;
}

/** Invoices paid in Administration get the "paid" status in Severa. */
export function paymentsToSevera(
  severa: SeveraClient,
  paidStatus: InvoiceStatusModel,
  statusPath?: string,
): TransferStep<PaidInvoice, never> {
  const invoiceOf = async (number: number): Promise<InvoiceOutputModel | null> => {
    return firstMatch(severa.invoices({ numbers: [number] }), (i) => i.number === number);
  };
  // The invoices as the run read them (all at once in prepare, else the check), for the checks and the status
  // change right after: no invoice is read twice. A number read and not found is no Severa invoice.
  const checked = new Map<number, InvoiceOutputModel | null>();
  return {
    kind: 'payments',
    direction: 'to-severa',
    sourceId: (p) => String(p.invoiceNumber),
    label: (p) => `${p.invoiceNumber} (${p.paid.toFixed(2)})`,
    plannedKey: (p) => String(p.invoiceNumber),
    async prepare(items) {
      const numbers = [...new Set(items.map((p) => p.invoiceNumber))];
      for (const batch of chunks(numbers, NUMBERS_PER_CALL)) {
        const found = new Map((await collect(severa.invoices({ numbers: batch }))).map((i) => [i.number, i]));
        for (const n of batch) checked.set(n, found.get(n) ?? null);
      }
    },
    async check(p) {
      const invoice = checked.has(p.invoiceNumber) ? checked.get(p.invoiceNumber)! : await invoiceOf(p.invoiceNumber);
      checked.set(p.invoiceNumber, invoice);
      if (!invoice) throw refuse('refusal.noSeveraInvoice', { number: String(p.invoiceNumber) }, `no Severa invoice ${p.invoiceNumber}`);
      if (invoice.status?.guid === paidStatus.guid || invoice.status?.isPaid)
        throw refuse('refusal.alreadyPaid', {}, 'already paid in Severa', true);
      const total = invoice.totalIncludingTax?.amount;
      if (!isPaidInFull(p.paid, total)) {
        throw refuse(
          'refusal.partlyPaid',
          { paid: p.paid.toFixed(2), total: (total ?? 0).toFixed(2) },
          `partly paid: ${p.paid.toFixed(2)} of ${(total ?? 0).toFixed(2)}`,
          true,
        );
      }
    },
    find: async () => null,
    async create(p) {
      const invoice = checked.get(p.invoiceNumber) ?? (await invoiceOf(p.invoiceNumber));
      checked.delete(p.invoiceNumber);
      const moved = await severa.setInvoiceStatus(invoice!.guid, paidStatus.guid, statusPath);
      return `${moved.number} ${moved.status?.name ?? ''}`.trim();
    },
    update: async () => {
      throw new Error('payments are never updated');
    },
    conflictView: () => ({ title: '', fields: [] }),
    async findByPlannedKey(_id, key) {
      const invoice = key ? await invoiceOf(Number(key)) : null;
      return invoice && invoice.status?.guid === paidStatus.guid ? key : null;
    },
  };
}
