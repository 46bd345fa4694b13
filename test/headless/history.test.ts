import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, runHistoryCommand } from '../../src/headless/history.js';
import { runTransferCommand } from '../../src/headless/transfer.js';

async function lines(run: (out: (l: string) => void) => Promise<number>) {
  const out: string[] = [];
  await run((l) => out.push(l));
  return out;
}

describe('sevadm history', () => {
  it('shows each transferred row with its result, filters by kind and result, and exports CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-history-'));
    const demo = ['--demo', '--data-dir', dir];
    await runTransferCommand(
      ['customers', '--direction', 'to-severa', '--changed-since', '2000-01-01', '--select', '5001,K-200', ...demo],
      () => {},
    );
    await runTransferCommand(['payments', '--changed-since', '2000-01-01', '--select', 'all', ...demo], () => {});
    await runTransferCommand(['payments', '--changed-since', '2000-01-01', '--select', 'all', '--dry-run', ...demo], () => {});

    const all = await lines((out) => runHistoryCommand([...demo], out));
    // Two customers and 14 paid invoices (the demo leaves one Paid invoice unpaid in Administration, for the compare).
    expect(all).toHaveLength(2 + 14);
    const failed = await lines((out) => runHistoryCommand(['--result', 'failed', ...demo], out));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/customers\s+failed\s+K-200 .*not numeric/);
    const payments = await lines((out) => runHistoryCommand(['--kind', 'payments', '--result', 'created', ...demo], out));
    expect(payments).toHaveLength(5);

    const csv = await lines((out) => runHistoryCommand(['--csv', '--kind', 'customers', ...demo], out));
    expect(csv[0]).toBe('time,kind,direction,id,label,result,target,reason');
    expect(csv.slice(1).map((l) => l.split(',')[5])).toEqual(expect.arrayContaining(['created', 'failed']));
  }, 60_000);

  it('quotes CSV fields that need it', () => {
    expect(csvField('Åre Fjällstugor AB')).toBe('Åre Fjällstugor AB');
    expect(csvField('Ek, Björk & Co')).toBe('"Ek, Björk & Co"');
    expect(csvField('sa "hej"')).toBe('"sa ""hej"""');
    expect(csvField(null)).toBe('');
  });
});

describe('what the headless commands say', () => {
  it('a dry run ends with the plan, never "Done"; history since a day to come says none since then; a bad --kind names the kinds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-say-'));
    const demo = ['--demo', '--data-dir', dir];
    const plan = await lines((out) =>
      runTransferCommand(['payments', '--changed-since', '2000-01-01', '--select', 'all', '--dry-run', ...demo], out),
    );
    expect(plan.at(-1)).toMatch(/^Plan: 5 would be created, 0 would be updated, \d+ skipped, 0 refused$/);
    expect(plan.join('\n')).not.toContain('Done:');
    await runTransferCommand(['payments', '--changed-since', '2000-01-01', '--select', 'all', ...demo], () => {});
    expect(await lines((out) => runHistoryCommand(['--since', '2099-01-01', ...demo], out))).toEqual([
      'No transfers recorded since 2099-01-01.',
    ]);
    await expect(runHistoryCommand(['--kind', 'invoice', ...demo], () => {})).rejects.toThrow(
      '--kind must be one of customers, projects, invoices, supplier-invoices, payments, got "invoice"',
    );
  }, 60_000);

  it('sevadm history lists newest first, as the History tab does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-order-'));
    const demo = ['--demo', '--data-dir', dir];
    await runTransferCommand(
      ['customers', '--direction', 'to-severa', '--changed-since', '2000-01-01', '--select', 'K-200', ...demo],
      () => {},
    );
    await runTransferCommand(['payments', '--changed-since', '2000-01-01', '--select', 'all', ...demo], () => {});
    const all = await lines((out) => runHistoryCommand([...demo], out));
    expect(all.at(-1)).toMatch(/customers\s+failed\s+K-200/);
    expect(all[0]).toMatch(/payments/);
  }, 60_000);

  it('sevadm --lang de --version complains about --lang (exit 2)', () => {
    const run = spawnSync(process.execPath, ['bin/sevadm.js', '--lang', 'de', '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--lang must be sv or en, got "de"');
  });
});
