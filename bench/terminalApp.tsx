// The app alone in a process of its own (so its memory is its own), on a terminal that counts what it is sent,
// listing `count` Severa customers. Prints one JSON line of figures for bench/terminal.ts.
import { EventEmitter } from 'node:events';
import { defaultDates, systemClock } from '../src/clock.js';
import type { TransferEvent } from '../src/services/transfer/engine.js';
import type { Session } from '../src/session.js';
import { runTui } from '../src/tui.js';
import { fakeStdin } from '../test/helpers/fakeStdin.js';

const [count, columns, rows] = process.argv.slice(2).map(Number) as [number, number, number];
/** `transfer`: mark every row and transfer them; the rows finish a few at a time while keys are pressed. */
const mode = process.argv[5] ?? 'keys';
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
  // As the engine does: every row queued at once, then each one running and done, about 2,000 rows a second.
  transfer: async (_list: string, ids: string[], onEvent: (e: TransferEvent) => void) => {
    for (const id of ids) onEvent({ type: 'status', id, status: { kind: 'queued' } });
    for (let i = 0; i < ids.length; i += 10) {
      await new Promise((r) => setTimeout(r, 5));
      for (const id of ids.slice(i, i + 10)) {
        onEvent({ type: 'status', id, status: { kind: 'running' } });
        onEvent({ type: 'status', id, status: { kind: 'done', targetKey: id, updated: false } });
      }
      onEvent({ type: 'progress', done: Math.min(ids.length, i + 10), total: ids.length });
    }
    return { transferred: ids.length, updated: 0, skipped: 0, failed: 0, cancelled: 0 };
  },
  cancel: () => {},
  onLog: () => () => {},
  details: () => [],
  defaultDates: () => defaultDates(systemClock.now()),
  settings: {},
  clock: systemClock,
} as unknown as Session;

let bytes = 0;
const stdout = Object.assign(new EventEmitter(), {
  isTTY: true,
  columns,
  rows,
  write: (s: string) => {
    bytes += Buffer.byteLength(s);
    return true;
  },
});
const stdin = fakeStdin();
const press = (key: string) => stdin.write(key);

let frames = 0;
let last = '';
const done = runTui(
  session,
  { demo: true, lang: 'en' },
  {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    onFrame: (frame) => {
      frames++;
      last = frame;
    },
  },
);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tick = () => new Promise((r) => setImmediate(r));
const started = performance.now();
while (!last.includes(`of ${count.toLocaleString('en')} selected`) && !last.includes(`of ${count} selected`)) await pause(5);
const loadMs = performance.now() - started;
const memory = process.memoryUsage();
const rssLoaded = memory.rss;

/** Key to frame (ms) and bytes sent for one key, once everything it caused is drawn. */
async function key(k: string): Promise<{ ms: number; bytes: number }> {
  const f0 = frames;
  const b0 = bytes;
  const t0 = performance.now();
  press(k);
  while (frames === f0) await tick();
  const ms = performance.now() - t0;
  await pause(2);
  return { ms, bytes: bytes - b0 };
}
async function series(keys: string[]): Promise<{ ms: number[]; bytes: number[] }> {
  const out = { ms: [] as number[], bytes: [] as number[] };
  for (const k of keys) {
    const r = await key(k);
    out.ms.push(r.ms);
    out.bytes.push(r.bytes);
  }
  return out;
}
const times = (n: number, k: string) => Array<string>(n).fill(k);

if (mode === 'transfer') {
  await key('\x01');
  // The queued wave: from t to the frame that shows the rows queued.
  const t0 = performance.now();
  press('t');
  while (!last.includes('queued')) await tick();
  const queuedMs = performance.now() - t0;
  // Keys while the rows finish (every 20 ms, as a held key repeats).
  const during: number[] = [];
  while (!last.includes(`${count} transferred`) && !last.includes(`${count.toLocaleString('en')} transferred`) && during.length < 2000) {
    during.push((await key(during.length % 40 < 20 ? '\x1b[B' : '\x1b[A')).ms);
    await pause(20);
  }
  console.log(JSON.stringify({ queuedMs, during, finished: last.includes('transferred') }));
  process.exit(0);
}

// A warm-up round, then the measured ones.
await series([...times(40, '\x1b[B'), ...times(10, '\x1b[6~'), ...times(4, '\x01'), ...times(10, ' '), '\x1b[H']);
const down = await series(times(200, '\x1b[B'));
const pageDown = await series(times(60, '\x1b[6~'));
const space = await series(times(100, ' '));
const selectAll = await series(times(40, '\x01'));
await key('/');
const filter = await series([...'kund 1234'.split(''), ...times(9, '\x7f'), ...'aktie'.split(''), ...times(5, '\x7f')]);
await key('\x1b');
const b0 = bytes;
await pause(1000);
const idle = bytes - b0;
press('q');
await done;
console.log(
  JSON.stringify({
    loadMs,
    rssLoaded,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    external: memory.external,
    maxRss: process.resourceUsage().maxRSS * 1024,
    down,
    pageDown,
    space,
    selectAll,
    filter,
    idle,
  }),
);
process.exit(0);
