import { costRows, isCreditSupplierInvoice, postingRowKind } from '../../../src/services/transfer/postingRows.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS } from '../../helpers/clock.js';
import { demoCompanyFile, openDemoCompany } from '../../../src/sandbox/administration/demoCompanies.js';
import { EmbeddedCompany } from '../../../src/sandbox/administration/embeddedCompany.js';
import { organisationNumberValid } from '../../../src/sandbox/administration/rules.js';
import { seedSeveraData } from '../../../src/sandbox/severa/seed.js';
import { AdministrationError } from '../../../src/services/administration/errors.js';
import { freshCompanies } from '../../helpers/administration.js';

describe('Administration demo company', () => {
  it('shares customers with the Severa sandbox, some with differing fields, so conflicts happen', async () => {
    const { port } = await freshCompanies();
    const severa = seedSeveraData(TEST_NOW_MS);
    const customers = await port.listCustomers();
    const shared = customers.filter((c) => severa.customers.some((s) => String(s.number) === c.number));
    expect(shared.length).toBeGreaterThanOrEqual(10);
    const differing = shared.filter((c) => {
      const s = severa.customers.find((x) => String(x.number) === c.number)!;
      return c.name !== s.name || c.email !== s.email || c.city !== s.headquarterAddress?.city;
    });
    expect(differing.length).toBeGreaterThanOrEqual(3);
    expect(customers.length).toBeGreaterThan(shared.length);
    expect(severa.customers.length - shared.length).toBeGreaterThan(30);
    await port.close();
  });

  it('has supplier invoices on several projects, some rows on a project other than the head', async () => {
    const { port } = await freshCompanies();
    const invoices = await port.listSupplierInvoices('2000-01-01', '2099-12-31');
    const projects = new Set(invoices.flatMap((i) => [i.project, ...costRows(i).map((r) => r.project)]).filter(Boolean));
    expect(projects.size).toBeGreaterThanOrEqual(4);
    expect(invoices.some((i) => !i.project && costRows(i).every((r) => r.project))).toBe(true);
    expect(invoices.some((i) => i.project && costRows(i).some((r) => r.project && r.project !== i.project))).toBe(true);
  });

  it('books supplier invoices as Administration does: cost rows, input VAT, rounding and the supplier debt, balanced; one credit', async () => {
    const { port } = await freshCompanies();
    const invoices = await port.listSupplierInvoices('2000-01-01', '2099-12-31');
    for (const i of invoices) {
      const kinds = i.rows.map(postingRowKind);
      expect(kinds, String(i.givenNumber)).toContain('supplier-debt');
      expect(kinds).toContain('input-vat');
      // Debit equals credit, to the öre.
      expect(Math.round(i.rows.reduce((s, r) => s + r.amount, 0) * 100)).toBe(0);
      expect(i.rows.find((r) => postingRowKind(r) === 'supplier-debt')!.amount).toBeCloseTo(-i.total, 2);
    }
    expect(invoices.some((i) => i.rows.some((r) => postingRowKind(r) === 'rounding'))).toBe(true);
    const credits = invoices.filter(isCreditSupplierInvoice);
    expect(credits).toHaveLength(1);
    expect(costRows(credits[0]!).every((r) => r.amount < 0)).toBe(true);
    await port.close();
  });

  it('has the Severa invoices that were transferred, findable by their Severa guid, and payments on some', async () => {
    const { port } = await freshCompanies();
    const severa = seedSeveraData(TEST_NOW_MS);
    const transferred = severa.invoices.filter((i) => i.status?.name === 'Transferred');
    const [found] = await port.findInvoicesByReference(transferred[0]!.guid);
    expect(found?.documentNumber).toBe(transferred[0]!.number);
    const payments = await port.listCustomerPayments('2000-01-01');
    const paidTransferred = payments.filter((p) => transferred.some((t) => t.number === p.invoiceNumber));
    expect(paidTransferred.length).toBeGreaterThan(0);
    await port.close();
  });

  it('keeps its changes across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-adm-'));
    const first = await openDemoCompany(dir, 2000, TEST_NOW_MS);
    await first.addCustomer({ number: '9900', name: 'Bestående AB' });
    await first.close();
    const again = await openDemoCompany(dir, 2000, TEST_NOW_MS);
    expect((await again.getCustomer('9900'))?.name).toBe('Bestående AB');
    await again.close();
  });

  it('a missing or foreign company file is "wrong path to the company" (116)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-adm-'));
    expect(() => EmbeddedCompany.open(join(dir, 'none.sqlite'))).toThrow(AdministrationError);
    writeFileSync(demoCompanyFile(dir, 2000), '');
    try {
      EmbeddedCompany.open(demoCompanyFile(dir, 2000));
      expect.unreachable();
    } catch (error) {
      expect((error as AdministrationError).code).toBe(116);
    }
  });

  it('checks organisation numbers with the Luhn digit', () => {
    expect(organisationNumberValid('556036-0793')).toBe(true);
    expect(organisationNumberValid('556036-0794')).toBe(false);
    expect(organisationNumberValid('19811218-9876')).toBe(true);
    expect(organisationNumberValid('5560360793 1')).toBe(false);
  });
});
