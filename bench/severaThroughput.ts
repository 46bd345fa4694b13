import { startSeveraSandbox } from '../src/sandbox/severa/server.js';
import { SeveraClient } from '../src/services/severa/index.js';

export interface ThroughputResult {
  scenario: string;
  created: number;
  lost: number;
  duplicated: number;
  seconds: number;
  requestsPerSecond: number;
  feesPerSecond: number;
  tooManyRequests: number;
  retries: number;
}

/**
 * Creates `count` project fees through the client against the sandbox at Severa's real quota
 * (10 calls/s, 429 beyond it), `concurrency` writes in flight, and counts what arrived.
 */
export async function severaThroughput(
  scenario: string,
  count: number,
  concurrency: number,
  latencyMs: number | [number, number],
): Promise<ThroughputResult> {
  const sandbox = await startSeveraSandbox({ port: 0, quotaPerSecond: 10, faults: { latencyMs } });
  try {
    const client = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
    await client.heartbeatAuthorized();
    const projects = sandbox.store.data.projects.filter((p) => !p.isClosed);
    const before = sandbox.store.data.projectFees.length;
    const requestsBefore = sandbox.requests.length;
    const started = performance.now();
    let next = 0;
    const failures: string[] = [];
    const worker = async () => {
      while (next < count) {
        const i = next++;
        try {
          await client.createProjectFee({
            project: { guid: projects[i % projects.length]!.guid },
            productType: 'Subcontracting',
            name: `Bench ${i}`,
            description: `Lev.fakt BENCH-${i}/1`,
            quantity: 1,
            unitCost: { amount: 100 + i, currencyCode: 'SEK' },
            isBillable: false,
          });
        } catch (error) {
          failures.push(`${i}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const created = sandbox.store.data.projectFees.slice(before);
    const perDescription = new Map<string, number>();
    for (const fee of created) perDescription.set(fee.description ?? '', (perDescription.get(fee.description ?? '') ?? 0) + 1);
    const distinct = perDescription.size;
    const duplicated = [...perDescription.values()].filter((n) => n > 1).length;
    if (failures.length) console.error(`  failures: ${failures.slice(0, 3).join(' | ')}`);
    const requests = sandbox.requests.length - requestsBefore;
    return {
      scenario,
      created: created.length,
      lost: count - distinct,
      duplicated,
      seconds,
      requestsPerSecond: requests / seconds,
      feesPerSecond: distinct / seconds,
      tooManyRequests: client.stats.tooManyRequests,
      retries: client.stats.retries,
    };
  } finally {
    await sandbox.close();
  }
}

export function printThroughput(r: ThroughputResult): void {
  console.log(
    `  ${r.scenario.padEnd(34)} ${String(r.created).padStart(4)} fees in ${r.seconds.toFixed(1).padStart(5)} s  ` +
      `${r.requestsPerSecond.toFixed(2)} req/s (${r.feesPerSecond.toFixed(2)} fees/s)  429s: ${r.tooManyRequests}  lost: ${r.lost}  duplicated: ${r.duplicated}`,
  );
}
