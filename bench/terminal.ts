import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const APP = `${root}dist/bench/terminalApp.js`;

interface Series {
  ms: number[];
  bytes: number[];
}
interface Figures {
  loadMs: number;
  rssLoaded: number;
  maxRss: number;
  down: Series;
  pageDown: Series;
  space: Series;
  selectAll: Series;
  filter: Series;
  idle: number;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => sorted(xs)[Math.floor(xs.length * 0.95)]!;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** The app compiled as users run it, in a process of its own, measured on a terminal of the given size. */
function measure<T = Figures>(count: number, columns: number, rows: number, mode = 'keys'): T {
  const run = spawnSync(process.execPath, [APP, String(count), String(columns), String(rows), mode], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 1 << 24,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`the terminal bench failed: ${run.stderr || run.stdout}`);
  return JSON.parse(line) as T;
}

/** A transfer over `count` rows: its queued wave, and keys pressed while the rows finish (issue 17's goal 5). */
export function printStatusBench(count: number, columns: number, rows: number): void {
  const f = measure<{ queuedMs: number; during: number[]; finished: boolean }>(count, columns, rows, 'transfer');
  console.log(`  ${count.toLocaleString('en')} rows at ${columns}×${rows}: queued wave drawn ${f.queuedMs.toFixed(0)} ms after t`);
  console.log(
    `  keys while the rows finish: key to frame median ${median(f.during).toFixed(1)} ms, p95 ${p95(f.during).toFixed(1)} ms` +
      ` (${f.during.length} keys; run ${f.finished ? 'finished' : 'NOT finished'})`,
  );
}

/** Builds dist/ with the benchmark's entry point, as users run the app (ink through sevadm's memos). */
export function buildForBench(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet', '--bench'], { cwd: root, stdio: 'inherit' });
}

export function printTerminalBench(count: number, sizes: [number, number][]): void {
  for (const [columns, rows] of sizes) {
    const f = measure(count, columns, rows);
    const at = `${count.toLocaleString('en')} rows at ${columns}×${rows}`;
    const line = (name: string, s: Series) =>
      console.log(
        `  ${name.padEnd(18)} key to frame median ${median(s.ms).toFixed(1).padStart(5)} ms, p95 ${p95(s.ms).toFixed(1).padStart(5)} ms;` +
          ` bytes median ${median(s.bytes).toFixed(0).padStart(5)}, max ${Math.max(...s.bytes)}`,
      );
    console.log(`  ${at}: listed in ${f.loadMs.toFixed(0)} ms, RSS ${mb(f.rssLoaded)} once listed (peak ${mb(f.maxRss)})`);
    line('cursor ↓', f.down);
    line('PgDn', f.pageDown);
    line('space', f.space);
    line('ctrl+a', f.selectAll);
    line('filter keystroke', f.filter);
    console.log(`  ${'idle, 1 s'.padEnd(18)} ${f.idle} bytes`);
  }
}
