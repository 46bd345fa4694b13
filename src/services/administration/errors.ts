/**
 * ADK error codes (lRc) sevadm meets, with the words users see in Administration. Negative codes are
 * sevadm's own, for the link to a bridge, which the ADK has no codes for.
 */
export const ADK_ERRORS = {
  12: {
    name: 'ADKE_EDIT_DENIED_PRINTED',
    sv: 'Dokumentet är utskrivet och kan inte ändras',
    en: 'The document is printed and cannot be changed',
  },
  21: { name: 'ADKE_COULD_NOT_FIND_CUSTOMER', sv: 'Kunden finns inte', en: 'Unknown customer' },
  41: { name: 'ADKE_INVALID_PAYMENT_TERMS', sv: 'Ogiltig betalningsvillkorskod', en: 'Invalid terms of payment code' },
  43: { name: 'ADKE_INVALID_CURRENCY_CODE', sv: 'Ogiltig valutakod', en: 'Invalid currency code' },
  44: { name: 'ADKE_INVALID_LAUNGUAGE_CODE', sv: 'Ogiltig språkkod', en: 'Invalid language code' },
  49: { name: 'ADKE_OOF_INVALID_CUSTOMER', sv: 'Kunden på dokumentet finns inte', en: 'The document names an unknown customer' },
  50: { name: 'ADKE_OOF_INVALID_ARTICLE', sv: 'Artikeln finns inte', en: 'Unknown article' },
  51: { name: 'ADKE_CUSTOMER_INVALID_CUSTOMERNR', sv: 'Ogiltigt kundnummer', en: 'Invalid customer number' },
  79: { name: 'ADKE_EOF', sv: 'Slut på posterna', en: 'End of records' },
  80: { name: 'ADKE_NO_DB_OPEN', sv: 'Ingen databas öppen', en: 'No company is open' },
  103: { name: 'ADKE_INVALID_DATA_TYPE', sv: 'Fel datatyp', en: 'Wrong data type' },
  106: { name: 'ADKE_COULD_NOT_FIND_SUPPLIER', sv: 'Leverantören finns inte', en: 'Unknown supplier' },
  107: { name: 'ADKE_INVALID_DB', sv: 'Ogiltig datapost', en: 'Invalid data handle' },
  108: { name: 'ADKE_INVALID_CONTROLNR', sv: 'Felaktig kontrollsiffra', en: 'Wrong check digit' },
  111: { name: 'ADKE_INVALID_INDEX', sv: 'Ogiltigt radnummer', en: 'Invalid row index' },
  112: { name: 'ADKE_NO_KEY', sv: 'Nyckelfältet saknas', en: 'The key field is empty' },
  115: { name: 'ADKE_NOT_FOUND', sv: 'Posten hittades inte', en: 'Record not found' },
  116: { name: 'ADKE_INVALID_PATH_COMPANY', sv: 'Felaktig sökväg till företag', en: 'Wrong path to the company' },
  132: {
    name: 'ADKE_APP_OLD',
    sv: 'Versionen av Visma Administration är äldre än versionen av API:et',
    en: 'Visma Administration is older than the ADK',
  },
  133: {
    name: 'ADKE_APP_NEW',
    sv: 'Versionen av API:et är äldre än versionen av Visma Administration',
    en: 'The ADK is older than Visma Administration',
  },
  137: {
    name: 'ADKE_INVALID_ADM_PATH',
    sv: 'Felaktig sökväg till gemensamma filer',
    en: 'Wrong path to the common files (Gemensamma filer)',
  },
  138: { name: 'ADKE_DATE_TO_LONG', sv: 'Ogiltigt datum', en: 'Invalid date' },
  139: { name: 'ADKE_NO_NAME', sv: 'Namn saknas', en: 'Name is missing' },
  149: { name: 'ADKE_INVLAID_PROJECT', sv: 'Projektet finns inte', en: 'Unknown project' },
  150: { name: 'ADKE_INVLAID_RESULT_UNIT', sv: 'Resultatenheten finns inte', en: 'Unknown profit centre' },
  167: { name: 'ADKE_END_BEFORE_START', sv: 'Slutdatum är före startdatum', en: 'End date is before start date' },
  180: { name: 'ADKE_TOO_MANY_SIGNS', sv: 'För många tecken', en: 'Too many characters' },
  214: { name: 'ADKE_KEY_TAKEN_IN_NUMBERSERIES', sv: 'Numret är redan upptaget', en: 'The number is already taken' },
  223: {
    name: 'ADKE_API_APP_DIFF',
    sv: 'API:et och Visma Administration har olika versioner',
    en: 'The ADK and Visma Administration versions differ',
  },
  273: { name: 'ADKE_NO_CHANGE_CLOSED_PROJECT1', sv: 'Ett avslutat projekt kan inte ändras', en: 'A closed project cannot be changed' },
  278: {
    name: 'ADKE_DBTABLE_NOT_IN_ADM_VER',
    sv: 'Tabellen finns inte i denna version av Visma Administration',
    en: 'This table does not exist in this Administration variant',
  },
  345: {
    name: 'ADKE_INVOICENR_ALREADY_EXIST',
    sv: 'Fakturanumret är redan registrerat för leverantören',
    en: 'The invoice number is already registered for this supplier',
  },
  373: { name: 'ADKE_INVALID_VAT_CODE', sv: 'Ogiltig momskod', en: 'Invalid VAT code' },
  402: { name: 'ADKE_CUSTOMERPAYMENT_ROWTYPE_MISSING', sv: 'Radtyp saknas på inbetalningen', en: 'The payment has no row type' },
  404: {
    name: 'ADKE_CUSTOMERPAYMENT_PAYMENTCODE_MUST_EXIST',
    sv: 'Betalsätt saknas på inbetalningen',
    en: 'The payment has no way-of-payment code',
  },
  406: { name: 'ADKE_CUSTOMERPAYMENT_ACCOUNT_MUST_EXIST', sv: 'Konto saknas på inbetalningen', en: 'The payment has no account' },
  408: { name: 'ADKE_CUSTOMERPAYMENT_AMOUNT_MUST_EXIST', sv: 'Belopp saknas på inbetalningen', en: 'The payment has no amount' },
  416: { name: 'ADKE_CUSTOMERPAYMENT_INVALID_INVOICE', sv: 'Fakturan för inbetalningen finns inte', en: 'The invoice paid does not exist' },
  [-1]: { name: 'SEVADM_BRIDGE_UNREACHABLE', sv: 'Bryggan svarar inte', en: 'The bridge cannot be reached' },
  [-2]: { name: 'SEVADM_BRIDGE_TIMEOUT', sv: 'Bryggan svarade inte i tid', en: 'The bridge did not answer in time' },
  [-3]: { name: 'SEVADM_BRIDGE_AUTH', sv: 'Bryggan avvisade nyckeln (token)', en: 'The bridge refused the token' },
  [-4]: { name: 'SEVADM_BRIDGE_PROTOCOL', sv: 'Oväntat svar från bryggan', en: 'Unexpected answer from the bridge' },
  [-5]: {
    name: 'SEVADM_BRIDGE_UNCERTAIN',
    sv: 'Svaret försvann; skrivningen kan ha sparats',
    en: 'The answer was lost; the write may have been saved',
  },
  [-10]: { name: 'SEVADM_ADK_LIBRARY', sv: 'Adk.dll kunde inte läsas in', en: 'Adk.dll could not be loaded' },
  [-11]: {
    name: 'SEVADM_ADK_WORKER',
    sv: 'ADK-processen avslutades; den sista skrivningen kan ha sparats',
    en: 'The ADK process stopped; the last write may have been saved',
  },
  674: { name: 'ADKE_LOGIN_DENIED', sv: 'Inloggning krävs för företaget', en: 'The company requires a login' },
  676: { name: 'ADKE_LOGIN_FAIL', sv: 'Fel användarnamn eller lösenord', en: 'Wrong user name or password' },
} as const satisfies Record<number, { name: string; sv: string; en: string }>;

export type AdkErrorCode = keyof typeof ADK_ERRORS;

export const ADK = {
  OK: 0,
  EDIT_DENIED_PRINTED: 12,
  COULD_NOT_FIND_CUSTOMER: 21,
  INVALID_PAYMENT_TERMS: 41,
  INVALID_CURRENCY_CODE: 43,
  INVALID_LANGUAGE_CODE: 44,
  OOF_INVALID_CUSTOMER: 49,
  INVALID_ARTICLE: 50,
  INVALID_CUSTOMERNR: 51,
  NO_DB_OPEN: 80,
  INVALID_DATA_TYPE: 103,
  COULD_NOT_FIND_SUPPLIER: 106,
  INVALID_DB: 107,
  INVALID_CONTROLNR: 108,
  INVALID_INDEX: 111,
  NO_KEY: 112,
  NOT_FOUND: 115,
  INVALID_PATH_COMPANY: 116,
  APP_OLD: 132,
  APP_NEW: 133,
  INVALID_ADM_PATH: 137,
  DATE_TO_LONG: 138,
  NO_NAME: 139,
  INVALID_PROJECT: 149,
  INVALID_PROFIT_CENTRE: 150,
  END_BEFORE_START: 167,
  TOO_MANY_SIGNS: 180,
  KEY_TAKEN: 214,
  API_APP_DIFF: 223,
  NO_CHANGE_CLOSED_PROJECT: 273,
  TABLE_NOT_IN_VARIANT: 278,
  SUPPLIER_INVOICE_NUMBER_TAKEN: 345,
  INVALID_VAT_CODE: 373,
  PAYMENT_ROW_TYPE_MISSING: 402,
  PAYMENT_CODE_MISSING: 404,
  PAYMENT_ACCOUNT_MISSING: 406,
  PAYMENT_AMOUNT_MISSING: 408,
  PAYMENT_INVALID_INVOICE: 416,
  BRIDGE_UNREACHABLE: -1,
  BRIDGE_TIMEOUT: -2,
  BRIDGE_AUTH: -3,
  BRIDGE_PROTOCOL: -4,
  BRIDGE_UNCERTAIN: -5,
  ADK_LIBRARY: -10,
  ADK_WORKER: -11,
  LOGIN_DENIED: 674,
  LOGIN_FAIL: 676,
} as const;

/** The table an error concerns, named as sevadm's users know it. */
export type AdministrationTable =
  | 'company'
  | 'customer'
  | 'project'
  | 'article'
  | 'invoice'
  | 'invoiceRow'
  | 'supplier'
  | 'supplierInvoice'
  | 'supplierInvoiceRow'
  | 'customerPayment'
  | 'profitCentre'
  | 'termsOfPayment'
  | 'language'
  | 'currency'
  | 'bridge';

export interface AdministrationErrorShape {
  code: number;
  table?: AdministrationTable;
  field?: string;
  /** What is wrong in this case, beyond the code's own words (e.g. the value). */
  detail?: string;
}

/** The one error of the AdministrationPort: an ADK code (lRc) with table and field. */
export class AdministrationError extends Error {
  readonly code: number;
  readonly table: AdministrationTable | undefined;
  readonly field: string | undefined;
  readonly detail: string | undefined;

  constructor(shape: AdministrationErrorShape) {
    super(administrationErrorText(shape, 'en'));
    this.name = 'AdministrationError';
    this.code = shape.code;
    this.table = shape.table;
    this.field = shape.field;
    this.detail = shape.detail;
  }

  /** The message in Swedish or English. */
  text(lang: 'sv' | 'en'): string {
    return administrationErrorText(this, lang);
  }

  /** A write may have reached the company although no answer came back. */
  get mayHaveBeenApplied(): boolean {
    return this.code === ADK.BRIDGE_UNCERTAIN || this.code === ADK.ADK_WORKER;
  }

  toJSON(): AdministrationErrorShape & { name: string; message: string; messageSv: string } {
    return {
      code: this.code,
      table: this.table,
      field: this.field,
      detail: this.detail,
      name: errorName(this.code),
      message: this.text('en'),
      messageSv: this.text('sv'),
    };
  }
}

export function errorName(code: number): string {
  return (ADK_ERRORS as Record<number, { name: string }>)[code]?.name ?? `ADK error ${code}`;
}

export function administrationErrorText(shape: AdministrationErrorShape, lang: 'sv' | 'en'): string {
  const known = (ADK_ERRORS as Record<number, { sv: string; en: string }>)[shape.code];
  const base = known ? known[lang] : lang === 'sv' ? `ADK-fel ${shape.code}` : `ADK error ${shape.code}`;
  const where = [shape.table, shape.field].filter(Boolean).join('.');
  return `${base}${where ? ` (${where})` : ''}${shape.detail ? `: ${shape.detail}` : ''} [${shape.code}]`;
}

/** The ADK's code for input of the wrong shape: a date that is none is "bad date" (138, as AdkDateToLong answers), else 103. */
export function wrongInputCode(problem: string): number {
  return /date YYYY-MM-DD|calendar date/.test(problem) ? ADK.DATE_TO_LONG : ADK.INVALID_DATA_TYPE;
}
