import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS } from '../../helpers/clock.js';
import { z } from 'zod';
import { seedSeveraData } from '../../../src/sandbox/severa/seed.js';
import {
  CostCenterModel,
  CurrencyOutputModel,
  CustomerModel,
  InvoiceOutputModel,
  InvoiceRowOutputModel,
  InvoiceStatusModel,
  OrganizationDetailsOutputModel,
  ProductOutputModel,
  ProjectFeeOutputModel,
  ProjectOutputModel,
  UserOutputModel,
  VatRateOutputModel,
} from '../../../src/services/severa/schemas/index.js';

describe('Severa sandbox seed', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(seedSeveraData(TEST_NOW_MS, 7))).toBe(JSON.stringify(seedSeveraData(TEST_NOW_MS, 7)));
    expect(seedSeveraData(TEST_NOW_MS, 7).customers[0]!.guid).not.toBe(seedSeveraData(TEST_NOW_MS, 8).customers[0]!.guid);
  });

  it('is a realistic Swedish consultancy', () => {
    const data = seedSeveraData(TEST_NOW_MS);
    expect(data.customers.length).toBeGreaterThanOrEqual(60);
    expect(new Set(data.customers.map((c) => c.number)).size).toBe(data.customers.length);
    expect(data.customers.some((c) => /[åäöÅÄÖ]/.test(c.name))).toBe(true);
    expect(data.projects.length).toBeGreaterThanOrEqual(40);
    expect(data.projects.filter((p) => p.isClosed).length).toBeGreaterThan(0);
    expect(data.projects.filter((p) => !p.startDate || !p.deadline).length).toBeGreaterThan(0);
    expect(data.invoices.length).toBeGreaterThanOrEqual(80);
    const statusNames = new Set(data.invoices.map((i) => i.status?.name));
    expect(statusNames.size).toBeGreaterThanOrEqual(4);
    expect(data.invoices.some((i) => i.isCreditNote)).toBe(true);
    expect(data.currencies.map((c) => c.code)).toEqual(expect.arrayContaining(['SEK', 'EUR']));
    expect(data.invoices.some((i) => i.currency?.code === 'EUR')).toBe(true);
    expect(data.costCenters.length).toBeGreaterThanOrEqual(3);
    expect(data.users.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every invoice row a product code that exists, and totals that add up', () => {
    const data = seedSeveraData(TEST_NOW_MS);
    const codes = new Set(data.products.map((p) => p.code));
    for (const row of data.invoiceRows) expect(codes.has(row.code![0]!)).toBe(true);
    for (const invoice of data.invoices) {
      const rows = data.invoiceRows.filter((r) => r.invoiceGuid === invoice.guid);
      expect(rows.length).toBeGreaterThan(0);
      const net = rows.reduce((s, r) => s + r.quantity! * r.unitPrice!.amount!, 0);
      expect(invoice.totalExcludingTax!.amount).toBeCloseTo(net, 1);
      expect(invoice.number === null).toBe(invoice.status?.name === 'Draft');
    }
  });

  it('matches the spec schemas the client validates against', () => {
    const data = seedSeveraData(TEST_NOW_MS);
    const check = (schema: z.ZodType, rows: unknown[]) => rows.forEach((row) => expect(() => schema.parse(row)).not.toThrow());
    check(CustomerModel, data.customers);
    check(ProjectOutputModel, data.projects);
    check(InvoiceOutputModel, data.invoices);
    check(InvoiceRowOutputModel, data.invoiceRows);
    check(InvoiceStatusModel, data.invoiceStatuses);
    check(ProductOutputModel, data.products);
    check(ProjectFeeOutputModel, data.projectFees);
    check(UserOutputModel, data.users);
    check(CurrencyOutputModel, data.currencies);
    check(VatRateOutputModel, data.vatRates);
    check(CostCenterModel, data.costCenters);
    check(OrganizationDetailsOutputModel, [data.organization]);
  });
});
