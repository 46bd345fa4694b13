import { tokenPage } from '../paging.js';
import { changedSince, findOr404 } from './helpers.js';
import type { Route } from './types.js';

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/projects',
    scope: 'projects:read',
    handle({ data, query, path }) {
      const isClosed = query.bool('isClosed');
      const internal = query.bool('internal');
      const customers = query.strings('customerGuids');
      const guids = query.strings('projectGuids');
      const numbers = query.ints('numbers');
      const rows = changedSince(data.projects, query.dateTime('changedSince')).filter(
        (p) =>
          (isClosed === undefined || p.isClosed === isClosed) &&
          (internal === undefined || p.isInternal === internal) &&
          (!customers || (p.customer != null && customers.includes(p.customer.guid))) &&
          (!guids || guids.includes(p.guid)) &&
          (!numbers || (p.number != null && numbers.includes(p.number))),
      );
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/projects/:guid',
    scope: 'projects:read',
    handle: ({ data, params }) => ({ status: 200, body: findOr404(data.projects, params.guid) }),
  },
];
