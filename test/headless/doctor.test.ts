import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctorCommand } from '../../src/headless/doctor.js';
import type { SeveraData } from '../../src/sandbox/severa/data.js';

const statusOf = (dir: string, number: number) =>
  (JSON.parse(readFileSync(join(dir, 'severa.json'), 'utf8')) as SeveraData).invoices.find((i) => i.number === number)!.status?.name;

describe('sevadm doctor and the invoice status change path', () => {
  it('names the path it assumes, and the probe tries it on one invoice only with --yes, changing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-doctor-'));
    const lines: string[] = [];
    await runDoctorCommand(['--demo', '--data-dir', dir], (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/invoice status change path: \/status\/guid \(an assumption/);
    const number = 10008;
    const before = statusOf(dir, number);
    await expect(runDoctorCommand(['--demo', '--data-dir', dir, '--probe-status-change', String(number)], () => {})).rejects.toThrow(
      /add --yes/,
    );
    const probe: string[] = [];
    expect(
      await runDoctorCommand(['--demo', '--data-dir', dir, '--probe-status-change', String(number), '--yes'], (l) => probe.push(l)),
    ).toBe(0);
    expect(probe.at(-1)).toMatch(new RegExp(`^✓ Severa accepted /status/guid on invoice ${number}; its status is ${before} as before`));
    expect(statusOf(dir, number)).toBe(before);
    // A path Severa does not take is reported as refused, exit 1.
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ invoiceStatusPath: '/statusGuid' }));
    const refused: string[] = [];
    expect(
      await runDoctorCommand(['--demo', '--data-dir', dir, '--probe-status-change', String(number), '--yes'], (l) => refused.push(l)),
    ).toBe(1);
    expect(refused.at(-1)).toMatch(/^✗ Severa refused \/statusGuid on invoice 10008/);
  }, 60_000);
});
