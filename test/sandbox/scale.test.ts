import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDemoCompany } from '../../src/sandbox/administration/demoCompanies.js';
import { demoAnchor, demoScale } from '../../src/sandbox/demoDay.js';
import { seedSeveraData } from '../../src/sandbox/severa/seed.js';
import { ManualClock } from '../../src/clock.js';
import { TEST_NOW, TEST_NOW_MS } from '../helpers/clock.js';

describe('--scale: N times the demo', () => {
  it('makes N times the Severa data, the same every time, scale 1 being the demo unchanged', () => {
    const one = seedSeveraData(TEST_NOW_MS);
    expect(seedSeveraData(TEST_NOW_MS, undefined, 1)).toEqual(one);
    const three = seedSeveraData(TEST_NOW_MS, undefined, 3);
    expect(seedSeveraData(TEST_NOW_MS, undefined, 3)).toEqual(three);
    expect(three.customers).toHaveLength(3 * one.customers.length);
    expect(three.projects).toHaveLength(3 * one.projects.length);
    // Besides the two fees the compare's known differences add once (COMPARE_FEE_DIFFERS and one on a row that is not there).
    expect(three.projectFees).toHaveLength(3 * (one.projectFees.length - 2) + 2);
    // Each status three times over (credit notes included).
    const byStatus = (d: typeof one) =>
      Object.fromEntries(d.invoiceStatuses.map((s) => [s.name, d.invoices.filter((i) => i.status?.guid === s.guid).length]));
    const counts = byStatus(one);
    expect(byStatus(three)).toEqual(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, 3 * v])));
    // Names and numbers stay unique, as Severa requires; every project's customer exists.
    expect(new Set(three.customers.map((c) => c.name)).size).toBe(three.customers.length);
    expect(new Set(three.customers.map((c) => c.number)).size).toBe(three.customers.length);
    expect(new Set(three.invoices.filter((i) => i.number).map((i) => i.number)).size).toBe(three.invoices.filter((i) => i.number).length);
    const guids = new Set(three.customers.map((c) => c.guid));
    expect(three.projects.every((p) => guids.has(p.customer!.guid!))).toBe(true);
  });

  it('makes the demo company for the scaled Severa: its payments, customers and supplier invoices N times', async () => {
    const one = await openDemoCompany(mkdtempSync(join(tmpdir(), 'sevadm-scale-')), 2000, TEST_NOW_MS);
    const two = await openDemoCompany(mkdtempSync(join(tmpdir(), 'sevadm-scale-')), 2000, TEST_NOW_MS, undefined, 2);
    try {
      const payments = async (c: typeof one) => (await c.listCustomerPayments('2000-01-01')).length;
      const supplierInvoices = async (c: typeof one) => (await c.listSupplierInvoices('2000-01-01', '2100-12-31')).length;
      // The one Paid invoice left unpaid on purpose (a known difference for the compare) is in the first copy only.
      expect(await payments(two)).toBe(2 * (await payments(one)) + 1);
      expect(await supplierInvoices(two)).toBe(2 * (await supplierInvoices(one)));
      const numbers = (await two.listCustomers()).map((c) => c.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.length).toBeGreaterThan((await one.listCustomers()).length);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keeps the scale a demo was made at, and refuses another without --reset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-scale-'));
    const clock = new ManualClock(TEST_NOW);
    demoAnchor(dir, clock, 4);
    expect(demoScale(dir)).toBe(4);
    expect(() => demoAnchor(dir, clock)).not.toThrow();
    expect(() => demoAnchor(dir, clock, 2)).toThrow(/made at --scale 4; sevadm demo --reset --scale 2/);
    const plain = mkdtempSync(join(tmpdir(), 'sevadm-scale-'));
    demoAnchor(plain, clock);
    expect(demoScale(plain)).toBe(1);
  });
});
