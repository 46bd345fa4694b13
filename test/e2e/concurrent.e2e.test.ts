import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransferRowLine } from '../../src/headless/result.js';
import { demoCompanyFile } from '../../src/sandbox/administration/demoCompanies.js';
import { EmbeddedCompany } from '../../src/sandbox/administration/embeddedCompany.js';
import type { SeveraData } from '../../src/sandbox/severa/data.js';

const BIN = join(import.meta.dirname, '../../bin/sevadm.js');
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.CI;
  return e;
};

interface Ran {
  code: number | null;
  rows: TransferRowLine[];
  stderr: string;
}

function sevadm(args: string[], extraEnv: Record<string, string> = {}): Promise<Ran> & { child: ChildProcess } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...env(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Ran>((resolve) =>
    child.on('exit', (code) =>
      resolve({
        code,
        stderr,
        rows: stdout
          .split('\n')
          .filter((l) => l.startsWith('{') && !l.startsWith('{"summary"'))
          .map((l) => TransferRowLine.parse(JSON.parse(l))),
      }),
    ),
  );
  return Object.assign(done, { child });
}

/** A sevadm server process (sandbox or bridge), its URL once it says where it listens, and what it printed. */
function started(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      const look = () => {
        const m = pattern.exec(out);
        if (m) resolve(m);
        return Boolean(m);
      };
      if (!look())
        child.stdout!.on('data', function onData() {
          if (look()) child.stdout!.off('data', onData);
        });
    });
  child.stdout!.on('data', (d) => (out += d));
  const url = printed(/(?:base URL|listening on)\s+(http:\/\/\S+)/).then((m) => m[1]!);
  const stopped = () => new Promise((r) => (child.exitCode !== null ? r(null) : (child.on('exit', r), child.kill())));
  return { child, url, printed, stopped };
}

const BRIDGE_TOKEN = 'bridge-token-for-two-machines-0123';

/** What a machine of its own needs to reach a Severa sandbox and a bridge: its ledger and settings in DIR/NAME. */
const machine = (dir: string, name: string, severaUrl: string, bridgeUrl: string) => ({
  SEVADM_SEVERA_BASE_URL: severaUrl,
  SEVADM_SEVERA_CLIENT_ID: 'sevadm-demo',
  SEVADM_SEVERA_CLIENT_SECRET: 'sevadm-demo-secret',
  SEVADM_BRIDGE_URL: bridgeUrl,
  SEVADM_BRIDGE_TOKEN: BRIDGE_TOKEN,
  XDG_DATA_HOME: join(dir, name, 'data'),
  XDG_CONFIG_HOME: join(dir, name, 'config'),
});

/**
 * The Severa references of the invoices booked in the demo company under Severa's numbers, as sevadm books them (the
 * demo's one invoice entered twice by hand, in Administration's own series from 20001, is the compare's business).
 */
async function booked(dir: string): Promise<(string | undefined)[]> {
  const company = EmbeddedCompany.open(demoCompanyFile(dir, 2000));
  const found = await company.findInvoicesByReference('Severa ');
  await company.close();
  return found.filter((i) => i.documentNumber < 20001).map((i) => i.externalReference ?? undefined);
}

const severaState = (dir: string) => JSON.parse(readFileSync(join(dir, 'severa.json'), 'utf8')) as SeveraData;

/** Nothing created twice: across all runs, each record is "created" by one run at most, and the others say what became of it. */
function createdOnce(runs: Ran[], name: string, faults = false) {
  const creators = new Map<string, number>();
  for (const run of runs) for (const row of run.rows) if (row.result === 'created') creators.set(row.id, (creators.get(row.id) ?? 0) + 1);
  expect(
    [...creators].filter(([, n]) => n > 1),
    `${name}\n${runs.map((r) => `exit ${r.code}: ${r.stderr}`).join('\n')}`,
  ).toEqual([]);
  // A loser never reports as failed what the winner booked (with faults, a row may fail for the fault and the
  // other run then book it: that report is true).
  if (faults) return;
  for (const run of runs)
    for (const row of run.rows) if (row.result === 'failed') expect(creators.has(row.id), `${row.id}: ${row.reason}`).toBe(false);
}

/** Three runs at once where money is booked, two elsewhere (each process costs seconds on a small machine). */
const KINDS: [string, string[], number][] = [
  ['supplier invoices', ['supplier-invoices', '--from', '2025-01-01'], 3],
  ['invoices, Administration numbers', ['invoices', '--status', 'Ready for transfer'], 3],
  ['customers to Administration', ['customers', '--changed-since', '2025-01-01'], 2],
  ['customers to Severa', ['customers', '--direction', 'to-severa', '--changed-since', '2000-01-01'], 2],
  ['projects', ['projects', '--changed-since', '2025-01-01'], 2],
  ['payments', ['payments', '--changed-since', '2025-01-01'], 2],
];

describe('two and three runs at once', () => {
  it('one transfer at a time per company: the others wait (--wait) or refuse with exit 3; nothing is booked twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-concurrent-'));
    // The Administration number series, where only the ledger and the lease stop a second booking.
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ invoiceNumberPolicy: 'administration' }));
    for (const [name, args, count] of KINDS) {
      const common = ['transfer', ...args, '--select', 'all', '--json', '--demo', '--data-dir', dir];
      const waiting = count === 3 ? [sevadm([...common, '--wait']), sevadm([...common, '--wait=90'])] : [sevadm([...common, '--wait=90'])];
      const runs = await Promise.all([...waiting, sevadm(common)]);
      createdOnce(runs, name);
      for (const run of runs) expect([0, 1, 3], `${name}: ${run.stderr}`).toContain(run.code);
      const refused = runs.filter((r) => r.code === 3);
      for (const r of refused) {
        expect(r.rows, name).toEqual([]);
        expect(r.stderr).toMatch(/Another transfer holds this company: .+ by .+@.+ \(pid \d+\) since/);
      }
      // The waiting ones ran after the winner: they found its work done and say so.
      const waited = runs.slice(0, -1);
      expect(
        waited.every((r) => r.code !== 3),
        name,
      ).toBe(true);
    }
    const severa = severaState(dir);
    const fees = severa.projectFees.filter((f) => f.description?.startsWith('Lev.fakt ')).map((f) => f.description!.split(' ')[1]);
    expect(fees.length).toBeGreaterThan(0);
    expect(new Set(fees).size).toBe(fees.length);
    const numbers = severa.customers.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const references = await booked(dir);
    expect(references.length).toBeGreaterThan(0);
    expect(new Set(references).size).toBe(references.length);
  }, 180_000);

  it('a run that died holding the lease is taken over by the next, which says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-takeover-'));
    // The demo made once, so its company file exists.
    expect((await sevadm(['show', 'customers', '--side', 'administration', '--demo', '--data-dir', dir])).code).toBe(0);
    const holder = spawn(
      process.execPath,
      [join(import.meta.dirname, '../../bin/run-ts.js'), 'test/fixtures/holdLease.ts', demoCompanyFile(dir, 2000)],
      {
        env: env(),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('held') && resolve()));
    const blocked = await sevadm(['transfer', 'projects', '--select', 'all', '--json', '--demo', '--data-dir', dir]);
    expect(blocked.code).toBe(3);
    expect(blocked.stderr).toContain('crashed@test');
    holder.kill('SIGKILL');
    await new Promise((r) => holder.on('exit', r));
    const next = await sevadm(['transfer', 'projects', '--select', 'all', '--json', '--demo', '--data-dir', dir]);
    expect(next.code).not.toBe(3);
    expect(next.stderr).toMatch(/Took over the transfer lease of crashed@test/);
    expect(next.rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('through a sevadm bridge and a Severa with faults, two machines (two ledgers) at once: nothing booked twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-bridged-'));
    // The demo company made once, then served by a bridge process; Severa a sandbox process with faults.
    expect((await sevadm(['show', 'customers', '--side', 'administration', '--demo', '--data-dir', dir])).code).toBe(0);
    const severa = started(['sandbox', '--port', '0', '--data', join(dir, 'severa.json'), '--error-rate', '0.05', '--drop-rate', '0.03']);
    const bridge = started(['bridge', '--data-dir', dir, '--listen', '127.0.0.1:0'], { SEVADM_BRIDGE_TOKEN: BRIDGE_TOKEN });
    try {
      const [severaUrl, bridgeUrl] = await Promise.all([severa.url, bridge.url]);
      const run = (name: string) =>
        sevadm(
          ['transfer', 'supplier-invoices', '--from', '2025-01-01', '--select', 'all', '--json', '--wait=120'],
          machine(dir, name, severaUrl, bridgeUrl),
        );
      const runs = await Promise.all([run('anna'), run('bo')]);
      for (const r of runs) expect([0, 1], r.stderr).toContain(r.code);
      createdOnce(runs, 'supplier invoices through the bridge', true);
      // One of them waited for the other's lease, which the bridge granted.
      expect(runs.some((r) => /Waiting: a transfer of .* holds this company/.test(r.stderr))).toBe(true);
    } finally {
      // The sandbox writes its file 50 ms after the last change.
      await new Promise((r) => setTimeout(r, 500));
      severa.child.kill();
      bridge.child.kill();
    }
    const fees = severaState(dir)
      .projectFees.filter((f) => f.description?.startsWith('Lev.fakt '))
      .map((f) => f.description!.split(' ')[1]);
    expect(fees.length).toBeGreaterThan(0);
    expect(new Set(fees).size).toBe(fees.length);
  }, 120_000);

  it('a run SIGKILLed between the two writes of its records: the next run completes them, nothing written twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-killed-'));
    expect((await sevadm(['show', 'customers', '--side', 'administration', '--demo', '--data-dir', dir])).code).toBe(0);
    const severaFile = join(dir, 'severa.json');
    const bridge = started(['bridge', '--data-dir', dir, '--listen', '127.0.0.1:0'], { SEVADM_BRIDGE_TOKEN: BRIDGE_TOKEN });
    const cases: [string, string[], string][] = [
      ['invoices', ['invoices', '--status', 'Ready for transfer', '--set-status', 'Transferred'], 'PATCH /v1/invoices/'],
      ['customers', ['customers', '--direction', 'to-severa', '--changed-since', '2000-01-01'], 'POST /v1/customers/'],
    ];
    try {
      const bridgeUrl = await bridge.url;
      for (const [name, args, second] of cases) {
        // Severa holds every second write unanswered: the run is killed while it waits for the first of them.
        const before = new Set(severaState(dir).customers.map((c) => c.guid));
        const bookedBefore = await booked(dir);
        const holding = started(['sandbox', '--port', '0', '--data', severaFile, '--hold', second]);
        const first = sevadm(['transfer', ...args, '--select', 'all', '--json'], machine(dir, 'anna', await holding.url, bridgeUrl));
        await holding.printed(/Holding /);
        first.child.kill('SIGKILL');
        expect((await first).code, name).toBe(null);
        await holding.stopped();

        const severa = started(['sandbox', '--port', '0', '--data', severaFile]);
        try {
          const next = await sevadm(
            ['transfer', ...args, '--select', 'all', '--json', '--wait=60'],
            machine(dir, 'anna', await severa.url, bridgeUrl),
          );
          // The records the killed run left half done are finished (reported updated); none is created twice.
          expect(next.rows.filter((r) => r.result === 'updated').length, `${name}: ${next.stderr}`).toBeGreaterThan(0);
        } finally {
          await severa.stopped();
        }
        const state = severaState(dir);
        if (name === 'invoices') {
          const references = await booked(dir);
          expect(new Set(references).size).toBe(references.length);
          expect(references.length).toBeGreaterThan(bookedBefore.length);
          // Every invoice these runs booked is now Transferred in Severa.
          const transferred = state.invoiceStatuses.find((x) => x.name === 'Transferred')!.guid;
          for (const ref of references.filter((r) => !bookedBefore.includes(r))) {
            const invoice = state.invoices.find((i) => ref?.includes(i.guid))!;
            expect(invoice.status?.guid, ref ?? '').toBe(transferred);
          }
        } else {
          const numbers = state.customers.map((c) => c.number);
          expect(new Set(numbers).size).toBe(numbers.length);
          const company = EmbeddedCompany.open(demoCompanyFile(dir, 2000));
          const sent = (await company.listCustomers()).map((c) => Number(c.number));
          await company.close();
          // Every customer sevadm created from Administration got its head office.
          const created = state.customers.filter((c) => sent.includes(c.number ?? -1) && !before.has(c.guid));
          expect(created.length).toBeGreaterThan(0);
          for (const c of created) expect(c.headquarterAddress?.guid, String(c.number)).toBeTruthy();
        }
      }
    } finally {
      await bridge.stopped();
    }
  }, 120_000);
});
