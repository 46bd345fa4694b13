import { z } from 'zod';
import { audit, EntityGuid, ModelWithName, nullableString } from './common.js';

export const CurrencyOutputModel = z.object({
  guid: EntityGuid,
  code: nullableString,
  name: nullableString,
  symbol: nullableString,
  rate: z.number().optional(),
  isActive: z.boolean().optional(),
  isOrganizationCurrency: z.boolean().optional(),
  ...audit,
});
export type CurrencyOutputModel = z.infer<typeof CurrencyOutputModel>;

export const VatRateOutputModel = z.object({
  guid: EntityGuid,
  percentage: z.number(),
  code: z.string().max(10).nullish(),
  isActive: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  countryGuid: nullableString,
  ...audit,
});
export type VatRateOutputModel = z.infer<typeof VatRateOutputModel>;

export const CostCenterModel = z.object({
  guid: EntityGuid,
  name: z.string().min(1),
  identifier: z.string().min(1),
  isActive: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  ...audit,
});
export type CostCenterModel = z.infer<typeof CostCenterModel>;

export const CompanyModel = z.object({
  guid: nullableString,
  name: nullableString,
  rootBusinessUnitGuid: nullableString,
  currencyGuid: nullableString,
  currencyCode: nullableString,
  currencySymbol: nullableString,
  currencyRate: z.number().optional(),
  country: z.object({ guid: nullableString, name: nullableString, englishName: nullableString, code3: nullableString }).nullish(),
});

export const OrganizationDetailsOutputModel = z.object({
  guid: nullableString,
  name: nullableString,
  vatNumber: nullableString,
  kvkNumber: z.string().max(25).nullish(),
  isVatRegistered: z.boolean().optional(),
  registeredOffice: nullableString,
  address: nullableString,
  postalCode: nullableString,
  city: nullableString,
  phone: nullableString,
  fax: nullableString,
  eInvoiceAddress: nullableString,
  eInvoiceOperatorCode: nullableString,
  odpCompany: nullableString,
  country: z.object({ guid: nullableString, name: nullableString, englishName: nullableString, code: nullableString }).nullish(),
  currency: z.object({ guid: z.string().min(1), code: nullableString, name: nullableString, symbol: nullableString }).nullish(),
  language: z.object({ guid: nullableString, name: nullableString, code: nullableString }).nullish(),
  formatting: z.object({ guid: nullableString, name: nullableString, code: nullableString }).nullish(),
  timezone: ModelWithName.nullish(),
  activeCompanies: z.array(CompanyModel).nullish(),
  activeAddons: z.array(z.string()).nullish(),
});
export type OrganizationDetailsOutputModel = z.infer<typeof OrganizationDetailsOutputModel>;
