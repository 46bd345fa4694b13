import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom, daysBefore, localDay, ManualClock } from '../src/clock.js';
import { type OpenEnvironment, openDemo, resetDemo } from '../src/environments.js';
import { runShowCommand } from '../src/headless/show.js';
import { demoCompanyFile } from '../src/sandbox/administration/demoCompanies.js';
import { EmbeddedCompany } from '../src/sandbox/administration/embeddedCompany.js';
import { demoDayFile } from '../src/sandbox/demoDay.js';
import type { SeveraData } from '../src/sandbox/severa/data.js';

const DAY = 86_400_000;
const opened: OpenEnvironment[] = [];
afterEach(async () => {
  for (const env of opened.splice(0)) await env.close();
});

async function demoAt(dir: string, at: string | number) {
  const env = await openDemo(dir, clockFrom(at));
  opened.push(env);
  return env;
}

/** Each list loaded as the app opens it: with the default dates, invoices on the "to transfer" status. */
async function defaultLists(env: OpenEnvironment) {
  const { session } = env;
  const dates = session.defaultDates();
  const ready = (await session.invoiceStatuses()).find((s) => s.name === session.settings.invoiceStatusToTransfer)!;
  const count = async (list: Parameters<typeof session.load>[0], filter = { since: dates.since, until: dates.until }) =>
    (await session.load(list, filter)).records.length;
  return {
    dates,
    severaCustomers: await count('severa-customers'),
    administrationCustomers: await count('administration-customers'),
    projects: await count('projects'),
    invoices: await count('invoices', { since: dates.since, until: dates.until, statusGuid: ready.guid } as never),
    supplierInvoices: await count('supplier-invoices'),
    payments: await count('payments'),
  };
}

function expectRowsEverywhere(lists: Awaited<ReturnType<typeof defaultLists>>) {
  expect(lists.severaCustomers).toBeGreaterThanOrEqual(10);
  expect(lists.administrationCustomers).toBeGreaterThan(0);
  expect(lists.projects).toBeGreaterThan(0);
  expect(lists.invoices).toBeGreaterThan(0);
  expect(lists.supplierInvoices).toBeGreaterThan(0);
  expect(lists.payments).toBeGreaterThan(0);
}

const severaData = (dir: string) => JSON.parse(readFileSync(join(dir, 'severa.json'), 'utf8')) as SeveraData;

describe('the demo on any date', () => {
  // Early 2026, the day the issue was seen, a leap day and a day far ahead; local midnight too.
  for (const at of ['2026-02-10T09:30:00Z', '2026-12-01T19:00:00Z', '2028-02-29T23:59:00Z', '2027-09-15T10:00:00']) {
    it(`opens on rows with its default filters when made on ${at}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sevadm-demo-date-'));
      const env = await demoAt(dir, at);
      const lists = await defaultLists(env);
      expect(lists.dates).toEqual({ since: daysBefore(Date.parse(at), 30), until: localDay(Date.parse(at)) });
      expectRowsEverywhere(lists);
    });
  }

  it('dates its data plausibly: nothing after the day it was made, invoices after their project starts, payments after their invoice', async () => {
    const at = '2027-03-15T10:00:00Z';
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-demo-date-'));
    const env = await demoAt(dir, at);
    const today = localDay(Date.parse(at));
    await env.close();
    opened.length = 0;
    const data = severaData(dir);
    const timestamps = [...data.customers, ...data.projects, ...data.invoices, ...data.projectFees].flatMap((r) => [
      r.createdDateTime,
      r.lastUpdatedDateTime,
    ]);
    for (const stamp of timestamps) expect(Date.parse(stamp!)).toBeLessThanOrEqual(Date.parse(at));
    for (const p of data.projects) {
      if (p.startDate) expect(p.startDate <= today).toBe(true);
      if (p.closedDate) expect(p.closedDate >= (p.startDate ?? '') && p.closedDate <= today).toBe(true);
    }
    for (const invoice of data.invoices) {
      const project = data.projects.find((p) => p.guid === invoice.projects![0]!.guid)!;
      expect(invoice.date! <= today).toBe(true);
      expect(invoice.date! >= project.startDate!).toBe(true);
      if (invoice.paymentDate) expect(invoice.paymentDate >= invoice.date! && invoice.paymentDate <= today).toBe(true);
    }
    for (const fee of data.projectFees) {
      const project = data.projects.find((p) => p.guid === fee.project!.guid)!;
      expect(fee.eventDate! >= project.startDate! && fee.eventDate! <= today).toBe(true);
    }
    expect(data.projects.some((p) => p.name.includes(`Support ${today.slice(0, 4)}`))).toBe(true);

    const company = EmbeddedCompany.open(demoCompanyFile(dir, 2000), clockFrom(at));
    const booked = new Map(data.invoices.map((i) => [i.number, i]));
    for (const payment of await company.listCustomerPayments('2000-01-01')) {
      expect(payment.date <= today).toBe(true);
      expect(payment.date >= booked.get(payment.invoiceNumber)!.date!).toBe(true);
    }
    for (const invoice of await company.listSupplierInvoices('2000-01-01', '2099-12-31')) expect(invoice.invoiceDate <= today).toBe(true);
    expect((await company.getProject('INTERN'))?.startDate).toBe(`${today.slice(0, 4)}-01-01`);
    await company.close();
  });

  it('opened 60 days after it was made, still opens on its rows; --reset starts it over on the new day', async () => {
    const made = Date.parse('2026-12-01T19:00:00Z');
    const later = made + 60 * DAY;
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-demo-date-'));
    await (await demoAt(dir, made)).close();
    opened.length = 0;

    const aged = await demoAt(dir, later);
    const lists = await defaultLists(aged);
    // The defaults follow the demo's data: 30 days back from the day it was made, up to today.
    expect(lists.dates).toEqual({ since: daysBefore(made, 30), until: localDay(later) });
    expectRowsEverywhere(lists);
    await aged.close();
    opened.length = 0;

    resetDemo(dir);
    const fresh = await demoAt(dir, later);
    expect(fresh.session.defaultDates()).toEqual({ since: daysBefore(later, 30), until: localDay(later) });
    expect(JSON.parse(readFileSync(demoDayFile(dir), 'utf8')).createdAt).toBe(new Date(later).toISOString());
    expectRowsEverywhere(await defaultLists(fresh));
  });

  it('a demo made before its day was kept counts from the day it was seeded on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-demo-date-'));
    await (await demoAt(dir, '2026-11-01T08:00:00Z')).close();
    opened.length = 0;
    // What an older sevadm left: the state without demo.json.
    const { rmSync } = await import('node:fs');
    rmSync(demoDayFile(dir));
    const env = await demoAt(dir, '2027-01-20T10:00:00Z');
    expect(env.session.defaultDates().since).toBe(daysBefore(Date.parse('2026-11-01T08:00:00Z'), 30));
    expectRowsEverywhere(await defaultLists(env));
  });

  it('a broken demo.json is refused naming the file and the way out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-demo-date-'));
    writeFileSync(demoDayFile(dir), '{"createdAt":"yesterday"}');
    await expect(openDemo(dir, new ManualClock('2026-12-01T10:00:00Z'))).rejects.toThrow(
      /demo\.json: createdAt must be a date-time.*sevadm demo --reset/,
    );
  });

  it("sevadm show --demo without dates uses the demo's defaults, on the day SEVADM_NOW names", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-demo-date-'));
    const saved = process.env.SEVADM_NOW;
    try {
      process.env.SEVADM_NOW = '2026-12-01T19:00:00Z';
      await (await demoAt(dir, '2026-12-01T19:00:00Z')).close();
      opened.length = 0;
      process.env.SEVADM_NOW = '2027-01-30T19:00:00Z';
      const lines: string[] = [];
      expect(await runShowCommand(['customers', '--side', 'severa', '--demo', '--data-dir', dir], (l) => lines.push(l))).toBe(0);
      expect(lines.length - 1).toBeGreaterThanOrEqual(10);
      const supplier: string[] = [];
      expect(
        await runShowCommand(['supplier-invoices', '--side', 'administration', '--demo', '--data-dir', dir, '--json'], (l) =>
          supplier.push(l),
        ),
      ).toBe(0);
      expect(supplier.length).toBeGreaterThan(0);
    } finally {
      process.env.SEVADM_NOW = saved;
    }
  });
});
