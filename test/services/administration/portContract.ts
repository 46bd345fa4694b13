import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdministrationError } from '../../../src/services/administration/errors.js';
import { BANK_GIRO_PAYMENT, type InvoiceInput } from '../../../src/services/administration/models.js';
import type { AdministrationPort } from '../../../src/services/administration/port.js';
import { SEED_COST_CENTERS, SEED_PRODUCTS } from '../../../src/sandbox/severa/seed.js';

export interface PortFixture {
  /** The seeded demo company, variant 2000. */
  port: AdministrationPort;
  /** The seeded variant-500 company. */
  small: AdministrationPort;
  cleanup(): Promise<void>;
}

export async function adkError(promise: Promise<unknown>, code: number, field?: string): Promise<AdministrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ADK error ${code}`).toBeInstanceOf(AdministrationError);
  const adk = error as AdministrationError;
  expect(adk.code, adk.message).toBe(code);
  if (field) expect(adk.field).toBe(field);
  return adk;
}

const invoice = (over: Partial<InvoiceInput> = {}): InvoiceInput => ({
  type: 'F',
  customerNumber: '1001',
  date: '2026-11-20',
  dueDate: '2026-12-20',
  ourReference: 'Anna Lindqvist',
  yourReference: 'Åsa Nilsson',
  currencyCode: 'SEK',
  externalReference: 'Severa 99001 3f0c1a2e-0000-4000-8000-00000000abcd',
  rows: [
    { articleNumber: 'KONS', text: 'Konsulttimme', quantity: 10, unitPrice: 1250, vatCode: '1', unit: 'h' },
    { articleNumber: 'UTB', text: 'Utbildningsdag', quantity: 1, unitPrice: 9500, discount: 10, vatCode: '1' },
  ],
  ...over,
});

/** The behaviour every AdministrationPort implementation must show. */
export function portContract(name: string, make: () => Promise<PortFixture>): void {
  describe(`AdministrationPort contract: ${name}`, () => {
    let f: PortFixture;
    beforeEach(async () => {
      f = await make();
    });
    afterEach(async () => {
      await f.cleanup();
    });

    it('tells the company name, variant and ADK version', async () => {
      expect(await f.port.companyInfo()).toEqual({ name: 'Övningsbolaget AB', variant: 2000, adkVersion: expect.any(String) });
      expect((await f.small.companyInfo()).variant).toBe(500);
    });

    describe('customers', () => {
      it('lists, gets by number, and answers null for an unknown number', async () => {
        const all = await f.port.listCustomers();
        expect(all.length).toBeGreaterThan(15);
        const one = await f.port.getCustomer(all[0]!.number);
        expect(one).toEqual(all[0]);
        expect(await f.port.getCustomer('999999')).toBeNull();
      });

      it('adds a customer with Swedish letters intact, and lists changed-since from its timestamp', async () => {
        const added = await f.port.addCustomer({
          number: '7001',
          name: 'Ödmårdens Åkeri AB',
          city: 'Sölvesborg',
          organisationNumber: '556036-0793',
          currencyCode: 'SEK',
        });
        expect(added.timestamp).toBeTruthy();
        expect((await f.port.getCustomer('7001'))?.name).toBe('Ödmårdens Åkeri AB');
        const changed = await f.port.listCustomers({ changedSince: added.timestamp });
        expect(changed.map((c) => c.number)).toEqual(['7001']);
      });

      it('updates a customer and bumps its timestamp', async () => {
        const [first] = await f.port.listCustomers();
        const updated = await f.port.updateCustomer(first!.number, { email: 'ny@adress.example', city: 'Örnsköldsvik' });
        expect(updated).toMatchObject({ number: first!.number, name: first!.name, email: 'ny@adress.example', city: 'Örnsköldsvik' });
        expect(updated.timestamp > first!.timestamp).toBe(true);
        expect((await f.port.listCustomers({ changedSince: updated.timestamp })).map((c) => c.number)).toEqual([first!.number]);
      });

      it('refuses what the ADK refuses, with its codes', async () => {
        await adkError(f.port.addCustomer({ number: '1001', name: 'Dubblett AB' }), 214, 'number');
        await adkError(f.port.addCustomer({ number: '7002', name: '  ' }), 139, 'name');
        await adkError(f.port.addCustomer({ number: '7003', name: 'x'.repeat(51) }), 180, 'name');
        await adkError(
          f.port.addCustomer({ number: '7004', name: 'Fel AB', organisationNumber: '556036-0794' }),
          108,
          'organisationNumber',
        );
        await adkError(f.port.addCustomer({ number: '', name: 'Utan nummer AB' }), 51, 'number');
        await adkError(f.port.addCustomer({ number: '7005', name: 'Valuta AB', currencyCode: 'XYZ' }), 43, 'currencyCode');
        await adkError(f.port.addCustomer({ number: '7006', name: 'Språk AB', languageCode: 'KL' }), 44, 'languageCode');
        await adkError(f.port.addCustomer({ number: '7007', name: 'Villkor AB', termsOfPaymentCode: '99' }), 41, 'termsOfPaymentCode');
        await adkError(f.port.updateCustomer('999999', { name: 'Finns ej' }), 115);
        expect(await f.port.getCustomer('7002')).toBeNull();
      });

      it('accepts a wrong check digit when told to ignore it', async () => {
        const added = await f.port.addCustomer({
          number: '7008',
          name: 'Utlandet AB',
          organisationNumber: '556036-0794',
          ignoreOrganisationNumberCheck: true,
        });
        expect(added.organisationNumber).toBe('556036-0794');
      });

      it('names the field of a value of the wrong type', async () => {
        const error = await adkError(f.port.addCustomer({ number: '7009', name: 42 } as never), 103);
        expect(error.field).toBe('name');
      });
    });

    describe('projects', () => {
      it('adds, gets and lists projects', async () => {
        const added = await f.port.addProject({
          code: '9100',
          name: 'Älvsbyhus – förstudie',
          startDate: '2026-12-01',
          endDate: '2027-03-31',
          customerNumber: '1001',
        });
        expect(added.customerName).toBe((await f.port.getCustomer('1001'))!.name);
        expect(await f.port.getProject('9100')).toEqual(added);
        expect((await f.port.listProjects()).some((p) => p.code === '9100')).toBe(true);
        expect(await f.port.getProject('nope')).toBeNull();
      });

      it('refuses what the ADK refuses, with its codes', async () => {
        await adkError(f.port.addProject({ code: 'INTERN', name: 'Igen' }), 214, 'code');
        await adkError(
          f.port.addProject({ code: '9101', name: 'Baklänges', startDate: '2026-12-01', endDate: '2026-11-01' }),
          167,
          'endDate',
        );
        await adkError(f.port.addProject({ code: '9102', name: 'Okänd kund', customerNumber: '424242' }), 21, 'customerNumber');
        // An empty key is ADKE_NO_KEY.
        await adkError(f.port.addProject({ code: '', name: 'Utan kod' }), 112);
        await adkError(f.port.addProject({ code: '9103', name: '' }), 139, 'name');
        await adkError(f.port.updateProject('INTERN', { startDate: '2026-06-01', endDate: '2026-05-01' }), 167);
        await adkError(f.port.updateProject('nope', { name: 'x' }), 115);
        await f.port.addProject({ code: '9104', name: 'Avslutat', closed: true, closureDate: '2026-10-01' });
        await adkError(f.port.updateProject('9104', { name: 'Ändrat' }), 273);
      });

      it('does not exist on a variant-500 company (278)', async () => {
        await adkError(f.small.listProjects(), 278);
        await adkError(f.small.getProject('1'), 278);
        await adkError(f.small.addProject({ code: '1', name: 'Projekt' }), 278);
        await adkError(f.small.updateProject('1', { name: 'Projekt' }), 278);
      });
    });

    it('lists the registers, articles matching Severa product codes and profit centres its cost centres', async () => {
      const articles = (await f.port.listArticles()).map((a) => a.number);
      expect(articles).toEqual(expect.arrayContaining(SEED_PRODUCTS.map((p) => p.code)));
      expect((await f.port.listProfitCentres()).map((p) => p.code)).toEqual(SEED_COST_CENTERS.map(([code]) => code));
      expect((await f.port.listTermsOfPayment()).find((t) => t.code === '30')?.days).toBe(30);
      expect((await f.port.listLanguages()).map((l) => l.code)).toContain('SV');
      expect((await f.port.listCurrencies()).map((c) => c.code)).toEqual(expect.arrayContaining(['SEK', 'EUR']));
      expect((await f.port.listSuppliers()).length).toBeGreaterThan(3);
    });

    describe('customer invoices', () => {
      it('adds head and rows in one call, numbered from the series, and finds it again by reference', async () => {
        const added = await f.port.addInvoice(invoice());
        expect(added.documentNumber).toBeGreaterThan(0);
        expect(added.rows.map((r) => r.amount)).toEqual([12500, 8550]);
        expect(added.totalExcludingVat).toBe(21050);
        expect(added.vatAmount).toBe(5262.5);
        expect(added.total).toBe(26312.5);
        expect(await f.port.getInvoice(added.documentNumber)).toEqual(added);
        const found = await f.port.findInvoicesByReference('3f0c1a2e-0000-4000-8000-00000000abcd');
        expect(found.map((i) => i.documentNumber)).toEqual([added.documentNumber]);
        const next = await f.port.addInvoice(invoice({ externalReference: 'Severa 99002 other' }));
        expect(next.documentNumber).toBe(added.documentNumber + 1);
      });

      it('keeps an explicit document number, and refuses one that is taken (214)', async () => {
        const added = await f.port.addInvoice(invoice({ documentNumber: 77001 }));
        expect(added.documentNumber).toBe(77001);
        await adkError(f.port.addInvoice(invoice({ documentNumber: 77001, externalReference: 'again' })), 214, 'documentNumber');
      });

      it('an invoice that fails leaves nothing behind', async () => {
        const reference = 'Severa 99003 must-not-exist';
        // Adk.h's closer code for a document's unknown customer: ADKE_OOF_INVALID_CUSTOMER.
        await adkError(f.port.addInvoice(invoice({ customerNumber: '424242', externalReference: reference })), 49, 'customerNumber');
        const badRow = invoice({
          externalReference: reference,
          rows: [...invoice().rows, { articleNumber: 'SAKNAS', quantity: 1, unitPrice: 1 }],
        });
        const error = await adkError(f.port.addInvoice(badRow), 50, 'articleNumber');
        expect(error.detail).toContain('row 3');
        await adkError(f.port.addInvoice(invoice({ externalReference: reference, projectCode: 'SAKNAS' })), 149, 'projectCode');
        await adkError(
          f.port.addInvoice(invoice({ externalReference: reference, rows: [{ text: 'x', quantity: 1, unitPrice: 1, project: 'SAKNAS' }] })),
          149,
          'project',
        );
        await adkError(f.port.addInvoice(invoice({ externalReference: reference, profitCentre: '77' })), 150, 'profitCentre');
        expect(await f.port.findInvoicesByReference(reference)).toEqual([]);
        // The number series did not move either.
        const first = await f.port.addInvoice(invoice({ externalReference: 'Severa 99004 a' }));
        const second = await f.port.addInvoice(invoice({ externalReference: 'Severa 99005 b' }));
        expect(second.documentNumber).toBe(first.documentNumber + 1);
      });
    });

    describe('supplier invoices', () => {
      it('lists between two dates, both inclusive, with rows, leaving cancelled ones out', async () => {
        const all = await f.port.listSupplierInvoices('2000-01-01', '2099-12-31');
        expect(all.length).toBeGreaterThan(10);
        expect(all.every((i) => !i.cancelled && i.rows.length > 0)).toBe(true);
        const day = all[3]!.invoiceDate;
        const sameDay = await f.port.listSupplierInvoices(day, day);
        expect(sameDay.map((i) => i.givenNumber)).toEqual(all.filter((i) => i.invoiceDate === day).map((i) => i.givenNumber));
        expect(all.some((i) => i.rows.some((r) => r.project && r.project !== i.project))).toBe(true);
      });

      it('numbers new ones from the series and refuses a supplier invoice number twice (345)', async () => {
        const input = {
          supplierNumber: '201',
          invoiceNumber: 'T-5001',
          invoiceDate: '2026-11-15',
          total: 1250,
          vatAmount: 250,
          rows: [{ text: 'Tryck', amount: 1000, project: 'INTERN' }],
        };
        const added = await f.port.addSupplierInvoice(input);
        expect(added.givenNumber).toBeGreaterThan(0);
        expect(added.supplierName).toBe('Tryckeriet i Norr AB');
        await adkError(f.port.addSupplierInvoice(input), 345, 'invoiceNumber');
        await expect(f.port.addSupplierInvoice({ ...input, supplierNumber: '202' })).resolves.toMatchObject({
          givenNumber: added.givenNumber + 1,
        });
        await expect(f.port.addSupplierInvoice({ ...input, ignoreInvoiceNumberCheck: true })).resolves.toBeTruthy();
        await adkError(f.port.addSupplierInvoice({ ...input, supplierNumber: '999' }), 106, 'supplierNumber');
        await adkError(
          f.port.addSupplierInvoice({ ...input, invoiceNumber: 'T-5002', rows: [{ amount: 1, project: 'SAKNAS' }] }),
          149,
          'project',
        );
        const listed = await f.port.listSupplierInvoices('2026-11-15', '2026-11-15');
        expect(listed.filter((i) => i.invoiceNumber === 'T-5001')).toHaveLength(3);
      });
    });

    it("keeps a supplier invoice's posting rows as booked: costs, input VAT and the supplier debt, signed", async () => {
      const invoices = await f.port.listSupplierInvoices('2000-01-01', '2099-12-31');
      expect(invoices.length).toBeGreaterThan(0);
      for (const i of invoices) {
        expect(i.rows.some((r) => r.accountNumber === '2440' && r.amount === -i.total)).toBe(true);
        expect(i.rows.some((r) => r.accountNumber === '2640')).toBe(true);
        expect(Math.round(i.rows.reduce((sum, r) => sum + r.amount, 0) * 100)).toBe(0);
      }
      expect(invoices.some((i) => i.total < 0 && i.rows.some((r) => /^[4-7]/.test(r.accountNumber ?? '') && r.amount < 0))).toBe(true);
    });

    it('lists payments since a date and registers new ones', async () => {
      const all = await f.port.listCustomerPayments('2000-01-01');
      expect(all.length).toBeGreaterThan(5);
      const [invoiceOne] = await f.port.findInvoicesByReference('Severa');
      const added = await f.port.addCustomerPayment({
        invoiceNumber: invoiceOne!.documentNumber,
        date: '2026-11-27',
        amount: invoiceOne!.total,
        ...BANK_GIRO_PAYMENT,
      });
      const listed = (await f.port.listCustomerPayments('2026-11-27')).find((p) => p.number === added.number);
      expect(listed).toMatchObject({ rowType: 'B', paymentCode: 'BG', account: '1930' });
      const paying = { invoiceNumber: invoiceOne!.documentNumber, date: '2026-11-27', amount: 1, ...BANK_GIRO_PAYMENT };
      // Adk.h's codes: an unknown invoice 416; no row type 402, no way of payment 404, no account 406, no amount 408.
      await adkError(f.port.addCustomerPayment({ ...paying, invoiceNumber: 4242424 }), 416);
      await adkError(f.port.addCustomerPayment({ ...paying, rowType: '' }), 402);
      await adkError(f.port.addCustomerPayment({ ...paying, paymentCode: '' }), 404);
      await adkError(f.port.addCustomerPayment({ ...paying, account: '' }), 406);
      await adkError(f.port.addCustomerPayment({ ...paying, amount: 0 }), 408);
      await adkError(f.port.addCustomerPayment({ ...paying, date: '2026-02-30' }), 138);
    });

    it('grants one transfer lease at a time, renews and releases it, and names its holder to the next', async () => {
      const anna = { kind: 'invoices', who: 'anna@host', host: 'host', pid: process.pid };
      const first = await f.port.takeLease(anna);
      expect(first).toMatchObject({ granted: true, holder: { who: 'anna@host' } });
      const second = await f.port.takeLease({ ...anna, who: 'bo@host', kind: 'customers' });
      expect(second).toMatchObject({ granted: false, holder: { who: 'anna@host', kind: 'invoices' } });
      if (!first.granted) return;
      expect(await f.port.renewLease(first.token)).toBe(true);
      expect(await f.port.renewLease('not-a-token')).toBe(false);
      await f.port.releaseLease(first.token);
      const third = await f.port.takeLease({ ...anna, who: 'bo@host' });
      expect(third.granted).toBe(true);
      if (third.granted) await f.port.releaseLease(third.token);
    });

    it('answers 80 after the company is closed', async () => {
      await f.port.close();
      await adkError(f.port.listCustomers(), 80);
      await adkError(f.port.companyInfo(), 80);
    });
  });
}
