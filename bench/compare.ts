import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processClock } from '../src/clock.js';
import { openDemoCompany } from '../src/sandbox/administration/demoCompanies.js';
import { startSeveraSandbox } from '../src/sandbox/severa/server.js';
import { compareSides } from '../src/services/compare/compare.js';
import { SeveraClient } from '../src/services/severa/index.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../src/services/transfer/mappings.js';
import { DEMO_TRANSFER_SETTINGS } from '../src/services/transfer/settings.js';

/** A whole compare of the demo scaled `scale` times, at Severa's quota (10 calls/s): its time, its calls, what it found. */
export async function printCompareBench(scale: number): Promise<void> {
  const clock = processClock();
  const anchor = clock.now();
  const dir = mkdtempSync(join(tmpdir(), 'sevadm-compare-bench-'));
  const sandbox = await startSeveraSandbox({ port: 0, quotaPerSecond: 10, clock, anchor, scale });
  const company = await openDemoCompany(dir, 2000, anchor, clock, scale);
  try {
    const severa = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
    await severa.heartbeatAuthorized();
    const before = sandbox.requests.length;
    const started = performance.now();
    const { differences, read } = await compareSides(severa, company, {
      mappings: DEMO_CUSTOMER_MAPPINGS,
      settings: DEMO_TRANSFER_SETTINGS,
    });
    const seconds = (performance.now() - started) / 1000;
    const calls = sandbox.requests.length - before;
    const writes = sandbox.requests.slice(before).filter((r) => r.method !== 'GET').length;
    const records = Object.values(read).reduce((a, b) => a + b, 0);
    console.log(
      `  --scale ${String(scale).padEnd(3)} ${records.toLocaleString('en').padStart(7)} records read, ${String(differences.length).padStart(5)} differences` +
        `  ${seconds.toFixed(1).padStart(5)} s  ${String(calls).padStart(4)} Severa calls (${(calls / seconds).toFixed(1)}/s, ${writes} writes, 429s: ${severa.stats.tooManyRequests})`,
    );
  } finally {
    await company.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
