import { describe, expect, it } from 'vitest';
import type { AdmSupplierInvoice } from '../../../src/services/administration/models.js';
import type { InvoiceOutputModel, InvoiceRowOutputModel, ProjectOutputModel } from '../../../src/services/severa/schemas/index.js';
import { severaInvoiceToAdministration } from '../../../src/services/transfer/invoiceRules.js';
import { projectConflict, severaProjectToAdministration } from '../../../src/services/transfer/projectRules.js';
import { DEMO_TRANSFER_SETTINGS } from '../../../src/services/transfer/settings.js';
import { feeFor, feeReference, projectCodeOf } from '../../../src/services/transfer/supplierInvoiceSteps.js';

const invoice = (over: Partial<InvoiceOutputModel> = {}): InvoiceOutputModel => ({
  guid: 'inv-1',
  number: 10040,
  customer: { guid: 'c', name: 'Kund AB', number: 1001 },
  projects: [{ guid: 'p', name: 'P', number: 101 }],
  date: '2026-11-02',
  dueDate: '2026-12-02',
  currency: { guid: 'sek', code: 'SEK' },
  currencyRate: 1,
  ...over,
});
const row = (over: Partial<InvoiceRowOutputModel> = {}): InvoiceRowOutputModel => ({
  guid: 'r1',
  invoiceGuid: 'inv-1',
  description: 'Konsulttimme',
  quantity: 10,
  unitPrice: { amount: 1250, currencyCode: 'SEK' },
  vatRate: 25,
  measurementUnit: 'h',
  costCenter: { number: '20', name: 'Göteborg' },
  code: ['KONS'],
  sortOrder: 1,
  ...over,
});
const ctx = {
  articles: new Set(['KONS']),
  customers: new Set(['1001']),
  projects: new Set(['101']),
  numberPolicy: 'severa' as const,
  today: '2026-11-30',
};

describe('invoice mapping', () => {
  it("keeps Severa's number, or leaves numbering to Administration", () => {
    expect(severaInvoiceToAdministration(invoice(), [row()], ctx).documentNumber).toBe(10040);
    expect(severaInvoiceToAdministration(invoice(), [row()], { ...ctx, numberPolicy: 'administration' }).documentNumber).toBeUndefined();
  });

  it('maps the head and rows, profit centre from the Severa cost centre', () => {
    const mapped = severaInvoiceToAdministration(
      invoice({ ourReference: 'Anna', yourReference: 'Åsa', orderNumber: 'PO-1' }),
      [row()],
      ctx,
    );
    expect(mapped).toMatchObject({
      type: 'F',
      customerNumber: '1001',
      date: '2026-11-02',
      dueDate: '2026-12-02',
      ourReference: 'Anna',
      yourReference: 'Åsa',
      orderNumber: 'PO-1',
      currencyCode: 'SEK',
      projectCode: '101',
      profitCentre: '20',
    });
    expect(mapped.externalReference).toBe('Severa 10040 inv-1');
    expect(mapped.rows).toEqual([
      {
        articleNumber: 'KONS',
        text: 'Konsulttimme',
        quantity: 10,
        unitPrice: 1250,
        vatCode: '1',
        unit: 'h',
        profitCentre: '20',
        project: '101',
      },
    ]);
  });

  it("follows the settings' VAT, currency and cost-centre tables", () => {
    const mappings = {
      vatCodes: [{ rate: 25, administration: '0' as const }],
      currencies: [{ severa: 'SEK', administration: 'KR' }],
      costCentres: [{ severa: '20', administration: 'GBG' }],
    };
    const mapped = severaInvoiceToAdministration(
      invoice(),
      [row(), row({ guid: 'r2', vatRate: 12, costCenter: { number: '30', name: 'Malmö' } })],
      { ...ctx, mappings },
    );
    expect(mapped.currencyCode).toBe('KR');
    expect(mapped.profitCentre).toBe('GBG');
    expect(mapped.rows.map((r) => [r.vatCode, r.profitCentre])).toEqual([
      ['0', 'GBG'],
      ['2', '30'],
    ]);
  });

  it('makes a credit note a credit invoice with positive rows, pointing at the credited invoice', () => {
    const mapped = severaInvoiceToAdministration(
      invoice({ isCreditNote: true, reimburseInvoice: { guid: 'orig', number: 10001 } }),
      [row({ quantity: -10 })],
      { ...ctx, creditedDocumentNumber: 10001 },
    );
    expect(mapped.type).toBe('K');
    expect(mapped.rows[0]!.quantity).toBe(10);
    expect(mapped.creditedDocumentNumber).toBe(10001);
  });

  it('leaves the project out on a company without projects', () => {
    const mapped = severaInvoiceToAdministration(invoice(), [row()], { ...ctx, projects: undefined });
    expect(mapped.projectCode).toBeUndefined();
    expect(mapped.rows[0]!.project).toBeUndefined();
  });
});

describe('project mapping', () => {
  it('code = Severa number; a conflict changes only what differs', () => {
    const p: ProjectOutputModel = {
      guid: 'g',
      name: 'Webbplats',
      number: 120,
      startDate: '2026-01-01',
      deadline: '2026-06-30',
      customer: { guid: 'c', name: 'Kund AB', number: 1001 },
      projectOwner: { name: 'Anna Lindqvist' },
    };
    const mapped = severaProjectToAdministration(p);
    expect(mapped).toEqual({
      code: '120',
      name: 'Webbplats',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      customerNumber: '1001',
      customerName: 'Kund AB',
      responsible: 'Anna Lindqvist',
    });
    const { changes, fields } = projectConflict(mapped, { ...mapped, endDate: '2026-05-31', timestamp: 'x' });
    expect(changes).toEqual({ endDate: '2026-06-30' });
    expect(fields.filter((f) => f.changes).map((f) => f.label)).toEqual(['endDate']);
  });
});

describe('supplier-invoice rows', () => {
  const supplierInvoice: AdmSupplierInvoice = {
    givenNumber: 7,
    supplierNumber: '201',
    supplierName: 'Tryckeriet i Norr AB',
    invoiceNumber: '2182-7',
    invoiceDate: '2026-06-19',
    currencyCode: 'SEK',
    total: 1250,
    project: '114',
    cancelled: false,
    timestamp: 't',
    rows: [
      { position: 1, text: 'Tryck', amount: 800, quantity: 2 },
      { position: 2, text: 'Frakt', amount: 200, project: '103' },
    ],
  };
  const project = { guid: 'pg', name: 'P', number: 114 } as ProjectOutputModel;

  it("take the row's project, else the head's", () => {
    expect(projectCodeOf({ invoice: supplierInvoice, row: supplierInvoice.rows[0]! })).toBe('114');
    expect(projectCodeOf({ invoice: supplierInvoice, row: supplierInvoice.rows[1]! })).toBe('103');
  });

  it('become a fee with unit cost from the row amount, the reference first in the description', () => {
    const fee = feeFor({ invoice: supplierInvoice, row: supplierInvoice.rows[0]! }, project, undefined, DEMO_TRANSFER_SETTINGS);
    expect(fee).toMatchObject({
      project: { guid: 'pg' },
      productType: 'Subcontracting',
      quantity: 2,
      unitCost: { amount: 400, currencyCode: 'SEK' },
      isBillable: false,
      eventDate: '2026-06-19',
    });
    expect(fee.description).toBe(`${feeReference(7, 1)} Tryck`);
    const billable = feeFor({ invoice: supplierInvoice, row: supplierInvoice.rows[0]! }, project, undefined, {
      ...DEMO_TRANSFER_SETTINGS,
      supplierBillable: true,
      supplierMarkupPercent: 15,
    });
    expect(billable).toMatchObject({ isBillable: true, unitPrice: { amount: 460 } });
  });
});
