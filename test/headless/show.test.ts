import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomerModel, InvoiceOutputModel } from '../../src/services/severa/schemas/index.js';
import { AdmSupplierInvoice } from '../../src/services/administration/models.js';
import { runShowCommand } from '../../src/headless/show.js';

const demo = () => ['--demo', '--data-dir', mkdtempSync(join(tmpdir(), 'sevadm-show-'))];

async function show(args: string[]) {
  const lines: string[] = [];
  expect(await runShowCommand(args, (l) => lines.push(l))).toBe(0);
  return lines;
}

describe('sevadm show', () => {
  it("lists either side as a table, or as JSON lines that parse as the side's records", async () => {
    const table = await show(['customers', '--side', 'severa', '--changed-since', '2000-01-01', ...demo()]);
    expect(table[0]).toMatch(/^No\.\s+Name\s+City\s+E-mail\s+Changed$/);
    expect(table).toHaveLength(65);
    const customers = (await show(['customers', '--side', 'severa', '--changed-since', '2000-01-01', '--json', ...demo()])).map((l) =>
      CustomerModel.parse(JSON.parse(l)),
    );
    expect(customers).toHaveLength(64);
    const invoices = (await show(['invoices', '--side', 'severa', '--status', 'paid', '--json', ...demo()])).map((l) =>
      InvoiceOutputModel.parse(JSON.parse(l)),
    );
    expect(invoices.every((i) => i.status?.name === 'Paid')).toBe(true);
    const supplier = (
      await show(['supplier-invoices', '--side', 'administration', '--from', '2000-01-01', '--to', '2099-12-31', '--json', ...demo()])
    ).map((l) => AdmSupplierInvoice.parse(JSON.parse(l)));
    expect(supplier.length).toBe(17);
    const projects = await show(['projects', '--side', 'administration', '--changed-since', '2000-01-01', ...demo()]);
    expect(projects.some((l) => l.startsWith('INTERN'))).toBe(true);
  }, 60_000);

  it('refuses what it cannot show, naming the option', async () => {
    await expect(runShowCommand(['customers', ...demo()], () => {})).rejects.toThrow(/--side must be severa or administration/);
    await expect(runShowCommand(['invoices', '--side', 'severa', ...demo()], () => {})).rejects.toThrow(/--status is required/);
    await expect(runShowCommand(['invoices', '--side', 'severa', '--status', 'Nope', ...demo()], () => {})).rejects.toThrow(
      /there are: Draft/,
    );
  });
});
