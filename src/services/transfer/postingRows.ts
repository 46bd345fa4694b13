import type { AdmSupplierInvoice, AdmSupplierInvoiceRow } from '../administration/models.js';

/**
 * What a supplier invoice's posting row is, by its account in the Swedish chart of accounts (BAS): the supplier debt
 * (2440–2449), input VAT (2640–2649), öresavrundning (3740), costs (classes 4–7), or another balance account.
 * Amounts are signed as posted: debit positive, credit negative (an inference; the ADK documents no sign).
 */
export type PostingRowKind = 'cost' | 'supplier-debt' | 'input-vat' | 'rounding' | 'other';

export function postingRowKind(row: Pick<AdmSupplierInvoiceRow, 'accountNumber'>): PostingRowKind {
  const account = row.accountNumber?.trim();
  // A row with no account was a cost row to every sevadm before posting rows were told apart.
  if (!account) return 'cost';
  if (/^244\d$/.test(account)) return 'supplier-debt';
  if (/^264\d$/.test(account)) return 'input-vat';
  if (account === '3740') return 'rounding';
  if (/^[4-7]\d{3}$/.test(account)) return 'cost';
  return 'other';
}

/** Only cost rows become Severa fees; the debt, VAT and rounding rows are the booking's other side. */
export const isCostRow = (row: Pick<AdmSupplierInvoiceRow, 'accountNumber'>): boolean => postingRowKind(row) === 'cost';

export const costRows = (invoice: Pick<AdmSupplierInvoice, 'rows'>): AdmSupplierInvoiceRow[] => invoice.rows.filter(isCostRow);

/**
 * A credit supplier invoice (its total is negative) posts its costs negative: they become negative fees, so the
 * project's cost falls by what the supplier credited, as in the books.
 */
export const isCreditSupplierInvoice = (invoice: Pick<AdmSupplierInvoice, 'total'>): boolean => invoice.total < 0;
