import { execFileSync } from 'node:child_process';
import { printThroughput, severaThroughput } from './severaThroughput.js';
import { buildForBench, printStatusBench, printTerminalBench } from './terminal.js';
import { printAdkBench } from './adk.js';
import { printSeveraCalls } from './severaCalls.js';
import { printListLoading } from './scale.js';
import { printCompareBench } from './compare.js';
import { printDemoStartBench, printStartupBench } from './startup.js';

// Benchmarks print figures; they assert nothing. `npm run bench -- severa` runs one group.
const only = process.argv[2];

if (!only || only === 'startup') {
  console.log('Start-up of the built command: median of 7 runs each, beside node -e 0 (goal: --version and transfer --help ≤ 3×)');
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet']);
  printStartupBench();
  await printDemoStartBench();
}

if (!only || only === 'severa') {
  console.log('Severa throughput: 500 project fees against the sandbox at the real quota (10 calls/s)');
  console.log('  target: ≥ 9.0 requests/s sustained, 0 lost, 0 duplicated');
  printThroughput(await severaThroughput('loopback, 4 in flight', 500, 4, 0));
  printThroughput(await severaThroughput('WAN-like 40–160 ms latency, 4 in flight', 500, 4, [40, 160]));
}

if (!only || only === 'terminal') {
  console.log('The app on a terminal (compiled, React production build, a process of its own): 100,000 Severa customers');
  console.log('  targets at 200×60: key to frame median ≤ 16 ms, p95 ≤ 33 ms; bytes per cursor move and space ≤ 1,200; idle 0');
  console.log('  target at 120×40: RSS ≤ 200 MB once listed');
  buildForBench();
  printTerminalBench(100_000, [
    [200, 60],
    [120, 40],
  ]);
  console.log('Row statuses during a transfer (rows finish about 2,000 a second; a key every 20 ms)');
  console.log('  targets: queued wave ≤ 100 ms; key to frame p95 ≤ 50 ms while rows finish');
  printStatusBench(20_000, 200, 60);
}

if (!only || only === 'calls') {
  console.log('Calls to Severa per transferred row, per kind: the demo, every row listed a year back transferred (goal: no call');
  console.log('  repeated for what the run already read; listing the rows is not counted)');
  await printSeveraCalls(1);
  console.log('  the same on the demo at --scale 10');
  await printSeveraCalls(10);
}

if (!only || only === 'scale') {
  console.log('A large Severa list at the quota (goal: first page within 1 s; the whole list bounded by 10 calls/s)');
  await printListLoading(157);
}

if (!only || only === 'compare') {
  console.log('Compare: both sides read whole at the quota (10 calls/s), the demo and the demo at --scale 10; reads only');
  await printCompareBench(1);
  await printCompareBench(10);
}

if (!only || only === 'adk') {
  console.log('ADK adapter: calls through the worker process and koffi, on the stand-in library (no target)');
  await printAdkBench(1000);
}
