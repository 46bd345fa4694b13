import { z } from 'zod';
import { audit, DateOnly, EntityGuid, ModelWithName, MoneyOutputModel, nullableNumber, nullableString } from './common.js';

export const InvoiceStatusSubModel = z.object({
  guid: z.string().min(1),
  name: nullableString,
  isSent: z.boolean().optional(),
  isWaitingPayment: z.boolean().optional(),
  isPaid: z.boolean().optional(),
});

export const InvoiceCustomerSubModel = z.object({ guid: nullableString, name: nullableString, number: z.number().int().nullish() });
export const InvoiceProjectSubModel = InvoiceCustomerSubModel;
export const CurrencySubModel = z.object({ guid: z.string().min(1), code: nullableString, name: nullableString, symbol: nullableString });
export const RelatedInvoiceSubModel = z.object({ guid: nullableString, number: z.number().int().nullish() });
const Address = z.object({
  addressline: nullableString,
  postalCode: nullableString,
  city: nullableString,
  state: nullableString,
  country: nullableString,
});

export const InvoiceOutputModel = z.object({
  guid: EntityGuid,
  // Null until the invoice reaches a status that has an invoice number.
  number: z.number().int().nullish(),
  referenceNumber: nullableString,
  status: InvoiceStatusSubModel.nullish(),
  customer: InvoiceCustomerSubModel.nullish(),
  billingCustomer: InvoiceCustomerSubModel.nullish(),
  projects: z.array(InvoiceProjectSubModel).nullish(),
  date: DateOnly.optional(),
  dueDate: DateOnly.optional(),
  paymentDate: DateOnly.nullish(),
  entryDate: DateOnly.nullish(),
  paymentTerm: z.number().int().optional(),
  overdueInterest: z.number().optional(),
  ourReference: nullableString,
  yourReference: nullableString,
  orderNumber: nullableString,
  currency: CurrencySubModel.nullish(),
  currencyRate: z.number().optional(),
  totalExcludingTax: MoneyOutputModel.nullish(),
  totalIncludingTax: MoneyOutputModel.nullish(),
  totalTax: MoneyOutputModel.nullish(),
  workHoursTotalExcludingTax: MoneyOutputModel.nullish(),
  projectFeesTotalExcludingTax: MoneyOutputModel.nullish(),
  projectTravelExpensesTotalExcludingTax: MoneyOutputModel.nullish(),
  flatRatesTotalExcludingTax: MoneyOutputModel.nullish(),
  workHoursQuantity: z.number().optional(),
  workHourValueAddedTax: nullableNumber,
  receiverCustomerName: nullableString,
  receiverAddress: Address.nullish(),
  receiverVatNumber: nullableString,
  senderName: nullableString,
  senderAddress: Address.nullish(),
  senderVatNumber: nullableString,
  isCreditNote: z.boolean().optional(),
  reimburseInvoice: RelatedInvoiceSubModel.nullish(),
  creditNoteInvoice: RelatedInvoiceSubModel.nullish(),
  invoiceTemplate: ModelWithName.nullish(),
  language: z.object({ guid: nullableString, name: nullableString, englishName: nullableString, code: nullableString }).nullish(),
  notes: nullableString,
  canBeDeleted: z.boolean().optional(),
  ...audit,
});
export type InvoiceOutputModel = z.infer<typeof InvoiceOutputModel>;

export const InvoiceRowType = z.enum(['FlatRate', 'Hours', 'ProjectFees', 'TravelExpenses']);
export const InvoiceRowCategory = z.enum(['Hours', 'ProjectFees', 'Travels']);
export const InvoiceRowAccountingSubModel = z.object({ name: nullableString, number: nullableString });

export const InvoiceRowOutputModel = z.object({
  guid: EntityGuid,
  invoiceGuid: nullableString,
  rowType: InvoiceRowType.optional(),
  category: InvoiceRowCategory.optional(),
  description: nullableString,
  quantity: z.number().optional(),
  unitPrice: MoneyOutputModel.nullish(),
  measurementUnit: nullableString,
  vatRate: nullableNumber,
  sortOrder: z.number().int().optional(),
  salesAccount: InvoiceRowAccountingSubModel.nullish(),
  recurringSalesAccount: InvoiceRowAccountingSubModel.nullish(),
  costCenter: InvoiceRowAccountingSubModel.nullish(),
  vatAccount: InvoiceRowAccountingSubModel.nullish(),
  salesReceivableAccount: InvoiceRowAccountingSubModel.nullish(),
  flatRateGuid: nullableString,
  hasInvoiceComment: z.boolean().optional(),
  // Product codes of the row; there is no row total field.
  code: z.array(z.string()).nullish(),
  ...audit,
});
export type InvoiceRowOutputModel = z.infer<typeof InvoiceRowOutputModel>;

export const InvoiceStatusModel = z.object({
  guid: EntityGuid,
  name: z.string().min(1),
  isActive: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  isDefaultForCreditNote: z.boolean().optional(),
  isReadOnly: z.boolean().optional(),
  hasInvoiceNumber: z.boolean().optional(),
  isSent: z.boolean().optional(),
  isWaitingPayment: z.boolean().optional(),
  isPaid: z.boolean().optional(),
  sortOrder: z.number().int().optional(),
  ...audit,
});
export type InvoiceStatusModel = z.infer<typeof InvoiceStatusModel>;
