import type { SeveraEvent } from '../../../src/services/severa/transport.js';
import { describe, expect, it } from 'vitest';
import {
  collect,
  SeveraApiError,
  SeveraInputError,
  SeveraNetworkError,
  SeveraSchemaError,
  SEVADM_SCOPES,
  replace,
} from '../../../src/services/severa/index.js';
import { clientFor, sandbox } from '../../helpers/severa.js';

describe('Severa client: authentication', () => {
  it('gets one token, then sends Bearer and Client_Id on every call', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    await Promise.all([collect(client.customers()), collect(client.projects()), client.invoiceStatuses()]);
    expect(s.tokens.issued).toBe(1);
    const tokenCall = s.requests.find((r) => r.path.endsWith('/v1/token'))!;
    expect((tokenCall.body as { scope: string }).scope).toBe(SEVADM_SCOPES.join(' '));
    const calls = s.requests.filter((r) => !r.path.endsWith('/v1/token'));
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls) {
      expect(call.headers.authorization).toMatch(/^Bearer \S+/);
      expect(call.headers.client_id).toBe(s.clientId);
    }
  });

  it('renews the token before it runs out, without a 401', async () => {
    const s = await sandbox({ tokenTtlSeconds: 2 });
    const client = clientFor(s);
    await client.heartbeatAuthorized();
    await new Promise((r) => setTimeout(r, 1850)); // past the renewal point (90% of 2 s), before expiry
    await client.heartbeatAuthorized();
    expect(s.tokens.issued).toBe(2);
    expect(s.requests.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it('re-authenticates once when Severa rejects the token', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    await client.heartbeatAuthorized();
    s.tokens.revokeAll();
    await expect(client.getCustomer(s.store.data.customers[0]!.guid)).resolves.toMatchObject({ name: s.store.data.customers[0]!.name });
    expect(s.tokens.issued).toBe(2);
    expect(s.requests.map((r) => r.status)).toEqual([200, 204, 401, 200, 200]);
  });

  it('reports wrong credentials as an auth error', async () => {
    const s = await sandbox();
    const client = clientFor(s, { clientSecret: 'wrong' });
    const error = await client.heartbeatAuthorized().catch((e) => e);
    expect(error).toBeInstanceOf(SeveraApiError);
    expect(error.code).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.type).toBe('AuthenticationRequired');
  });

  it('the sandbox refuses a token for a scope the client was not granted', async () => {
    const s = await sandbox({ grantedScopes: SEVADM_SCOPES.filter((x) => x !== 'fees:write') });
    const error = await clientFor(s)
      .heartbeatAuthorized()
      .catch((e) => e);
    expect(error).toBeInstanceOf(SeveraApiError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('fees:write');
  });

  it('the sandbox enforces the scope of each route', async () => {
    const s = await sandbox();
    const client = clientFor(s, { scopes: ['customers:read'] });
    await expect(collect(client.customers())).resolves.toHaveLength(64);
    const error = await collect(client.projects()).catch((e) => e);
    expect(error).toBeInstanceOf(SeveraApiError);
    expect(error.status).toBe(403);
    expect(error.code).toBe('scope');
    expect(error.type).toBe('InsufficientApiScope');
    expect(error.short).toContain('projects:read');
  });
});

describe('Severa client: paging and filters', () => {
  it('follows NextPageToken across pages and streams page by page', async () => {
    const s = await sandbox();
    const client = clientFor(s, { pageSize: 25 });
    const sizes: number[] = [];
    for await (const page of client.customers()) sizes.push(page.length);
    expect(sizes).toEqual([25, 25, 14]);
    const listCalls = s.requests.filter((r) => r.path.endsWith('/v1/customers'));
    expect(listCalls).toHaveLength(3);
    expect(listCalls[0]!.query).not.toContain('pageToken');
    expect(listCalls[1]!.query).toContain('pageToken=');
    expect(listCalls.every((c) => c.query.includes('rowCount=25'))).toBe(true);
    const all = await collect(clientFor(s, { pageSize: 25 }).customers());
    expect(new Set(all.map((c) => c.guid)).size).toBe(64);
  });

  it('asks for 100 rows per page by default', async () => {
    const s = await sandbox();
    await collect(clientFor(s).invoices());
    const calls = s.requests.filter((r) => r.path.endsWith('/v1/invoices'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toContain('rowCount=100');
  });

  it('uses offset paging where the spec does', async () => {
    const s = await sandbox();
    const currencies = await clientFor(s, { pageSize: 2 }).currencies();
    expect(currencies.map((c) => c.code)).toEqual(['SEK', 'EUR', 'NOK']);
    const calls = s.requests.filter((r) => r.path.endsWith('/v1/currencies'));
    expect(calls.map((c) => new URLSearchParams(c.query).get('firstRow'))).toEqual(['0', '2']);
  });

  it('changedSince is inclusive, sent as ISO 8601 UTC and URL-encoded', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const target = s.store.data.customers[3]!;
    const updated = await client.updateCustomer(target.guid, [replace('/notes', 'Ändrad av test')]);
    const since = updated.lastUpdatedDateTime!;
    const changed = await collect(client.customers({ changedSince: since }));
    expect(changed.map((c) => c.guid)).toEqual([target.guid]);
    const later = await collect(client.customers({ changedSince: new Date(Date.parse(since) + 1) }));
    expect(later).toHaveLength(0);
    const call = s.requests.filter((r) => r.path.endsWith('/v1/customers')).at(-1)!;
    expect(call.query).toMatch(/changedSince=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}\.\d{3}Z/);
  });

  it('filters invoices by status', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const statuses = await client.invoiceStatuses();
    const ready = statuses.find((x) => x.name === 'Ready for transfer')!;
    const invoices = await collect(client.invoices({ invoiceStatusGuids: [ready.guid] }));
    expect(invoices.length).toBeGreaterThan(10);
    expect(invoices.every((i) => i.status?.guid === ready.guid)).toBe(true);
  });

  it('refuses a bad filter before sending, naming the field', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    expect(() => client.customers({ changedSince: 'last tuesday' })).toThrow(/changedSince/);
    expect(() => client.invoices({ startDate: '2026-13-45' })).toThrow(SeveraInputError);
    expect(s.requests.filter((r) => !r.path.endsWith('/v1/token'))).toHaveLength(0);
  });
});

describe('Severa client: writes', () => {
  it('creates a customer (201) and a taken number is a clear 400', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const created = await client.createCustomer({ name: 'Åkerö Trädgård AB', vatNumber: 'SE556000000101' });
    expect(created.guid).toMatch(/[0-9a-f-]{36}/);
    expect(created.number).toBe(1065);
    expect(created.isActive).toBe(true);
    const error = await client.createCustomer({ name: 'Dubblett AB', number: 1001 }).catch((e) => e);
    expect(error).toBeInstanceOf(SeveraApiError);
    expect(error.status).toBe(400);
    expect(error.type).toBe('InvalidParameter');
    expect(error.details[0].location.name).toBe('number');
    expect(error.short).toContain('1001');
  });

  it('sends PATCH as a JSON Patch array and gets the updated record back', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const target = s.store.data.customers[0]!;
    const updated = await client.updateCustomer(target.guid, [replace('/name', 'Östgöta Bygg AB'), replace('/paymentTerm', 20)]);
    expect(updated).toMatchObject({ guid: target.guid, name: 'Östgöta Bygg AB', paymentTerm: 20 });
    const patch = s.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual([
      { op: 'Replace', path: '/name', value: 'Östgöta Bygg AB' },
      { op: 'Replace', path: '/paymentTerm', value: '20' },
    ]);
    expect(patch.headers['content-type']).toBe('application/json');
  });

  it('the sandbox accepts only replace operations', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const token = await client.auth.token();
    const guid = s.store.data.customers[0]!.guid;
    const send = (body: unknown) =>
      fetch(`${s.url}/v1/customers/${guid}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, Client_Id: s.clientId, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const remove = await send([{ op: 'remove', path: '/notes' }]);
    expect(remove.status).toBe(400);
    expect(((await remove.json()) as { error: unknown }).error).toMatchObject({ type: 'InvalidParameter', httpStatusCode: 400 });
    const notArray = await send({ name: 'X' });
    expect(notArray.status).toBe(400);
    expect(s.store.data.customers[0]!.name).not.toBe('X');
  });

  it('a status with invoice numbers gives a draft invoice the next number', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const statuses = await client.invoiceStatuses();
    const draft = statuses.find((x) => x.name === 'Draft')!;
    const ready = statuses.find((x) => x.name === 'Ready for transfer')!;
    const [invoice] = await collect(client.invoices({ invoiceStatusGuids: [draft.guid] }));
    expect(invoice!.number).toBeNull();
    const expected = s.store.data.counters.nextInvoiceNumber;
    const moved = await client.setInvoiceStatus(invoice!.guid, ready.guid);
    expect(moved.number).toBe(expected);
    expect(moved.status?.guid).toBe(ready.guid);
    const back = await client.setInvoiceStatus(invoice!.guid, draft.guid).catch((e) => e);
    expect(back).toBeInstanceOf(SeveraApiError);
    expect(back.type).toBe('InvalidOperation');
  });

  it('creates a project fee (201, array answer)', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const project = s.store.data.projects.find((p) => !p.isClosed)!;
    const fee = await client.createProjectFee({
      project: { guid: project.guid },
      productType: 'Subcontracting',
      name: 'Lev.faktura 4711 Tryckeri AB',
      description: 'Lev.fakt 4711/1',
      eventDate: '2026-11-14',
      quantity: 1,
      unitCost: { amount: 1000, currencyCode: 'SEK' },
      isBillable: false,
    });
    expect(fee).toMatchObject({ project: { guid: project.guid }, unitCost: { amount: 1000 }, isBillable: false, eventDate: '2026-11-14' });
    const mine = await collect(client.projectFeesOfProject(project.guid));
    expect(mine.some((f) => f.guid === fee.guid)).toBe(true);
  });

  it('refuses our own bad input before sending, naming the field', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const project = s.store.data.projects[0]!;
    const error = await client.createProjectFee({ project: { guid: project.guid }, eventDate: '14.11.2026' }).catch((e) => e);
    expect(error).toBeInstanceOf(SeveraInputError);
    expect(error.field).toBe('eventDate');
    expect(s.requests.filter((r) => r.path.endsWith('/projectfees'))).toHaveLength(0);
  });

  it('answers 404 with no body, and get returns null', async () => {
    const s = await sandbox();
    await expect(clientFor(s).getInvoice('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    const miss = s.requests.at(-1)!;
    expect(miss.status).toBe(404);
  });
});

describe('Severa client: quota, retries and failures', () => {
  it('absorbs a 429 storm: no request lost, nothing created twice', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    await client.heartbeatAuthorized();
    // 25 refusals on top of the real quota, met by 30 writes in flight at once.
    s.faults.set({ burst429: 25 });
    const project = s.store.data.projects.find((p) => !p.isClosed)!;
    const before = s.store.data.projectFees.length;
    const fees = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.createProjectFee({
          project: { guid: project.guid },
          description: `storm ${i}`,
          unitCost: { amount: i, currencyCode: 'SEK' },
        }),
      ),
    );
    expect(fees).toHaveLength(30);
    expect(s.store.data.projectFees.length - before).toBe(30);
    const descriptions = s.store.data.projectFees
      .slice(before)
      .map((f) => f.description)
      .sort();
    expect(new Set(descriptions).size).toBe(30);
    expect(client.stats.tooManyRequests).toBeGreaterThanOrEqual(25);
    expect(s.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(25);
  });

  it('retries a 5xx on reads', async () => {
    const s = await sandbox({ faults: { burst5xx: 2 } });
    const events: string[] = [];
    const client = clientFor(s, { onEvent: (e) => e.type === 'retry' && events.push(e.reason) });
    await expect(client.heartbeat()).resolves.toBe(true);
    expect(s.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(events).toEqual(['503', '503']);
  });

  it('does not resend a POST after a 5xx: it may have been applied', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    await client.heartbeatAuthorized();
    s.faults.set({ burst5xx: 1 });
    const project = s.store.data.projects.find((p) => !p.isClosed)!;
    const error = await client.createProjectFee({ project: { guid: project.guid }, description: 'once' }).catch((e) => e);
    expect(error).toBeInstanceOf(SeveraApiError);
    expect(error.mayHaveBeenApplied).toBe(true);
    expect(s.requests.filter((r) => r.path.endsWith('/v1/projectfees'))).toHaveLength(1);
  });

  it('retries a read whose connection was dropped', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    await client.heartbeatAuthorized();
    s.faults.set({ dropNext: 2 });
    await expect(collect(client.products())).resolves.toHaveLength(11);
  });

  it('reports a POST whose answer was lost as uncertain, and does not send it again', async () => {
    const s = await sandbox({ faults: { dropAfterApplyRate: 1 } });
    const client = clientFor(s);
    const project = s.store.data.projects.find((p) => !p.isClosed)!;
    const before = s.store.data.projectFees.length;
    const error = await client.createProjectFee({ project: { guid: project.guid }, description: 'lost answer' }).catch((e) => e);
    expect(error).toBeInstanceOf(SeveraNetworkError);
    expect(error.code).toBe('uncertain');
    expect(error.mayHaveBeenApplied).toBe(true);
    expect(s.store.data.projectFees.length - before).toBe(1);
  });

  it('times out a slow call, retries it, then gives a clear timeout error', async () => {
    const s = await sandbox();
    const client = clientFor(s, { timeoutMs: 150, maxAttempts: 2 });
    await client.heartbeatAuthorized();
    s.faults.set({ latencyMs: 400 });
    const error = await client.organizationDetails().catch((e) => e);
    expect(error).toBeInstanceOf(SeveraNetworkError);
    expect(error.code).toBe('timeout');
    expect(error.endpoint).toBe('GET /v1/organizationdetails');
  });

  it('one record of a list that breaks the schema is left out and named (endpoint, record, field), never the whole list', async () => {
    // The sandbox checks its answers against the spec; this one is broken on purpose.
    const s = await sandbox({ checkAnswers: false });
    const broken = s.store.data.customers[2]!;
    (broken as unknown as { number: string }).number = 'ett-två';
    const events: SeveraEvent[] = [];
    const customers = await collect(clientFor(s, { onEvent: (e) => events.push(e) }).customers());
    expect(customers).toHaveLength(s.store.data.customers.length - 1);
    expect(customers.some((c) => c.guid === broken.guid)).toBe(false);
    expect(events.filter((e) => e.type === 'bad-record')).toEqual([
      {
        type: 'bad-record',
        endpoint: 'GET /v1/customers',
        record: expect.stringContaining(broken.guid),
        field: 'number',
        problem: expect.any(String),
      },
    ]);
  });

  it('a non-JSON success body is a schema error, not a crash', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    (s.store.data as { organization: unknown }).organization = undefined;
    const error = await client.organizationDetails().catch((e) => e);
    expect(error).toBeInstanceOf(SeveraSchemaError);
    expect(error.field).toBe('(body)');
  });
});
