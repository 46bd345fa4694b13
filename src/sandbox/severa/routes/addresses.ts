import { randomUUID } from 'node:crypto';
import {
  type AddressCreateModel,
  type AddressModel,
  type CountryModel,
  type CustomerModel,
} from '../../../services/severa/schemas/index.js';
import { headquarterOf } from '../addresses.js';
import type { SeveraData } from '../data.js';
import { offsetPage } from '../paging.js';
import { invalidParameter, NotFound } from '../respond.js';
import { applyReplaceOps, findOr404, bodyOf, type PatchKind } from './helpers.js';
import type { Route } from './types.js';

const PATCHABLE: Record<string, PatchKind> = {
  '/addressline': 'string',
  '/postalCode': 'string',
  '/city': 'string',
  '/phone': 'string',
  '/fax': 'string',
  '/isBillingAddress': 'bool',
  '/isPostalAddress': 'bool',
  '/isVisitAddress': 'bool',
  '/country/guid': 'guid',
};

const addressesOf = (data: SeveraData) => (data.addresses ??= []);

function countryRef(data: SeveraData, guid: string | null | undefined, field: string): AddressModel['country'] {
  if (!guid) return null;
  const country = (data.countries ?? []).find((c) => c.guid === guid);
  if (!country) throw invalidParameter('RequestBody', field, `${field} '${guid}' was not found.`);
  return { guid: country.guid, name: country.name, englishName: country.englishName, hasRegions: country.hasRegions };
}

/** The customer shows its head office from its addresses; a change there is a change of the customer. */
function refreshHeadquarter(data: SeveraData, customer: CustomerModel, now: string): void {
  customer.headquarterAddress = headquarterOf(addressesOf(data).filter((a) => a.customer?.guid === customer.guid));
  customer.lastUpdatedDateTime = now;
}

export const addressRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/customers/:guid/addresses',
    scope: 'customers:read',
    handle({ data, params, query }) {
      const customer = findOr404(data.customers, params.guid);
      return {
        status: 200,
        body: offsetPage(
          query,
          addressesOf(data).filter((a) => a.customer?.guid === customer.guid),
        ),
      };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:guid/addresses',
    scope: 'customers:write',
    writes: true,
    handle({ data, params, body, clock }) {
      const customer = findOr404(data.customers, params.guid);
      const input = bodyOf<AddressCreateModel>(body);
      const now = clock.now();
      const address: AddressModel = {
        ...input,
        guid: randomUUID(),
        isBillingAddress: input.isBillingAddress ?? false,
        isPostalAddress: input.isPostalAddress ?? false,
        isVisitAddress: input.isVisitAddress ?? false,
        country: countryRef(data, input.country?.guid, 'country.guid'),
        customer: { guid: customer.guid, name: customer.name, number: customer.number },
        contacts: [],
        createdDateTime: now,
        lastUpdatedDateTime: now,
      };
      addressesOf(data).push(address);
      refreshHeadquarter(data, customer, now);
      return { status: 201, body: address };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/addresses/:guid',
    scope: 'customers:read',
    handle: ({ data, params }) => ({ status: 200, body: findOr404(addressesOf(data), params.guid) }),
  },
  {
    method: 'PATCH',
    pattern: '/v1/addresses/:guid',
    scope: 'customers:write',
    writes: true,
    handle({ data, params, body, clock }) {
      const current = findOr404(addressesOf(data), params.guid);
      const { patched, paths } = applyReplaceOps(current, body, PATCHABLE);
      if (paths.includes('/country/guid')) patched.country = countryRef(data, patched.country?.guid, 'country.guid');
      const now = clock.now();
      Object.assign(current, patched, { lastUpdatedDateTime: now });
      const customer = data.customers.find((c) => c.guid === current.customer?.guid);
      if (customer) refreshHeadquarter(data, customer, now);
      return { status: 200, body: [current] };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/localization/countries/:code',
    scope: 'settings:read',
    handle({ data, params }) {
      const code = (params.code ?? '').toUpperCase();
      // By guid the spec answers the country itself; by code or name, a list.
      const byGuid = (data.countries ?? []).find((c) => c.guid.toUpperCase() === code);
      if (byGuid) return { status: 200, body: byGuid };
      const found: CountryModel | undefined = (data.countries ?? []).find(
        (c) => c.code2 === code || c.code3 === code || c.englishName?.toUpperCase() === code || c.name?.toUpperCase() === code,
      );
      if (!found) throw new NotFound();
      return { status: 200, body: [found] };
    },
  },
];
