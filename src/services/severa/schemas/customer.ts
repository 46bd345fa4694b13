import { z } from 'zod';
import { audit, EntityGuid, ModelWithName, nullableNumber, nullableString, UserWithFirstNameLastNameAndPhotoFileModel } from './common.js';

export const CustomerCurrency = z.object({ guid: nullableString, name: nullableString, code: nullableString, symbol: nullableString });
export const CustomerLanguage = z.object({ guid: nullableString, name: nullableString, englishName: nullableString, code: nullableString });
export const CustomerHeadquarterAddress = z.object({
  guid: nullableString,
  addressline: nullableString,
  postalCode: nullableString,
  city: nullableString,
  country: nullableString,
});
export const CustomerInvoicingVat = z.object({ guid: nullableString, percentage: z.number().optional(), code: nullableString });

const customerFields = {
  name: z.string().min(1),
  number: z.number().int().nullish(),
  isActive: z.boolean().optional(),
  isInternal: z.boolean().optional(),
  notes: nullableString,
  email: nullableString,
  website: nullableString,
  vatNumber: nullableString,
  kvkNumber: z.string().max(25).nullish(),
  numberOfEmployees: z.number().int().nullish(),
  annualRevenue: z.number().int().nullish(),
  language: CustomerLanguage.nullish(),
  currency: CustomerCurrency.nullish(),
  owner: UserWithFirstNameLastNameAndPhotoFileModel.nullish(),
  industry: ModelWithName.nullish(),
  headquarterAddress: CustomerHeadquarterAddress.nullish(),
  timezone: ModelWithName.nullish(),
  pricelist: ModelWithName.nullish(),
  paymentTerm: z.number().int().nullish(),
  overdueInterest: nullableNumber,
  invoicingVat: CustomerInvoicingVat.nullish(),
  eInvoiceAddress: nullableString,
  eInvoiceOperator: nullableString,
  invoiceTemplate: ModelWithName.nullish(),
};

/** The spec uses one CustomerModel for GET, POST and PATCH. Read from Severa, it always has a guid. */
export const CustomerModel = z.object({ guid: EntityGuid, ...customerFields, ...audit });
export type CustomerModel = z.infer<typeof CustomerModel>;

/** CustomerModel as a POST body: no guid yet, read-only fields left out. */
export const CustomerCreateModel = z.object(customerFields).omit({ isInternal: true });
export type CustomerCreateModel = z.input<typeof CustomerCreateModel>;
