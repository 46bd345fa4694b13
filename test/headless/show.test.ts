import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomerModel, InvoiceOutputModel } from '../../src/services/severa/schemas/index.js';
import { AdmInvoice, AdmSupplierInvoice } from '../../src/services/administration/models.js';
import { ProjectFeeOutputModel } from '../../src/services/severa/schemas/projectFee.js';
import { runTransferCommand } from '../../src/headless/transfer.js';
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

  it('shows the books as sevadm wrote them: invoices with their Severa reference, the fees it created, the paid invoices', async () => {
    const args = demo();
    await runTransferCommand(['invoices', '--status', 'Ready for transfer', '--select', 'all', ...args], () => {});
    await runTransferCommand(['supplier-invoices', '--from', '2025-01-01', '--select', 'all', ...args], () => {});
    const booked = (await show(['invoices', '--side', 'administration', '--json', ...args])).map((l) => AdmInvoice.parse(JSON.parse(l)));
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((i) => /^Severa \d+ [0-9a-f-]{36}$/.test(i.externalReference))).toBe(true);
    // Each booked once by sevadm (under Severa's numbers); the demo's one invoice entered twice by hand, in
    // Administration's own series, is a known difference for the compare and is left aside here.
    const bySevadm = booked.filter((i) => i.documentNumber < 20001);
    expect(booked.length - bySevadm.length).toBe(1);
    expect(new Set(bySevadm.map((i) => i.externalReference)).size).toBe(bySevadm.length);
    const fees = (await show(['fees', '--side', 'severa', '--json', ...args])).map((l) => ProjectFeeOutputModel.parse(JSON.parse(l)));
    expect(fees.length).toBeGreaterThan(0);
    const references = fees.map((f) => f.description!.split(' ').slice(0, 2).join(' '));
    expect(references.every((r) => /^Lev\.fakt \d+\/\d+$/.test(r))).toBe(true);
    expect(new Set(references).size).toBe(references.length);
    const table = await show(['payments', '--side', 'severa', ...args]);
    expect(table[0]).toMatch(/^Number\s+Paid on\s+Customer\s+Total\s+Status$/);
    expect(table.slice(1).every((l) => / Paid$/.test(l))).toBe(true);
  }, 60_000);
});
