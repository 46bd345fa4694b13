import { dayAndTime, detailLines, joined } from './details.js';
import type { AdmCustomer } from '../services/administration/models.js';
import { collect } from '../services/severa/index.js';
import type { SeveraReferenceData } from '../services/transfer/customerMapping.js';
import { customersToSevera } from '../services/transfer/customerSteps.js';
import { day } from './format.js';
import { runOf } from './run.js';
import { changedSince, type Kind } from './types.js';

/** Administration's customers, changed since a date, to Severa. */
export const administrationCustomers: Kind<AdmCustomer> = {
  list: 'administration-customers',
  name: 'customers',
  source: 'administration',
  filter: 'since',
  title: 'list.administration-customers',
  empty: 'empty.customers',
  columns: [
    { header: 'col.number', weight: 2, min: 6, cell: (c) => c.number },
    { header: 'col.name', weight: 6, cell: (c) => c.name },
    { header: 'col.city', weight: 3, cell: (c) => c.city ?? '' },
    { header: 'col.email', weight: 5, cell: (c) => c.email ?? '' },
    { header: 'col.changed', weight: 3, min: 11, cell: (c) => day(c.timestamp) },
  ],
  details: (c, { t }) =>
    detailLines(t, [
      ['field.number', c.number],
      ['field.name', c.name],
      ['field.shortName', c.shortName],
      ['field.mailingAddress', c.mailingAddress],
      ['field.mailingAddress2', c.mailingAddress2],
      ['field.city', joined(' ', c.zipCode, c.city)],
      ['field.country', joined(' ', c.country, c.countryCode ? `(${c.countryCode})` : '')],
      ['field.telephone', c.telephone],
      ['field.email', c.email],
      ['field.reference', c.reference],
      ['field.organisationNumber', c.organisationNumber],
      ['field.vatNumber', c.vatNumber],
      ['field.currencyCode', c.currencyCode],
      ['field.languageCode', c.languageCode],
      ['field.termsOfPaymentCode', c.termsOfPaymentCode],
      ['field.export', c.export],
      ['field.inactive', c.inactive],
      ['field.notes', c.notes],
      ['field.changed', dayAndTime(c.timestamp)],
    ]),
  affects: ['severa-customers'],
  id: (c) => c.number,
  keys: (c) => [c.number],
  async load(ctx, filter) {
    return { records: await ctx.administration().listCustomers({ changedSince: changedSince(filter) }) };
  },
  async run(ctx, records, request) {
    const severa = ctx.severa();
    const all = await collect(severa.customers());
    const languages = new Map(
      all.flatMap((c) =>
        c.language?.guid && c.language.code ? [[c.language.code, { guid: c.language.guid, code: c.language.code }] as const] : [],
      ),
    );
    const ref: SeveraReferenceData = { currencies: await severa.currencies(), languages: [...languages.values()] };
    const existing = new Map(all.map((c) => [String(c.number), c]));
    return runOf(ctx, request, records, customersToSevera(severa, ctx.mappings, ref, existing));
  },
};
