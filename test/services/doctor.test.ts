import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/services/doctor/checks.js';
import { SEVADM_SCOPES } from '../../src/services/severa/environments.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../src/services/transfer/mappings.js';
import { DEMO_TRANSFER_SETTINGS } from '../../src/services/transfer/settings.js';
import { runDoctorCommand } from '../../src/headless/doctor.js';
import { freshCompanies } from '../helpers/administration.js';
import { clientFor, sandbox } from '../helpers/severa.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('sevadm doctor', () => {
  it('passes on the demo, exit 0', async () => {
    const lines: string[] = [];
    expect(await runDoctorCommand(['--demo', '--data-dir', mkdtempSync(join(tmpdir(), 'sevadm-doctor-'))], (l) => lines.push(l))).toBe(0);
    expect(lines.every((l) => !l.startsWith('✗'))).toBe(true);
    expect(lines.length).toBe(11);
    expect(lines.at(-1)).toMatch(/^✓ invoice status change path: \/status\/guid/);
  }, 30_000);

  it('names each problem with a fix: scopes, variant 500, a product without article, a missing status, an unmapped term', async () => {
    const s = await sandbox({ grantedScopes: SEVADM_SCOPES.filter((x) => x !== 'users:read') });
    s.store.data.products[0]!.code = 'NYTT-01';
    s.store.data.customers[0]!.paymentTerm = 45;
    const { small } = await freshCompanies();
    const client = clientFor(s, { scopes: SEVADM_SCOPES.filter((x) => x !== 'users:read') });
    const checks = await runChecks(client, small, DEMO_CUSTOMER_MAPPINGS, { ...DEMO_TRANSFER_SETTINGS, paidStatus: 'Betald' });
    const failed = Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.name, c]));
    expect(Object.keys(failed).sort()).toEqual([
      'Administration variant',
      'Cost centres ↔ profit centres',
      'Invoice statuses',
      'Payment terms mapping',
      'Products ↔ articles',
      'Severa scopes',
    ]);
    expect(failed['Severa scopes']!.detail).toBe('missing: users:read');
    expect(failed['Products ↔ articles']!.detail).toContain('NYTT-01');
    expect(failed['Payment terms mapping']!.detail).toContain('45');
    expect(failed['Invoice statuses']!.detail).toContain('Betald');
    expect(checks.filter((c) => !c.ok).every((c) => Boolean(c.fix))).toBe(true);
  });

  it('reports a side it cannot reach, and stops there', async () => {
    const checks = await runChecks(undefined, undefined, DEMO_CUSTOMER_MAPPINGS, DEMO_TRANSFER_SETTINGS);
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['Severa connection', false],
      ['Administration connection', false],
    ]);
  });
});
