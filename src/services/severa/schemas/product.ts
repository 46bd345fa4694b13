import { z } from 'zod';
import { audit, EntityGuid, ModelWithName, MoneyOutputModel, nullableNumber, nullableString, ProductType } from './common.js';

export const ProductSalesAccountSubModel = z.object({ guid: nullableString, name: nullableString, number: nullableString });

export const ProductOutputModel = z.object({
  guid: EntityGuid,
  name: z.string().min(1),
  code: nullableString,
  type: ProductType.nullish(),
  unitPrice: MoneyOutputModel.nullish(),
  unitCost: MoneyOutputModel.nullish(),
  vatRate: nullableNumber,
  measurementUnit: nullableString,
  isActive: z.boolean().nullish(),
  productCategory: ModelWithName.nullish(),
  salesAccount: ProductSalesAccountSubModel.nullish(),
  proposalDescription: nullableString,
  ...audit,
});
export type ProductOutputModel = z.infer<typeof ProductOutputModel>;
