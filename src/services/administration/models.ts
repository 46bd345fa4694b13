import { z } from 'zod';

/** Administration dates cross the port as YYYY-MM-DD (AdkDateToLong's format). */
export const AdmDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
/** Write timestamps, ISO 8601 UTC. */
export const AdmTimestamp = z.string();

/**
 * The program the company is kept with, as AdkGetVariant names it (Adk.h): Administration 2000, 1000, 500,
 * 200, the association edition (Förening), or a variant this sevadm does not know.
 */
export const CompanyVariant = z.union([
  z.literal(500),
  z.literal(1000),
  z.literal(2000),
  z.literal(200),
  z.literal('Förening'),
  z.literal('unknown'),
]);
export type CompanyVariant = z.infer<typeof CompanyVariant>;

/** Only Administration 1000 and 2000 keep projects (the original integration's rule too). */
export const hasProjects = (variant: CompanyVariant) => variant === 1000 || variant === 2000;

export const CompanyInfo = z.object({ name: z.string(), variant: CompanyVariant, adkVersion: z.string() });
export type CompanyInfo = z.infer<typeof CompanyInfo>;

const optionalText = z.string().optional();

export const CustomerInput = z.object({
  number: z.string(),
  name: z.string(),
  shortName: optionalText,
  mailingAddress: optionalText,
  mailingAddress2: optionalText,
  zipCode: optionalText,
  city: optionalText,
  country: optionalText,
  countryCode: optionalText,
  telephone: optionalText,
  fax: optionalText,
  email: optionalText,
  reference: optionalText,
  organisationNumber: optionalText,
  vatNumber: optionalText,
  export: z.boolean().optional(),
  euCustomer: z.boolean().optional(),
  currencyCode: optionalText,
  languageCode: optionalText,
  termsOfPaymentCode: optionalText,
  notes: optionalText,
  inactive: z.boolean().optional(),
  /** ADK_CUSTOMER_IGNORE_ORGANISATION_NUMBER_CHECK: accept an organisation number whose check digit is wrong. */
  ignoreOrganisationNumberCheck: z.boolean().optional(),
});
export type CustomerInput = z.infer<typeof CustomerInput>;
export const CustomerChanges = CustomerInput.omit({ number: true }).partial();
export type CustomerChanges = z.infer<typeof CustomerChanges>;
export const AdmCustomer = CustomerInput.extend({ timestamp: AdmTimestamp });
export type AdmCustomer = z.infer<typeof AdmCustomer>;

export const ProjectInput = z.object({
  code: z.string(),
  name: z.string(),
  startDate: AdmDate.nullish(),
  endDate: AdmDate.nullish(),
  closureDate: AdmDate.nullish(),
  closed: z.boolean().optional(),
  customerNumber: optionalText,
  customerName: optionalText,
  responsible: optionalText,
});
export type ProjectInput = z.infer<typeof ProjectInput>;
export const ProjectChanges = ProjectInput.omit({ code: true }).partial();
export type ProjectChanges = z.infer<typeof ProjectChanges>;
export const AdmProject = ProjectInput.extend({ timestamp: AdmTimestamp });
export type AdmProject = z.infer<typeof AdmProject>;

export const Article = z.object({
  number: z.string(),
  name: z.string(),
  unitCode: optionalText,
  price: z.number().optional(),
  accountingCode: optionalText,
  inactive: z.boolean().optional(),
});
export type Article = z.infer<typeof Article>;

export const ProfitCentre = z.object({ code: z.string(), name: z.string() });
export type ProfitCentre = z.infer<typeof ProfitCentre>;
export const TermsOfPayment = z.object({ code: z.string(), text: z.string(), days: z.number().int() });
export type TermsOfPayment = z.infer<typeof TermsOfPayment>;
export const Language = z.object({ code: z.string(), text: z.string() });
export type Language = z.infer<typeof Language>;
export const Currency = z.object({ code: z.string(), name: z.string(), rate: z.number() });
export type Currency = z.infer<typeof Currency>;
export const Supplier = z.object({ number: z.string(), name: z.string(), organisationNumber: optionalText, project: optionalText });
export type Supplier = z.infer<typeof Supplier>;

/** VAT codes as Administration numbers them: 1 = 25 %, 2 = 12 %, 3 = 6 %, 0 = none. */
export const VatCode = z.enum(['0', '1', '2', '3']);
export type VatCode = z.infer<typeof VatCode>;

export const InvoiceRowInput = z.object({
  articleNumber: optionalText,
  text: optionalText,
  quantity: z.number(),
  unitPrice: z.number(),
  discount: z.number().min(0).max(100).optional(),
  unit: optionalText,
  vatCode: VatCode.optional(),
  profitCentre: optionalText,
  project: optionalText,
  accountNumber: optionalText,
});
export type InvoiceRowInput = z.infer<typeof InvoiceRowInput>;

export const InvoiceInput = z.object({
  /** Leave out to let Administration's number series assign one. */
  documentNumber: z.number().int().positive().optional(),
  /** F = invoice, K = credit invoice. */
  type: z.enum(['F', 'K']),
  customerNumber: z.string(),
  date: AdmDate,
  dueDate: AdmDate.optional(),
  ourReference: optionalText,
  yourReference: optionalText,
  orderNumber: optionalText,
  currencyCode: optionalText,
  currencyRate: z.number().positive().optional(),
  termsOfPaymentCode: optionalText,
  projectCode: optionalText,
  profitCentre: optionalText,
  /** Credit invoices: the invoice they credit. */
  creditedDocumentNumber: z.number().int().positive().optional(),
  /** What sevadm writes on the head to find the invoice again (the Severa number and guid). */
  externalReference: z.string(),
  rows: z.array(InvoiceRowInput).min(1),
});
export type InvoiceInput = z.infer<typeof InvoiceInput>;

export const AdmInvoiceRow = InvoiceRowInput.extend({ position: z.number().int(), amount: z.number() });
export type AdmInvoiceRow = z.infer<typeof AdmInvoiceRow>;
export const AdmInvoice = InvoiceInput.omit({ rows: true, documentNumber: true }).extend({
  documentNumber: z.number().int(),
  customerName: z.string(),
  totalExcludingVat: z.number(),
  vatAmount: z.number(),
  total: z.number(),
  printed: z.boolean(),
  cancelled: z.boolean(),
  rows: z.array(AdmInvoiceRow),
  timestamp: AdmTimestamp,
});
export type AdmInvoice = z.infer<typeof AdmInvoice>;

export const SupplierInvoiceRowInput = z.object({
  text: optionalText,
  accountNumber: optionalText,
  amount: z.number(),
  quantity: z.number().optional(),
  articleNumber: optionalText,
  project: optionalText,
  profitCentre: optionalText,
});
export type SupplierInvoiceRowInput = z.infer<typeof SupplierInvoiceRowInput>;

export const SupplierInvoiceInput = z.object({
  supplierNumber: z.string(),
  /** The supplier's own invoice number. */
  invoiceNumber: z.string(),
  invoiceDate: AdmDate,
  dueDate: AdmDate.optional(),
  currencyCode: optionalText,
  currencyRate: z.number().positive().optional(),
  total: z.number(),
  vatAmount: z.number().optional(),
  project: optionalText,
  profitCentre: optionalText,
  cancelled: z.boolean().optional(),
  /** ADK_SUP_INV_HEAD_IGNORE_CHECK_INVNR: allow the same supplier invoice number twice. */
  ignoreInvoiceNumberCheck: z.boolean().optional(),
  rows: z.array(SupplierInvoiceRowInput),
});
export type SupplierInvoiceInput = z.infer<typeof SupplierInvoiceInput>;

export const AdmSupplierInvoiceRow = SupplierInvoiceRowInput.extend({ position: z.number().int() });
export type AdmSupplierInvoiceRow = z.infer<typeof AdmSupplierInvoiceRow>;
export const AdmSupplierInvoice = SupplierInvoiceInput.omit({ rows: true, ignoreInvoiceNumberCheck: true }).extend({
  /** Löpnummer, from the supplier-invoice number series. */
  givenNumber: z.number().int(),
  supplierName: z.string(),
  cancelled: z.boolean(),
  rows: z.array(AdmSupplierInvoiceRow),
  timestamp: AdmTimestamp,
});
export type AdmSupplierInvoice = z.infer<typeof AdmSupplierInvoice>;

/**
 * A customer payment as the ADK takes it: Adk.h's codes 402, 404, 406 and 408 say a row type, a way-of-payment code,
 * an account and an amount must be there (the values the demo uses, "B" for a payment row, are inferred).
 */
export const CustomerPaymentInput = z.object({
  invoiceNumber: z.number().int(),
  date: AdmDate,
  amount: z.number(),
  rowType: z.string(),
  paymentCode: z.string(),
  account: z.string(),
});
export type CustomerPaymentInput = z.infer<typeof CustomerPaymentInput>;
/** A payment into the bank account by bank giro, as the demo books them. */
export const BANK_GIRO_PAYMENT = { rowType: 'B', paymentCode: 'BG', account: '1930' } as const;
/** A payment on the books (one booked before sevadm carried the row type, code and account may lack them). */
export const AdmCustomerPayment = CustomerPaymentInput.partial({ rowType: true, paymentCode: true, account: true }).extend({
  number: z.number().int(),
  cancelled: z.boolean(),
  timestamp: AdmTimestamp,
});
export type AdmCustomerPayment = z.infer<typeof AdmCustomerPayment>;

/** Who asks to transfer into the company: what they run, as whom, where. */
export const LeaseRequest = z.object({
  /** What the run transfers (invoices, customers…). */
  kind: z.string().max(40),
  /** user@host. */
  who: z.string().max(200),
  host: z.string().max(200),
  pid: z.number().int(),
});
export type LeaseRequest = z.infer<typeof LeaseRequest>;
export const LeaseHolder = LeaseRequest.extend({ since: AdmTimestamp, expires: AdmTimestamp });
export type LeaseHolder = z.infer<typeof LeaseHolder>;
/** Granted: the token renews and releases it (and whose dead lease it took over, if any); else who holds it. */
export const LeaseGrant = z.union([
  z.object({ granted: z.literal(true), token: z.string(), holder: LeaseHolder, tookOverFrom: LeaseHolder.optional() }),
  z.object({ granted: z.literal(false), holder: LeaseHolder }),
]);
export type LeaseGrant = z.infer<typeof LeaseGrant>;
