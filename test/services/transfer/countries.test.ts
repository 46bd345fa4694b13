import { describe, expect, it } from 'vitest';
import type { AdmCustomer } from '../../../src/services/administration/models.js';
import { countryCode, swedishCountryName } from '../../../src/services/transfer/countries.js';
import { administrationConflict, severaToAdministration } from '../../../src/services/transfer/customerMapping.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../../src/services/transfer/mappings.js';

const severa = (country: string) => ({
  guid: 'g',
  name: 'Kund AB',
  number: 1001,
  headquarterAddress: { guid: 'a', addressline: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', country },
});
const admin = (more: Partial<AdmCustomer>): AdmCustomer => ({
  number: '1001',
  name: 'Kund AB',
  mailingAddress: 'Storgatan 1',
  zipCode: '111 22',
  city: 'Stockholm',
  timestamp: '',
  ...more,
});

describe('countries by their code', () => {
  it('knows a country by its English or Swedish name or its code, and names it in Swedish', () => {
    expect(countryCode('Sweden')).toBe('SE');
    expect(countryCode('sverige')).toBe('SE');
    expect(countryCode('fi')).toBe('FI');
    expect(countryCode('Atlantis')).toBeUndefined();
    expect(swedishCountryName('NO')).toBe('Norge');
  });

  it('Severa\'s "Sweden" goes to Administration as SE, Sverige: never the English name', () => {
    expect(severaToAdministration(severa('Sweden'), DEMO_CUSTOMER_MAPPINGS)).toMatchObject({ country: 'Sverige', countryCode: 'SE' });
  });

  it('the same country is no difference, whatever its name; another one is, with its code', () => {
    const incoming = severaToAdministration(severa('Sweden'), DEMO_CUSTOMER_MAPPINGS);
    const same = administrationConflict(incoming, admin({ country: 'Sverige', countryCode: 'SE' }));
    expect(same.fields.find((f) => f.label === 'country')?.changes).toBe(false);
    expect(same.changes).toEqual({});
    // An older company with the country named but no code: still the same.
    expect(administrationConflict(incoming, admin({ country: 'Sweden' })).changes).toEqual({});
    const other = administrationConflict(incoming, admin({ country: 'Norge', countryCode: 'NO' }));
    expect(other.changes).toEqual({ country: 'Sverige', countryCode: 'SE' });
  });

  it('a yes/no field not set reads "no" on both sides alike', () => {
    const incoming = severaToAdministration(severa('Sweden'), DEMO_CUSTOMER_MAPPINGS);
    const inactive = administrationConflict(incoming, admin({ inactive: false, countryCode: 'SE' })).fields.find(
      (f) => f.label === 'inactive',
    )!;
    expect([inactive.source, inactive.target, inactive.changes]).toEqual(['no', 'no', false]);
  });
});
