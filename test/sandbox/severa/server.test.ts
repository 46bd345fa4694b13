import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSeveraSandbox } from '../../../src/sandbox/severa/server.js';
import { QUOTA_MESSAGE } from '../../../src/sandbox/severa/quota.js';
import { collect } from '../../../src/services/severa/index.js';
import { clientFor, sandbox } from '../../helpers/severa.js';

async function tokenFor(url: string, clientId: string, clientSecret: string) {
  const res = await fetch(`${url}/v1/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, scope: 'customers:read' }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('Severa sandbox server', () => {
  it('answers /v1 without a token with 401 and an ExceptionModel', async () => {
    const s = await sandbox();
    const res = await fetch(`${s.url}/v1/customers`, { headers: { Client_Id: s.clientId } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { httpStatusCode: 401, type: 'AuthenticationRequired' } });
  });

  it("answers 429 with Severa's message once over 10 calls a second", async () => {
    const s = await sandbox();
    const statuses = await Promise.all(
      Array.from({ length: 15 }, () => fetch(`${s.url}/heartbeat/server`).then(async (r) => [r.status, await r.text()] as const)),
    );
    expect(statuses.filter(([status]) => status === 200)).toHaveLength(10);
    const refused = statuses.filter(([status]) => status === 429);
    expect(refused).toHaveLength(5);
    expect(refused[0]![1]).toBe(QUOTA_MESSAGE);
  });

  it('binds a page token to its filters', async () => {
    const s = await sandbox();
    const token = await tokenFor(s.url, s.clientId, s.clientSecret);
    const headers = { Authorization: `Bearer ${token}`, Client_Id: s.clientId };
    const first = await fetch(`${s.url}/v1/customers?rowCount=10`, { headers });
    const next = first.headers.get('NextPageToken');
    expect(next).toBeTruthy();
    const other = await fetch(`${s.url}/v1/customers?rowCount=10&isActive=false&pageToken=${next}`, { headers });
    expect(other.status).toBe(400);
    const defaults = await fetch(`${s.url}/v1/customers`, { headers });
    expect(((await defaults.json()) as unknown[]).length).toBe(20);
    const capped = await fetch(`${s.url}/v1/customers?rowCount=1000`, { headers });
    expect(((await capped.json()) as unknown[]).length).toBe(64);
  });

  it('keeps its state in the data file across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-severa-'));
    const dataFile = join(dir, 'severa.json');
    const first = await startSeveraSandbox({ port: 0, dataFile });
    const created = await clientFor(first).createCustomer({ name: 'Kvarnström Måleri AB' });
    await first.close();
    const second = await startSeveraSandbox({ port: 0, dataFile });
    try {
      const again = await clientFor(second).getCustomer(created.guid);
      expect(again?.name).toBe('Kvarnström Måleri AB');
    } finally {
      await second.close();
    }
  });

  it('refuses a broken data file with a message naming it, and leaves it alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-severa-'));
    const dataFile = join(dir, 'severa.json');
    writeFileSync(dataFile, '{ not json');
    await expect(startSeveraSandbox({ port: 0, dataFile })).rejects.toThrow(dataFile);
    expect(readFileSync(dataFile, 'utf8')).toBe('{ not json');
  });

  it("lists a project's fees and refuses fees on a closed project", async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const closed = s.store.data.projects.find((p) => p.isClosed)!;
    const error = await client.createProjectFee({ project: { guid: closed.guid }, description: 'x' }).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.type).toBe('InvalidOperation');
    const open = s.store.data.projects.find((p) => !p.isClosed && s.store.data.projectFees.some((f) => f.project?.guid === p.guid))!;
    const fees = await collect(client.projectFeesOfProject(open.guid));
    expect(fees.length).toBeGreaterThan(0);
    expect(fees.every((f) => f.project?.guid === open.guid)).toBe(true);
  });
});
