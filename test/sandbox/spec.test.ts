import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collect } from '../../src/services/severa/index.js';
import { SPEC_FILE } from '../../src/sandbox/severa/spec.js';
import { clientFor, sandbox } from '../helpers/severa.js';

describe("the Severa sandbox against Visma's own spec", () => {
  it('the vendored JSON is exactly what the vendored YAML parses to', () => {
    const json = JSON.parse(readFileSync(SPEC_FILE, 'utf8'));
    const yaml = parse(readFileSync(SPEC_FILE.replace(/\.json$/, '.yaml'), 'utf8'));
    expect(json).toEqual(yaml);
    expect(Object.keys(json.paths)).toHaveLength(312);
  });

  it('refuses what the spec does not allow with 400 and the ExceptionModel, naming where', async () => {
    const s = await sandbox();
    const token = await clientFor(s).auth.token();
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${s.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, Client_Id: s.clientId, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const guid = s.store.data.customers[0]!.guid;
    for (const [body, where] of [
      [
        [{ op: 'replace', path: '/name', value: 'X' }],
        /0\.op must be equal to one of the allowed values \(Add, Copy, Move, Remove, Replace\)/,
      ],
      [[{ op: 'Replace', path: '/paymentTerm', value: 30 }], /0\.value must be string/],
    ] as const) {
      const res = await call('PATCH', `/v1/customers/${guid}`, body);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as {
        error: { type: string; message: string; details?: { message: string; location?: { type: string } }[] };
      };
      expect(error.type).toBe('InvalidParameter');
      expect(JSON.stringify(error)).toMatch(where);
    }
    // `nullable` beside a `$ref` means what its authors meant: null is allowed there.
    const project = s.store.data.projects[0]!;
    const fee = await call('POST', '/v1/projectfees', { project: { guid: project.guid }, product: null, name: 'Fee', quantity: 1 });
    expect(fee.status).toBe(201);
    const created = await call('POST', '/v1/customers', { name: 42 });
    expect(created.status).toBe(400);
    expect(JSON.stringify(await created.json())).toMatch(/name must be string/);
    expect(s.store.data.customers[0]!.name).not.toBe('X');
  });

  it('answers a country by code (a list, as the spec documents) and by guid (the country itself)', async () => {
    const s = await sandbox();
    const token = await clientFor(s).auth.token();
    const get = async (path: string) => {
      const res = await fetch(`${s.url}${path}`, { headers: { Authorization: `Bearer ${token}`, Client_Id: s.clientId } });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown };
    };
    const byCode = await get('/v1/localization/countries/SE');
    expect(byCode.status).toBe(200);
    const [sweden] = byCode.body as { guid: string; code2: string }[];
    expect(sweden!.code2).toBe('SE');
    const byGuid = await get(`/v1/localization/countries/${sweden!.guid}`);
    expect(byGuid).toMatchObject({ status: 200, body: { guid: sweden!.guid, code2: 'SE' } });
    expect((await get('/v1/localization/countries/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('array parameters travel as repeated keys: a name with a comma in it filters exactly', async () => {
    const s = await sandbox();
    s.store.data.customers[3]!.name = 'Komma, Test AB';
    const client = clientFor(s);
    const found = await collect(client.customers({ customerNames: ['Komma, Test AB'] }));
    expect(found.map((c) => c.name)).toEqual(['Komma, Test AB']);
    expect(s.requests.at(-1)!.query).toContain('customerNames=Komma%2C+Test+AB');
  });
});
