import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from 'node-pty';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/sevadm.js', import.meta.url));

const env = { ...process.env };
delete env.SEVADM_NOW;

/** Median wall time of a command, run `runs` times one after the other (its first run warms the disk cache). */
function median(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore', env });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Time until `sevadm demo`, in a terminal, has drawn its first frame (the tab bar), and then its first list. */
async function demoFrames(dataDir: string): Promise<{ frame: number; list: number }> {
  const started = performance.now();
  const child = pty.spawn(process.execPath, [BIN, 'demo', '--data-dir', dataDir], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    env: { ...env, CI: '0' } as Record<string, string>,
  });
  let out = '';
  let frame = 0;
  let list = 0;
  await new Promise<void>((resolve) => {
    child.onData((d) => {
      out += d;
      if (!frame && out.includes('Customers')) frame = performance.now() - started;
      if (!list && /of [1-9]\d* selected/.test(out)) {
        list = performance.now() - started;
        child.write('q');
      }
    });
    child.onExit(() => resolve());
    setTimeout(() => child.kill(), 20_000);
  });
  return { frame, list };
}

/** The median first frame and first list of `sevadm demo` over `runs` starts on one demo directory. */
export async function printDemoStartBench(runs = 7): Promise<void> {
  const node = median(['-e', '0']);
  const dir = mkdtempSync(join(tmpdir(), 'sevadm-bench-'));
  try {
    // The first start creates the demo (its sandbox data and company); the users' later starts are measured.
    const first = await demoFrames(dir);
    const frames: number[] = [];
    const lists: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await demoFrames(dir);
      frames.push(r.frame);
      lists.push(r.list);
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const f = mid(frames);
    console.log(`  sevadm demo, first frame        ${f.toFixed(0).padStart(5)} ms  ${(f / node).toFixed(1)}× node -e 0 (goal ≤ 8×)`);
    console.log(`  sevadm demo, first list shown   ${mid(lists).toFixed(0).padStart(5)} ms`);
    console.log(`  sevadm demo, very first start   ${first.list.toFixed(0).padStart(5)} ms to the list (creates the demo)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Start-up beside plain Node, measured side by side (issue 17's goals are ratios: ≤ 3× for these two). */
export function printStartupBench(): void {
  const node = median(['-e', '0']);
  const rows: [string, string[]][] = [
    ['sevadm --version', [BIN, '--version']],
    ['sevadm transfer --help', [BIN, 'transfer', '--help']],
    ['sevadm --help', [BIN, '--help']],
  ];
  console.log(`  node -e 0                   ${node.toFixed(0).padStart(5)} ms`);
  for (const [name, args] of rows) {
    const ms = median(args);
    console.log(`  ${name.padEnd(27)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / node).toFixed(1)}× node -e 0`);
  }
}
