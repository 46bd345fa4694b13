/** The kinds a compare looks at, in the order it lists them. */
export const COMPARE_KINDS = ['customers', 'projects', 'invoices', 'supplier-invoices', 'payments'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

/** Why a record is listed: each names what differs, and so what would set it right. */
export type Reason =
  | 'onlyInSevera'
  | 'onlyInAdministration'
  | 'onlyInAdministrationNotNumeric'
  | 'customerDiffers'
  | 'projectMissing'
  | 'projectDiffers'
  | 'invoiceMissing'
  | 'invoiceDiffers'
  | 'invoiceNotMoved'
  | 'invoiceTwice'
  | 'feeMissing'
  | 'feeRowGone'
  | 'feeDiffers'
  | 'paidOnlyInAdministration'
  | 'paidOnlyInSevera';

/** The list whose transfer sets a difference right, and the record's id there (a row of that list). */
export interface Fix {
  list: 'severa-customers' | 'administration-customers' | 'projects' | 'invoices' | 'supplier-invoices' | 'payments';
  id: string;
  /** The record as that list holds it, for the transfer. */
  record: unknown;
}

/** One field on both sides, as the transfer compares them; `differs` marks the ones that do. */
export interface FieldPair {
  field: string;
  severa: string;
  administration: string;
  differs: boolean;
}

export interface Difference {
  /** Stable across compares of the same data: kind, reason and key. */
  id: string;
  kind: CompareKind;
  reason: Reason;
  /** How people know the record: customer number, project code, invoice number, "given/row". */
  key: string;
  name: string;
  fields: FieldPair[];
  /** Customers in both: the side whose record changed last. */
  changedLater?: 'severa' | 'administration';
  /** The record's latest date on either side (YYYY-MM-DD), for "changed since". */
  date: string;
  /** Set when a transfer can set it right; else it is for a person to do (the reason says what). */
  fix?: Fix;
}

/** Money to the öre, as both sides book it. */
export const ore = (n: number | null | undefined) => Math.round((n ?? 0) * 100);
export const kronor = (n: number | null | undefined) => (n == null ? '' : (ore(n) / 100).toFixed(2));

export function difference(d: Omit<Difference, 'id'>): Difference {
  return { ...d, id: `${d.kind}:${d.reason}:${d.key}` };
}

/** Pairs of fields, each marked when its two sides differ. */
export function pairs(rows: [string, string | undefined | null, string | undefined | null][]): FieldPair[] {
  return rows.map(([field, severa, administration]) => ({
    field,
    severa: severa ?? '',
    administration: administration ?? '',
    differs: (severa ?? '') !== (administration ?? ''),
  }));
}
