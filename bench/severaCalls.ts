import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processClock } from '../src/clock.js';
import { kindOf, type ListId } from '../src/kinds/index.js';
import { openDemoCompany } from '../src/sandbox/administration/demoCompanies.js';
import { startSeveraSandbox } from '../src/sandbox/severa/server.js';
import { SeveraClient } from '../src/services/severa/index.js';
import { Ledger } from '../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../src/services/transfer/mappings.js';
import { Session } from '../src/session.js';

/** A call as it is counted: method and path, ids replaced, so a repeated read shows as a route called often. */
const route = (method: string, url: string) =>
  `${method} ${new URL(url).pathname
    .replace(/^\/rest-api/, '')
    .replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{guid}')
    .replace(/\/\d+(?=\/|$)/g, '/{n}')}`;

let counting: Map<string, number> | undefined;
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (counting && !url.endsWith('/token')) {
    const r = route(init?.method ?? 'GET', url);
    counting.set(r, (counting.get(r) ?? 0) + 1);
  }
  return realFetch(input, init);
}) as typeof fetch;

/** What one kind's transfer of every listed row cost in calls to Severa (loading the list not counted). */
export interface CallCount {
  list: ListId;
  rows: number;
  done: number;
  calls: number;
  routes: [string, number][];
}

const LISTS: [ListId, string][] = [
  ['severa-customers', 'customers to Administration'],
  ['administration-customers', 'customers to Severa'],
  ['projects', 'projects'],
  ['invoices', 'invoices'],
  ['supplier-invoices', 'supplier invoices'],
  ['payments', 'payments'],
];

/**
 * Each kind transferred on the demo's data scaled `scale` times (a sandbox without quota: the count, not the time,
 * is measured), every row listed since a year back selected, conflicts answered "update".
 */
export async function severaCalls(scale: number): Promise<CallCount[]> {
  const clock = processClock();
  const anchor = clock.now();
  const dir = mkdtempSync(join(tmpdir(), 'sevadm-calls-'));
  const sandbox = await startSeveraSandbox({ port: 0, quotaPerSecond: 0, clock, anchor, scale });
  const company = await openDemoCompany(dir, 2000, anchor, clock, scale);
  try {
    const severa = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
    const session = new Session({
      severa,
      administration: company,
      ledger: new Ledger(join(dir, 'ledger.sqlite'), 'bench', clock),
      mappings: DEMO_CUSTOMER_MAPPINGS,
      clock,
      defaultsAt: anchor,
    });
    const since = new Date(anchor - 365 * 86_400_000).toISOString().slice(0, 10);
    const statuses = await session.invoiceStatuses();
    const ready = statuses.find((s) => s.name === session.settings.invoiceStatusToTransfer);
    const out: CallCount[] = [];
    for (const [list] of LISTS) {
      const until = new Date(anchor).toISOString().slice(0, 10);
      const loaded = await session.load(list, { since, until, statusGuid: ready?.guid });
      const ids = loaded.records.map((r) => kindOf(list).id(r));
      counting = new Map();
      const summary = await session.transfer(
        list,
        ids,
        () => {},
        async () => ({ decision: 'update', applyToRemaining: true }),
      );
      const routes = [...counting.entries()].sort((a, b) => b[1] - a[1]);
      counting = undefined;
      out.push({
        list,
        rows: ids.length,
        done: summary.transferred + summary.updated,
        calls: routes.reduce((n, [, c]) => n + c, 0),
        routes,
      });
    }
    return out;
  } finally {
    await company.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function printSeveraCalls(scale: number): Promise<void> {
  for (const c of await severaCalls(scale)) {
    const name = LISTS.find(([l]) => l === c.list)![1];
    const per = c.done ? (c.calls / c.done).toFixed(2) : '–';
    console.log(
      `  ${name.padEnd(28)} ${String(c.rows).padStart(5)} rows listed, ${String(c.done).padStart(5)} records written  ${String(c.calls).padStart(5)} calls  ${per} per record written`,
    );
    console.log(`      ${c.routes.map(([r, n]) => `${r} ×${n}`).join(' · ')}`);
  }
}
