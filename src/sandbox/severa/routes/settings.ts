import { offsetPage, tokenPage } from '../paging.js';
import { changedSince } from './helpers.js';
import type { Route } from './types.js';

export const settingsRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/heartbeat/server',
    scope: null,
    handle: () => ({ status: 200, text: 'Server is alive.' }),
  },
  {
    method: 'GET',
    pattern: '/heartbeat/authorized',
    scope: '',
    handle: () => ({ status: 204 }),
  },
  {
    method: 'GET',
    pattern: '/v1/organizationdetails',
    scope: 'organization:read',
    handle: ({ data }) => ({ status: 200, body: data.organization }),
  },
  {
    method: 'GET',
    pattern: '/v1/products',
    scope: 'settings:read',
    handle({ data, query, path }) {
      const type = query.string('type');
      const isActive = query.bool('isActive');
      const code = query.string('code');
      const rows = changedSince(data.products, query.dateTime('changedSince')).filter(
        (p) => (!type || p.type === type) && (isActive === undefined || Boolean(p.isActive) === isActive) && (!code || p.code === code),
      );
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/users',
    scope: 'users:read',
    handle({ data, query, path }) {
      const isActive = query.bool('isActive');
      const code = query.string('code');
      const email = query.string('email')?.toLowerCase();
      const rows = changedSince(data.users, query.dateTime('changedSince')).filter(
        (u) =>
          (isActive === undefined || u.isActive === isActive) && (!code || u.code === code) && (!email || u.email?.toLowerCase() === email),
      );
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/currencies',
    scope: 'settings:read',
    handle({ data, query }) {
      const active = query.bool('active');
      const text = query.string('textToSearch')?.toLowerCase();
      const rows = data.currencies.filter(
        (c) => (active === undefined || c.isActive === active) && (!text || `${c.code} ${c.name}`.toLowerCase().includes(text)),
      );
      return { status: 200, body: offsetPage(query, rows) };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/vatrates',
    scope: 'settings:read',
    handle({ data, query }) {
      const active = query.bool('active');
      return { status: 200, body: data.vatRates.filter((v) => active === undefined || v.isActive === active) };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/costcenters',
    scope: 'settings:read',
    handle({ data, query }) {
      const active = query.bool('active');
      return {
        status: 200,
        body: offsetPage(
          query,
          data.costCenters.filter((c) => active === undefined || c.isActive === active),
        ),
      };
    },
  },
];
