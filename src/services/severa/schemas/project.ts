import { z } from 'zod';
import {
  audit,
  DateOnly,
  EntityGuid,
  ModelWithName,
  MoneyOutputModel,
  nullableString,
  UserWithFirstNameLastNameAndPhotoFileModel,
} from './common.js';

export const ProjectCustomerSubModel = z.object({ guid: z.string().min(1), name: nullableString, number: z.number().int().nullish() });
export const BusinessUnitSubModel = z.object({
  guid: z.string().min(1),
  name: nullableString,
  code: nullableString,
  companyGuid: nullableString,
  companyName: nullableString,
  companyBusinessUnitGuid: nullableString,
  companyCountryGuid: nullableString,
  companyCurrencyGuid: nullableString,
});
export const CurrencySubModel2 = z.object({ guid: z.string().min(1), code: nullableString, name: nullableString, symbol: nullableString });
export const ProjectCostCenterSubModel = z.object({ guid: nullableString, identifier: nullableString, name: nullableString });
export const ProjectStatusSubModel = z.object({
  guid: nullableString,
  name: nullableString,
  description: nullableString,
  projectStatusTypeGuid: nullableString,
});
export const SalesStatusSubModel = z.object({ guid: nullableString, name: nullableString, salesStatusTypeGuid: nullableString });
export const CustomerContactSubModel = z.object({
  guid: nullableString,
  name: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  isDeleted: z.boolean().optional(),
});

export const ProjectOutputModel = z.object({
  guid: EntityGuid,
  name: z.string().min(1),
  number: z.number().int().nullish(),
  internalName: nullableString,
  description: nullableString,
  isInternal: z.boolean().optional(),
  isClosed: z.boolean().optional(),
  closedDate: DateOnly.nullish(),
  startDate: DateOnly.nullish(),
  // Severa's end date is called deadline; there is no endDate.
  deadline: DateOnly.nullish(),
  customer: ProjectCustomerSubModel.nullish(),
  projectOwner: UserWithFirstNameLastNameAndPhotoFileModel.nullish(),
  salesPerson: UserWithFirstNameLastNameAndPhotoFileModel.nullish(),
  billingContact: UserWithFirstNameLastNameAndPhotoFileModel.nullish(),
  customerContact: CustomerContactSubModel.nullish(),
  businessUnit: BusinessUnitSubModel.nullish(),
  currency: CurrencySubModel2.nullish(),
  costCenter: ProjectCostCenterSubModel.nullish(),
  projectStatus: ProjectStatusSubModel.nullish(),
  salesStatus: SalesStatusSubModel.nullish(),
  probability: z.number().int().nullish(),
  expectedOrderDate: DateOnly.nullish(),
  expectedValue: MoneyOutputModel.nullish(),
  paymentTerm: z.number().int().nullish(),
  ourReference: nullableString,
  yourReference: nullableString,
  orderNumber: nullableString,
  invoiceNotes: nullableString,
  keywords: z.array(ModelWithName).nullish(),
  rootPhase: ModelWithName.nullish(),
  ...audit,
});
export type ProjectOutputModel = z.infer<typeof ProjectOutputModel>;
