/**
 * ADK table and field ids (Adk.h) for what sevadm reads and writes, with the port's names for them.
 * Kinds: str (eChar), num (eDouble), bool (eBool), date (eDate as a date), stamp (eDate as a timestamp).
 */
export type FieldKind = 'str' | 'num' | 'bool' | 'date' | 'stamp';
/** [port field, ADK field id, kind, read back?] — write-only flags are not read back. */
export type FieldMap = readonly (readonly [string, number, FieldKind, ('write-only' | undefined)?])[];

export const DB = {
  CUSTOMER: 0,
  ARTICLE: 1,
  INVOICE_HEAD: 6,
  INVOICE_ROW: 7,
  SUPPLIER_INVOICE_HEAD: 8,
  SUPPLIER_INVOICE_ROW: 9,
  PROJECT: 10,
  SUPPLIER: 12,
  TERMS_OF_PAYMENT: 15,
  LANGUAGE: 16,
  CURRENCY: 17,
  PROFIT_CENTRE: 25,
  CUSTOMER_PAYMENT: 62,
} as const;

/** ADK_SORT_ORDER values for lookups by key. */
export const SORT = { CUSTOMER_NUMBER: 0, INVOICE_NUMBER: 12, SUPPLIER_INVOICE_NUMBER: 14, ARTICLE_NUMBER: 16, PROJECT_CODE: 23 } as const;

/** ADKI_* variant ids as AdkGetCompanyName answers them. */
/** ADKI_ADMIN2000=1, ADKI_ADMIN1000=2, ADKI_ADMIN500=3, ADKI_FORENING=4, ADKI_ADMIN200=5 (Adk.h). */
export const VARIANT_OF_ID: Record<number, 500 | 1000 | 2000 | 200 | 'Förening'> = { 1: 2000, 2: 1000, 3: 500, 4: 'Förening', 5: 200 };

export const CUSTOMER: FieldMap = [
  ['number', 0, 'str'],
  ['name', 1, 'str'],
  ['shortName', 2, 'str'],
  ['mailingAddress', 3, 'str'],
  ['mailingAddress2', 4, 'str'],
  ['zipCode', 6, 'str'],
  ['city', 7, 'str'],
  ['country', 8, 'str'],
  ['countryCode', 70, 'str'],
  ['telephone', 9, 'str'],
  ['fax', 11, 'str'],
  ['email', 62, 'str'],
  ['reference', 22, 'str'],
  ['organisationNumber', 25, 'str'],
  ['vatNumber', 59, 'str'],
  ['export', 41, 'bool'],
  ['euCustomer', 61, 'bool'],
  ['currencyCode', 37, 'str'],
  ['languageCode', 38, 'str'],
  ['termsOfPaymentCode', 30, 'str'],
  ['notes', 91, 'str'],
  ['inactive', 112, 'bool'],
  ['ignoreOrganisationNumberCheck', 93, 'bool', 'write-only'],
  ['timestamp', 94, 'stamp'],
];

export const PROJECT: FieldMap = [
  ['code', 0, 'str'],
  ['name', 1, 'str'],
  ['startDate', 2, 'date'],
  ['endDate', 3, 'date'],
  ['closureDate', 4, 'date'],
  ['responsible', 5, 'str'],
  ['customerNumber', 6, 'str'],
  ['customerName', 7, 'str'],
  ['closed', 20, 'bool'],
  ['timestamp', 21, 'stamp'],
];

export const ARTICLE: FieldMap = [
  ['number', 0, 'str'],
  ['name', 1, 'str'],
  ['accountingCode', 5, 'str'],
  ['unitCode', 7, 'str'],
  ['price', 45, 'num'],
  ['inactive', 76, 'bool'],
];
export const PROFIT_CENTRE: FieldMap = [
  ['code', 1, 'str'],
  ['name', 2, 'str'],
];
export const TERMS_OF_PAYMENT: FieldMap = [
  ['code', 0, 'str'],
  ['text', 1, 'str'],
];
export const LANGUAGE: FieldMap = [
  ['code', 0, 'str'],
  ['text', 1, 'str'],
];
/** Currency: the "country" text is its name; SELL per UNIT is the rate. */
export const CURRENCY: FieldMap = [
  ['code', 0, 'str'],
  ['name', 1, 'str'],
  ['unit', 2, 'num'],
  ['sell', 4, 'num'],
];
export const SUPPLIER: FieldMap = [
  ['number', 0, 'str'],
  ['name', 1, 'str'],
  ['organisationNumber', 14, 'str'],
  ['project', 56, 'str'],
];

export const INVOICE_HEAD: FieldMap = [
  ['documentNumber', 0, 'num'],
  ['creditedDocumentNumber', 1, 'num'],
  ['printed', 6, 'bool'],
  ['cancelled', 7, 'bool'],
  ['date', 8, 'date'],
  ['dueDate', 9, 'date'],
  ['type', 13, 'str'],
  ['customerNumber', 14, 'str'],
  ['customerName', 15, 'str'],
  ['yourReference', 27, 'str'],
  ['orderNumber', 28, 'str'],
  ['ourReference', 30, 'str'],
  ['currencyCode', 33, 'str'],
  ['currencyRate', 35, 'num'],
  ['termsOfPaymentCode', 46, 'str'],
  ['total', 61, 'num'],
  ['projectCode', 63, 'str'],
  ['profitCentre', 64, 'str'],
  ['totalExcludingVat', 98, 'num'],
  ['vatAmount', 99, 'num'],
  // Not printed on the invoice: where sevadm keeps "Severa <number> <guid>" to find it again.
  ['externalReference', 105, 'str'],
  ['timestamp', 137, 'stamp'],
];
export const INVOICE_ROWS = { rows: 103, count: 104 } as const;
export const INVOICE_ROW: FieldMap = [
  ['articleNumber', 0, 'str'],
  ['quantity', 2, 'num'],
  ['unitPrice', 5, 'num'],
  ['discount', 7, 'num'],
  ['amount', 10, 'num'],
  ['accountNumber', 11, 'str'],
  ['profitCentre', 12, 'str'],
  ['project', 13, 'str'],
  ['text', 14, 'str'],
  ['unit', 15, 'str'],
  ['vatCode', 16, 'str'],
];

export const SUPPLIER_INVOICE_HEAD: FieldMap = [
  ['givenNumber', 0, 'num'],
  ['supplierNumber', 1, 'str'],
  ['supplierName', 2, 'str'],
  ['invoiceNumber', 6, 'str'],
  ['invoiceDate', 8, 'date'],
  ['dueDate', 9, 'date'],
  ['currencyCode', 10, 'str'],
  ['currencyRate', 11, 'num'],
  ['total', 13, 'num'],
  ['vatAmount', 16, 'num'],
  ['cancelled', 20, 'bool'],
  ['project', 21, 'str'],
  ['profitCentre', 22, 'str'],
  ['ignoreInvoiceNumberCheck', 41, 'bool', 'write-only'],
  ['timestamp', 43, 'stamp'],
];
export const SUPPLIER_INVOICE_ROWS = { rows: 36, count: 37 } as const;
/** Supplier-invoice rows use the offer/order/invoice row ids. */
export const SUPPLIER_INVOICE_ROW: FieldMap = [
  ['articleNumber', 0, 'str'],
  ['quantity', 2, 'num'],
  ['amount', 10, 'num'],
  ['accountNumber', 11, 'str'],
  ['profitCentre', 12, 'str'],
  ['project', 13, 'str'],
  ['text', 14, 'str'],
];

export const CUSTOMER_PAYMENT: FieldMap = [
  ['number', 0, 'num'],
  ['invoiceNumber', 1, 'num'],
  ['date', 2, 'date'],
  ['amount', 8, 'num'],
  ['paymentCode', 11, 'str'],
  ['account', 23, 'str'],
  ['cancelled', 24, 'bool'],
  ['rowType', 37, 'str'],
  ['timestamp', 38, 'stamp'],
];

/** The port's name of an ADK field id in a map, for error messages. */
export function portFieldName(map: FieldMap, id: number): string | undefined {
  return map.find(([, fieldId]) => fieldId === id)?.[0];
}

/** The ADK field id of a port field in a map (a programming error when it is not there). */
export function fieldId(map: FieldMap, name: string): number {
  const entry = map.find(([n]) => n === name);
  if (!entry) throw new Error(`no ADK field for "${name}"`);
  return entry[1];
}
