import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCompareCommand } from '../../src/headless/compare.js';

const demoDir = () => mkdtempSync(join(tmpdir(), 'sevadm-compare-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['bin/sevadm.js', 'compare', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
    timeout: 60_000,
  });

describe('sevadm compare', () => {
  it("lists the demo's differences as JSON lines and a summary, exits 1, and a kind and a date narrow it", () => {
    const dir = demoDir();
    const all = run(['--demo', '--data-dir', dir, '--json']);
    expect(all.status).toBe(1);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = lines.at(-1)!.summary as {
      differences: number;
      fixable: number;
      byKind: Record<string, number>;
      writesNothing: boolean;
    };
    const differences = lines.slice(0, -1) as { kind: string; reason: string; key: string; date: string; fix: unknown; action: string }[];
    expect(summary.differences).toBe(differences.length);
    expect(summary.writesNothing).toBe(true);
    expect(Object.values(summary.byKind).every((n) => n > 0)).toBe(true);
    // Every difference says what sets it right: a transfer, or what a person does.
    expect(differences.every((d) => d.action.length > 0)).toBe(true);
    expect(differences.find((d) => d.reason === 'invoiceTwice')).toMatchObject({ fix: null, action: expect.stringMatching(/^by hand/) });
    expect(all.stderr).toBe('');

    const invoices = run(['--demo', '--data-dir', dir, '--json', '--kind', 'invoices,payments']);
    const kinds = new Set(
      invoices.stdout
        .trim()
        .split('\n')
        .slice(0, -1)
        .map((l) => (JSON.parse(l) as { kind: string }).kind),
    );
    expect([...kinds].sort()).toEqual(['invoices', 'payments']);

    const since = '2026-11-20';
    const recent = run(['--demo', '--data-dir', dir, '--json', '--since', since]).stdout.trim().split('\n').slice(0, -1);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(differences.length);
    expect(recent.every((l) => (JSON.parse(l) as { date: string }).date >= since)).toBe(true);
    // Nothing differs since a day to come: in sync, exit 0.
    const none = run(['--demo', '--data-dir', dir, '--since', '2099-01-01']);
    expect(none.status).toBe(0);
    expect(none.stdout).toMatch(/^In sync: no differences\.\nA compare writes nothing/);
  }, 60_000);

  it('writes CSV with a header and its summary on stderr; text groups by kind and says it wrote nothing', () => {
    const dir = demoDir();
    const csv = run(['--demo', '--data-dir', dir, '--csv', '--kind', 'supplier-invoices']);
    expect(csv.status).toBe(1);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('kind,reason,key,name,differs,date,action');
    expect(rows.slice(1).every((r) => r.startsWith('supplier-invoices,'))).toBe(true);
    expect(csv.stderr).toMatch(/differences, \d+ of them fixable by a transfer\. A compare writes nothing/);
    const text = run(['--demo', '--data-dir', dir, '--kind', 'payments', '--lang', 'sv']);
    expect(text.stdout).toMatch(/^Betalningar \(\d+\)/);
    expect(text.stdout).toMatch(/En jämförelse skriver ingenting/);
  }, 60_000);

  it('refuses bad input with exit 2, naming the option', async () => {
    expect(run(['--demo', '--data-dir', demoDir(), '--kind', 'widgets']).stderr).toMatch(/--kind must be one of customers, projects/);
    expect(run(['--demo', '--data-dir', demoDir(), '--kind', 'widgets']).status).toBe(2);
    await expect(runCompareCommand(['--demo', '--since', '2026-13-01'], () => {})).rejects.toThrow(/--since must be a date YYYY-MM-DD/);
    await expect(runCompareCommand(['--demo', '--json', '--csv'], () => {})).rejects.toThrow(/--json and --csv do not go together/);
  });
});
