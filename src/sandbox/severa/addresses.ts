import type { AddressModel, CountryModel, CustomerModel } from '../../services/severa/schemas/index.js';
import type { SeveraData } from './data.js';

/** The countries the sandbox knows (Sweden keeps the seed's guid; the others have fixed ones). */
export function sandboxCountries(sweden: { guid: string }): CountryModel[] {
  const country = (guid: string, code2: string, code3: string, name: string, englishName: string, isInEU: boolean): CountryModel => ({
    guid,
    code2,
    code3,
    name,
    englishName,
    isInEU,
    hasRegions: 'NoRegion',
  });
  return [
    country(sweden.guid, 'SE', 'SWE', 'Sverige', 'Sweden', true),
    country('5a1f4c00-0000-4000-8000-0000000000d0', 'NO', 'NOR', 'Norge', 'Norway', false),
    country('5a1f4c00-0000-4000-8000-0000000000f1', 'FI', 'FIN', 'Finland', 'Finland', true),
    country('5a1f4c00-0000-4000-8000-0000000000d1', 'DK', 'DNK', 'Danmark', 'Denmark', true),
    country('5a1f4c00-0000-4000-8000-0000000000de', 'DE', 'DEU', 'Tyskland', 'Germany', true),
    country('5a1f4c00-0000-4000-8000-0000000000b1', 'GB', 'GBR', 'Storbritannien', 'United Kingdom', false),
  ];
}

/** The head office as the customer shows it: its first postal address (else its first address). */
export function headquarterOf(addresses: AddressModel[]): CustomerModel['headquarterAddress'] {
  const hq = addresses.find((a) => a.isPostalAddress) ?? addresses[0];
  return hq
    ? {
        guid: hq.guid,
        addressline: hq.addressline ?? null,
        postalCode: hq.postalCode ?? null,
        city: hq.city ?? null,
        country: hq.country?.englishName ?? hq.country?.name ?? null,
      }
    : null;
}

/** Data from before addresses were resources: each customer's head office becomes its one address. */
export function withAddresses(data: SeveraData): SeveraData {
  const countries = data.countries ?? sandboxCountries({ guid: data.organization.country?.guid ?? '5a1f4c00-0000-4000-8000-0000000000a0' });
  if (data.addresses) return { ...data, countries };
  const byEnglishName = (name: string | null | undefined) => countries.find((c) => c.englishName === name || c.name === name);
  const addresses: AddressModel[] = data.customers.flatMap((c) => {
    const hq = c.headquarterAddress;
    if (!hq?.guid) return [];
    const country = byEnglishName(hq.country);
    return [
      {
        guid: hq.guid,
        addressline: hq.addressline,
        postalCode: hq.postalCode,
        city: hq.city,
        isBillingAddress: true,
        isPostalAddress: true,
        isVisitAddress: true,
        phone: null,
        fax: null,
        country: country ? { guid: country.guid, name: country.name, englishName: country.englishName } : null,
        customer: { guid: c.guid, name: c.name, number: c.number },
        createdDateTime: c.createdDateTime,
        lastUpdatedDateTime: c.lastUpdatedDateTime,
      },
    ];
  });
  return { ...data, countries, addresses };
}
