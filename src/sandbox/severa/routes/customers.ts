import { randomUUID } from 'node:crypto';
import { type CustomerCreateModel, type CustomerModel } from '../../../services/severa/schemas/index.js';
import type { SeveraData } from '../data.js';
import { tokenPage } from '../paging.js';
import { invalidParameter } from '../respond.js';
import { applyReplaceOps, changedSince, findOr404, bodyOf, type PatchKind } from './helpers.js';
import type { Route } from './types.js';

const PATCHABLE: Record<string, PatchKind> = {
  '/name': 'nonEmptyString',
  '/number': 'int',
  '/isActive': 'bool',
  '/notes': 'string',
  '/email': 'string',
  '/website': 'string',
  '/vatNumber': 'string',
  '/kvkNumber': 'string',
  '/numberOfEmployees': 'int',
  '/annualRevenue': 'int',
  '/paymentTerm': 'int',
  '/overdueInterest': 'number',
  '/eInvoiceAddress': 'string',
  '/eInvoiceOperator': 'string',
  '/language/guid': 'guid',
  '/currency/guid': 'guid',
  '/owner/guid': 'guid',
  '/invoicingVat/guid': 'guid',
};

/** Checks a customer as POST or PATCH would leave it, and fills references from their guids. */
function resolveCustomer(data: SeveraData, input: CustomerCreateModel, self?: CustomerModel): Omit<CustomerModel, 'guid'> {
  const checked = bodyOf<CustomerCreateModel>(input);
  if (checked.number !== undefined && checked.number !== null) {
    if (checked.number < 1) throw invalidParameter('RequestBody', 'number', 'Customer number must be positive.');
    const taken = data.customers.find((c) => c.number === checked.number && c.guid !== self?.guid);
    if (taken) throw invalidParameter('RequestBody', 'number', `Customer number ${checked.number} is already in use.`);
  }
  const ref = <T extends { guid: string }>(rows: T[], guid: string | null | undefined, field: string): T | null => {
    if (!guid) return null;
    const found = rows.find((r) => r.guid === guid);
    if (!found) throw invalidParameter('RequestBody', field, `${field} '${guid}' was not found.`);
    return found;
  };
  const language = ref(data.languages, checked.language?.guid, 'language.guid');
  const currency = ref(
    data.currencies.filter((c) => c.isActive),
    checked.currency?.guid,
    'currency.guid',
  );
  const owner = ref(data.users, checked.owner?.guid, 'owner.guid');
  const vat = ref(data.vatRates, checked.invoicingVat?.guid, 'invoicingVat.guid');
  return {
    ...checked,
    isActive: checked.isActive ?? true,
    isInternal: self?.isInternal ?? false,
    // The headquarter address is read-only in the customer model; addresses are separate resources.
    headquarterAddress: self?.headquarterAddress ?? null,
    language: language ? { ...language } : null,
    currency: currency ? { guid: currency.guid, name: currency.name, code: currency.code, symbol: currency.symbol } : null,
    owner: owner
      ? {
          guid: owner.guid,
          name: `${owner.firstName} ${owner.lastName}`,
          firstName: owner.firstName,
          lastName: owner.lastName,
          code: owner.code,
        }
      : null,
    invoicingVat: vat ? { guid: vat.guid, percentage: vat.percentage, code: vat.code } : null,
  };
}

export const customerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/customers',
    scope: 'customers:read',
    handle({ data, query, path }) {
      const isActive = query.bool('isActive');
      const isInternal = query.bool('isInternal');
      const numbers = query.ints('numbers');
      const names = query.strings('customerNames')?.map((n) => n.toLowerCase());
      const emails = query.strings('emailAddresses')?.map((n) => n.toLowerCase());
      const owners = query.strings('customerOwnerGuids');
      const rows = changedSince(data.customers, query.dateTime('changedSince')).filter(
        (c) =>
          (isActive === undefined || c.isActive === isActive) &&
          (isInternal === undefined || c.isInternal === isInternal) &&
          (!numbers || (c.number != null && numbers.includes(c.number))) &&
          (!names || names.includes(c.name.toLowerCase())) &&
          (!emails || (c.email != null && emails.includes(c.email.toLowerCase()))) &&
          (!owners || (c.owner?.guid != null && owners.includes(c.owner.guid))),
      );
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:guid',
    scope: 'customers:read',
    handle: ({ data, params }) => ({ status: 200, body: findOr404(data.customers, params.guid) }),
  },
  {
    method: 'POST',
    pattern: '/v1/customers',
    scope: 'customers:write',
    writes: true,
    handle({ data, body, clock }) {
      const resolved = resolveCustomer(data, body as CustomerCreateModel);
      const now = clock.now();
      const number = resolved.number ?? data.counters.nextCustomerNumber;
      data.counters.nextCustomerNumber = Math.max(data.counters.nextCustomerNumber, number + 1);
      const customer: CustomerModel = { ...resolved, guid: randomUUID(), number, createdDateTime: now, lastUpdatedDateTime: now };
      data.customers.push(customer);
      return { status: 201, body: customer };
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/customers/:guid',
    scope: 'customers:write',
    writes: true,
    handle({ data, params, body, clock }) {
      const current = findOr404(data.customers, params.guid);
      const { patched } = applyReplaceOps(current, body, PATCHABLE);
      const {
        guid: _guid,
        createdDateTime: _c,
        lastUpdatedDateTime: _l,
        createdBy: _cb,
        lastUpdatedBy: _lb,
        isInternal: _i,
        headquarterAddress: _h,
        ...input
      } = patched;
      const resolved = resolveCustomer(data, input as CustomerCreateModel, current);
      Object.assign(current, resolved, { lastUpdatedDateTime: clock.now() });
      return { status: 200, body: [current] };
    },
  },
];
