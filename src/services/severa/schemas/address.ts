import { z } from 'zod';
import { audit, EntityGuid, ModelWithName, nullableString } from './common.js';

export const CountryRegionsStatus = z.enum(['NoRegion', 'Unknown', 'HasRegions']);
export const AddressCountry = z.object({
  guid: nullableString,
  name: nullableString,
  englishName: nullableString,
  hasRegions: CountryRegionsStatus.optional(),
});
export const AddressCustomer = z.object({ guid: nullableString, name: nullableString, number: z.number().int().nullish() });

const addressFields = {
  addressline: nullableString,
  postalCode: nullableString,
  city: nullableString,
  isBillingAddress: z.boolean().optional(),
  isPostalAddress: z.boolean().optional(),
  isVisitAddress: z.boolean().optional(),
  phone: nullableString,
  fax: nullableString,
  country: AddressCountry.nullish(),
  countryRegion: ModelWithName.nullish(),
  customer: AddressCustomer.nullish(),
  contacts: z.array(ModelWithName).nullish(),
};

/** A customer's address (addresses are resources of their own; the customer shows its head office read-only). */
export const AddressModel = z.object({ guid: EntityGuid, ...addressFields, ...audit });
export type AddressModel = z.infer<typeof AddressModel>;
/** AddressModel as a POST body. */
export const AddressCreateModel = z.object(addressFields).omit({ customer: true, contacts: true });
export type AddressCreateModel = z.input<typeof AddressCreateModel>;

export const CountryModel = z.object({
  guid: EntityGuid,
  code2: nullableString,
  code3: nullableString,
  name: nullableString,
  englishName: nullableString,
  isInEU: z.boolean().optional(),
  hasRegions: CountryRegionsStatus.optional(),
});
export type CountryModel = z.infer<typeof CountryModel>;
