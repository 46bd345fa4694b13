import { z } from 'zod';

// Severa marks most output fields nullable and may also leave them out, so both are accepted.
export const nullableString = z.string().nullish();
export const nullableNumber = z.number().nullish();
export const optionalBoolean = z.boolean().optional();

/** `format: date` on the wire; the exact wire form is undocumented, so a time part is accepted and dropped. */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date YYYY-MM-DD')
  .transform((s) => s.slice(0, 10));

/** `format: date-time`; with or without offset. */
export const DateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time');

/** An entity we key our ledger on must carry its guid, even where the spec calls the field nullable. */
export const EntityGuid = z.string().min(1);

export const ModelWithName = z.object({ guid: nullableString, name: nullableString });

export const UserWithFirstNameLastNameAndPhotoFileModel = z.object({
  guid: nullableString,
  name: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  code: nullableString,
});

export const audit = {
  createdDateTime: DateTime.optional(),
  createdBy: UserWithFirstNameLastNameAndPhotoFileModel.nullish(),
  lastUpdatedDateTime: DateTime.nullish(),
  lastUpdatedBy: UserWithFirstNameLastNameAndPhotoFileModel.nullish(),
};

export const CurrencyPurpose = z.enum(['ProjectPrice', 'ProjectCost', 'UserCost', 'ExpenseCost']);

export const MultiCurrencyInfoModel = z.object({
  amount: nullableNumber,
  currencyCode: nullableString,
  purpose: z.array(CurrencyPurpose).optional(),
});

export const MoneyOutputModel = z.object({
  amount: nullableNumber,
  currencyCode: nullableString,
  multiCurrencyInfo: z.array(MultiCurrencyInfoModel).nullish(),
});
export type MoneyOutputModel = z.infer<typeof MoneyOutputModel>;

export const MoneyInputModel = z.object({ amount: z.number(), currencyCode: z.string().min(1) });
export const MoneyInputModelWithNullableAmount = z.object({
  amount: z.number().nullish(),
  currencyCode: z.string().min(1),
});

export const SimpleInputModel = z.object({ guid: z.string().nullish() });
export const SimpleInputRequiredModel = z.object({ guid: z.string().min(1) });

export const ProductType = z.enum(['FixedFees', 'Materials', 'Subcontracting']);
export type ProductType = z.infer<typeof ProductType>;
