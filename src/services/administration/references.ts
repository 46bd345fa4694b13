/**
 * What sevadm writes on an invoice head in Administration so the invoice can be found again even
 * without the ledger: the Severa invoice number (for people) and guid (what lookups match on).
 */
export function severaInvoiceReference(number: number | null | undefined, guid: string): string {
  return `Severa ${number ?? '-'} ${guid}`;
}
