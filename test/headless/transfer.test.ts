import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { TransferRowLine, TransferSummaryLine } from '../../src/headless/result.js';
import { runTransferCommand } from '../../src/headless/transfer.js';

const demoDir = () => mkdtempSync(join(tmpdir(), 'sevadm-headless-'));

async function transfer(args: string[]) {
  const lines: string[] = [];
  const code = await runTransferCommand([...args, '--json'], (l) => lines.push(l));
  // Rows come as they end (in parallel, so in no fixed order): sorted by id to compare runs.
  const rows = lines
    .slice(0, -1)
    .map((l) => TransferRowLine.parse(JSON.parse(l)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const summary = TransferSummaryLine.parse(JSON.parse(lines.at(-1)!));
  return { code, rows, summary };
}

const asReal = (r: TransferRowLine) => ({
  id: r.id,
  result: r.result
    .replace('would-', '')
    .replace(/^create$/, 'created')
    .replace(/^update$/, 'updated'),
  // A booked invoice whose Severa status is behind: the plan says it would be moved, the run moves it.
  reason: r.reason?.replace('its Severa status would be moved to', 'its Severa status is now'),
});

describe('sevadm transfer', () => {
  it('--dry-run plans exactly what the real run then does, and writes nothing', async () => {
    const dir = demoDir();
    for (const args of [
      ['customers', '--select', 'all', '--changed-since', '2025-01-01', '--on-conflict', 'update'],
      ['invoices', '--status', 'Ready for transfer', '--select', 'all'],
      ['supplier-invoices', '--from', '2025-01-01', '--to', '2026-11-28', '--select', '2,7,8'],
    ]) {
      const plan = await transfer([...args, '--demo', '--data-dir', dir, '--dry-run']);
      const again = await transfer([...args, '--demo', '--data-dir', dir, '--dry-run']);
      expect(again.rows).toEqual(plan.rows);
      const real = await transfer([...args, '--demo', '--data-dir', dir]);
      expect(real.rows.map(asReal)).toEqual(plan.rows.map(asReal));
      expect(real.summary.summary).toEqual({ ...plan.summary.summary, dryRun: false });
      expect(plan.rows.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('exits 1 when some rows failed, with the reason per row', async () => {
    const dir = demoDir();
    const { code, rows, summary } = await transfer([
      'customers',
      '--direction',
      'to-severa',
      '--changed-since',
      '2000-01-01',
      '--select',
      '5001,K-200',
      '--demo',
      '--data-dir',
      dir,
    ]);
    expect(code).toBe(1);
    expect(summary.exitCode).toBe(1);
    expect(rows.find((r) => r.id === 'K-200')).toMatchObject({ result: 'failed', reason: expect.stringContaining('not numeric') });
    expect(rows.find((r) => r.id === '5001')).toMatchObject({ result: 'created', targetKey: '5001' });
  }, 60_000);

  it('refuses bad usage with a message naming the option', async () => {
    await expect(runTransferCommand(['customers', '--demo'], () => {})).rejects.toThrow(/--select is required/);
    await expect(runTransferCommand(['invoices', '--select', 'all', '--demo'], () => {})).rejects.toThrow(/--status is required/);
    await expect(
      runTransferCommand(['supplier-invoices', '--from', '2026-12-01', '--to', '2026-11-01', '--select', 'all', '--demo'], () => {}),
    ).rejects.toThrow(UsageError);
    await expect(runTransferCommand(['projects', '--direction', 'to-severa', '--select', 'all', '--demo'], () => {})).rejects.toThrow(
      /to-administration only/,
    );
    await expect(runTransferCommand(['widgets', '--select', 'all'], () => {})).rejects.toThrow(/customers, projects, invoices/);
  });

  it('runs cron-style, without a terminal, with exit codes 0 and 2', () => {
    const dir = demoDir();
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['bin/sevadm.js', 'transfer', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CI: 'true' },
        timeout: 60_000,
      });
    const ok = run(['payments', '--changed-since', '2000-01-01', '--select', 'all', '--demo', '--data-dir', dir]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Done: 5 transferred, 0 updated, 9 skipped, 0 failed/);
    expect(ok.stderr).toBe('');
    const bad = run(['payments', '--demo', '--data-dir', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--select is required/);
  }, 60_000);
});
