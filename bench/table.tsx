import { render } from 'ink-testing-library';
import { App } from '../src/app.js';
import { defaultDates, systemClock } from '../src/clock.js';
import type { Session } from '../src/session.js';
import { initialState } from '../src/state/app.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

/**
 * The app with `count` customer rows at 120×40: time from a key reaching stdin to its frame being
 * written, for cursor moves and for ctrl+a (all, then none).
 */
export async function tableBench(count: number, samples = 60, columns = 120, rows = 40): Promise<{ move: number[]; selectAll: number[] }> {
  // Customer records as Severa gives them; the app makes the rows from the kind's columns, as it does live.
  const data = Array.from({ length: count }, (_, i) => ({
    guid: `g${i}`,
    number: 10000 + i,
    name: `Kund ${i} Aktiebolag`,
    headquarterAddress: { city: ['Umeå', 'Malmö', 'Göteborg'][i % 3]! },
    email: `faktura${i}@kund.example`,
    lastUpdatedDateTime: '2026-11-01T10:00:00Z',
  }));
  const session = {
    connectSevera: async () => ({ state: 'connected', name: 'Bench' }),
    connectAdministration: async () => ({ state: 'connected', name: 'Bench (2000)' }),
    load: async () => ({ records: data }),
    invoiceStatuses: async () => [],
    transfer: async () => ({ transferred: 0, updated: 0, skipped: 0, failed: 0, cancelled: 0 }),
    cancel: () => {},
    onLog: () => () => {},
    details: () => [],
    clock: systemClock,
  } as unknown as Session;
  const app = render(
    <App session={session} initial={initialState({ lang: 'en', demo: true, columns, rows, dates: defaultDates(systemClock.now()) })} />,
  );
  const settle = () => new Promise((r) => setImmediate(r));
  while (!(app.lastFrame() ?? '').includes(`of ${count} selected`)) await new Promise((r) => setTimeout(r, 20));
  const timeKey = async (key: string) => {
    const before = app.frames.length;
    const t0 = performance.now();
    app.stdin.write(key);
    while (app.frames.length === before) await settle();
    return performance.now() - t0;
  };
  const move: number[] = [];
  const selectAll: number[] = [];
  for (let i = 0; i < samples; i++) move.push(await timeKey(i % 10 === 9 ? '\x1b[6~' : '\x1b[B'));
  for (let i = 0; i < samples / 2; i++) selectAll.push(await timeKey('\x01'));
  if (!(app.lastFrame() ?? '').includes(`0 of ${count} selected`)) throw new Error('ctrl+a did not end on none');
  app.unmount();
  return { move, selectAll };
}

export async function printTableBench(count: number, columns: number, rows: number): Promise<void> {
  // Three rounds in one process: the first warms up the JIT, all samples are reported.
  const move: number[] = [];
  const selectAll: number[] = [];
  for (let round = 0; round < 3; round++) {
    const r = await tableBench(count, 100, columns, rows);
    if (round > 0) {
      move.push(...r.move);
      selectAll.push(...r.selectAll);
    }
  }
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms (${xs.length} samples)`;
  console.log(`  ${count.toLocaleString('en')} rows at ${columns}×${rows}, cursor move (↓, PgDn): ${fmt(move)}`);
  console.log(`  ${count.toLocaleString('en')} rows at ${columns}×${rows}, ctrl+a (all / none):  ${fmt(selectAll)}`);
}
