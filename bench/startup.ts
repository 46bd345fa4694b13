import { spawnSync } from 'node:child_process';
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
