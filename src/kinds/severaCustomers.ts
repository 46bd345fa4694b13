import { dayAndTime, detailLines, joined } from './details.js';
import type { CustomerModel } from '../services/severa/schemas/index.js';
import { customersToAdministration } from '../services/transfer/customerSteps.js';
import { day } from './format.js';
import { runOf } from './run.js';
import { collect } from '../services/severa/index.js';
import { changedSince, type Kind } from './types.js';

/** Severa's customers, changed since a date, to Administration. */
export const severaCustomers: Kind<CustomerModel> = {
  list: 'severa-customers',
  name: 'customers',
  source: 'severa',
  filter: 'since',
  title: 'list.severa-customers',
  empty: 'empty.customers',
  columns: [
    { header: 'col.number', weight: 2, min: 6, cell: (c) => String(c.number ?? '') },
    { header: 'col.name', weight: 6, cell: (c) => c.name },
    { header: 'col.city', weight: 3, cell: (c) => c.headquarterAddress?.city ?? '' },
    { header: 'col.email', weight: 5, cell: (c) => c.email ?? '' },
    { header: 'col.changed', weight: 3, min: 11, cell: (c) => day(c.lastUpdatedDateTime) },
  ],
  details: (c, { t }) =>
    detailLines(t, [
      ['field.number', c.number],
      ['field.name', c.name],
      [
        'field.address',
        joined(
          ', ',
          c.headquarterAddress?.addressline,
          joined(' ', c.headquarterAddress?.postalCode, c.headquarterAddress?.city),
          c.headquarterAddress?.country,
        ),
      ],
      ['field.email', c.email],
      ['field.website', c.website],
      ['field.vatNumber', c.vatNumber],
      ['field.currencyCode', c.currency?.code],
      ['field.language', c.language?.name],
      ['field.paymentTerm', c.paymentTerm],
      ['field.owner', c.owner?.name ?? joined(' ', c.owner?.firstName, c.owner?.lastName)],
      ['field.active', c.isActive],
      ['field.internal', c.isInternal],
      ['field.notes', c.notes],
      ['field.changed', dayAndTime(c.lastUpdatedDateTime)],
    ]),
  affects: ['administration-customers'],
  id: (c) => c.guid,
  keys: (c) => [String(c.number ?? '')],
  async load(ctx, filter, _t, onPage) {
    return { records: await collect(ctx.severa().customers({ changedSince: changedSince(filter) }), onPage) };
  },
  async run(ctx, records, request) {
    const administration = ctx.administration();
    const existing = new Map((await administration.listCustomers()).map((c) => [c.number, c]));
    return runOf(ctx, request, records, customersToAdministration(administration, ctx.mappings, existing));
  },
};
