import { BANK_GIRO_PAYMENT } from '../../src/services/administration/models.js';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { AdkAdministration } from '../../src/services/administration/adk/adapter.js';
import type { AdministrationPort } from '../../src/services/administration/port.js';
import { freshCompanies } from './administration.js';

const SOURCE = join(process.cwd(), 'test/fixtures/fakeadk/fakeadk.c');

/**
 * The stand-in Adk library, compiled from test/fixtures/fakeadk with the system C compiler (cc, else gcc)
 * once per source version; test files running side by side share it (written under a temp name, then renamed).
 */
export function fakeAdkLibrary(defines: Record<string, string | number> = {}): string {
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).update(JSON.stringify(defines)).digest('hex').slice(0, 12);
  const dir = join(process.cwd(), 'node_modules/.cache/sevadm');
  const library = join(dir, `libfakeadk-${hash}.so`);
  if (existsSync(library)) return library;
  mkdirSync(dir, { recursive: true });
  const partial = `${library}.${process.pid}.tmp`;
  const flags = Object.entries(defines).map(([k, v]) => `-D${k}=${v}`);
  const compiler = ['cc', 'gcc'].find((c) => {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!compiler) throw new Error('no C compiler (cc or gcc) to build the fake ADK library; .ci/run installs gcc');
  execFileSync(compiler, ['-shared', '-fPIC', '-O1', '-fvisibility=hidden', ...flags, '-o', partial, SOURCE, '-lm'], { stdio: 'inherit' });
  renameSync(partial, library);
  return library;
}

export interface FakeCompanySetup {
  name: string;
  /** 500, 1000, 2000, 200; 4 is the association edition (Förening), 9 a variant Adk.h does not name. */
  variant: 500 | 1000 | 2000 | 200 | 4 | 9;
  invoiceSeries?: number;
  programVersion?: string;
  login?: { user: string; password: string };
  /** Register lines: [table, { fieldId: value }]; strings, numbers, booleans (dates as {date}). */
  registers?: [number, Record<number, string | number | boolean>][];
}

/** A "Gemensamma filer" folder and a company folder as the stand-in reads them, with Swedish names in the path. */
export function fakeCompanyFolders(setup: FakeCompanySetup): { commonFiles: string; company: string } {
  const root = mkdtempSync(join(tmpdir(), 'sevadm-adk-'));
  const commonFiles = join(root, 'Gemensamma filer');
  const company = join(root, 'Företag', setup.variant === 500 ? 'Lilla' : 'Ovnbol2000');
  mkdirSync(commonFiles, { recursive: true });
  mkdirSync(company, { recursive: true });
  writeFileSync(join(commonFiles, 'program.ini'), `version=${setup.programVersion ?? '2026.1'}\n`);
  const lines = [`name=${setup.name}`, `variant=${setup.variant}`, `invoice_series=${setup.invoiceSeries ?? 1}`];
  if (setup.login) lines.push(`login=${setup.login.user}:${setup.login.password}`);
  for (const [table, fields] of setup.registers ?? []) {
    const cells = Object.entries(fields).map(
      ([id, v]) => `${id}=${typeof v === 'number' ? `D${v}` : typeof v === 'boolean' ? `B${v ? 1 : 0}` : `S${v}`}`,
    );
    lines.push(['R', table, ...cells].join('\t'));
  }
  // The company file is Windows-1252, as everything the ADK reads.
  writeFileSync(join(company, 'company.ini'), iconv.encode(`${lines.join('\n')}\n`, 'win1252'));
  return { commonFiles, company };
}

/** A company's registers (articles, suppliers, terms, languages, currencies, profit centres) as stand-in lines. */
export async function registersOf(source: AdministrationPort): Promise<NonNullable<FakeCompanySetup['registers']>> {
  return [
    ...(await source.listArticles()).map(
      (a) =>
        [1, { 0: a.number, 1: a.name, 5: a.accountingCode ?? '', 7: a.unitCode ?? '', 45: a.price ?? 0, 76: Boolean(a.inactive) }] as [
          number,
          Record<number, string | number | boolean>,
        ],
    ),
    ...(await source.listSuppliers()).map(
      (s) => [12, { 0: s.number, 1: s.name, 14: s.organisationNumber ?? '', 56: s.project ?? '' }] as [number, Record<number, string>],
    ),
    ...(await source.listTermsOfPayment()).map((t) => [15, { 0: t.code, 1: t.text }] as [number, Record<number, string>]),
    ...(await source.listLanguages()).map((l) => [16, { 0: l.code, 1: l.text }] as [number, Record<number, string>]),
    ...(await source.listCurrencies()).map(
      (c) => [17, { 0: c.code, 1: c.name, 2: 1, 4: c.rate }] as [number, Record<number, string | number>],
    ),
    ...(await source.listProfitCentres()).map((p) => [25, { 0: '2026', 1: p.code, 2: p.name }] as [number, Record<number, string>]),
  ];
}

/** Copies an embedded company (the demo seed) into a fake ADK company: registers as lines, the rest through the adapter. */
async function copyInto(source: AdministrationPort, variant: 500 | 1000 | 2000, library: string): Promise<AdkAdministration> {
  const info = await source.companyInfo();
  const folders = fakeCompanyFolders({ name: info.name, variant, invoiceSeries: 20001, registers: await registersOf(source) });
  const adk = await AdkAdministration.open({ library, ...folders });
  for (const { timestamp: _t, ...customer } of await source.listCustomers()) await adk.addCustomer(customer);
  if (variant !== 500) for (const { timestamp: _t, ...project } of await source.listProjects()) await adk.addProject(project);
  const invoices = (await source.findInvoicesByReference('Severa')).sort((a, b) => a.documentNumber - b.documentNumber);
  for (const i of invoices) {
    await adk.addInvoice({
      documentNumber: i.documentNumber,
      type: i.type,
      customerNumber: i.customerNumber,
      date: i.date,
      dueDate: i.dueDate,
      ourReference: i.ourReference,
      yourReference: i.yourReference,
      orderNumber: i.orderNumber,
      currencyCode: i.currencyCode,
      currencyRate: i.currencyRate,
      termsOfPaymentCode: i.termsOfPaymentCode,
      projectCode: i.projectCode,
      profitCentre: i.profitCentre,
      creditedDocumentNumber: i.creditedDocumentNumber,
      externalReference: i.externalReference,
      rows: i.rows.map(({ position: _p, amount: _a, ...row }) => row),
    });
  }
  for (const s of await source.listSupplierInvoices('1900-01-01', '2999-12-31')) {
    const { givenNumber: _g, supplierName: _n, timestamp: _t, rows, ...head } = s;
    await adk.addSupplierInvoice({ ...head, ignoreInvoiceNumberCheck: true, rows: rows.map(({ position: _p, ...row }) => row) });
  }
  for (const p of await source.listCustomerPayments('1900-01-01'))
    await adk.addCustomerPayment({ invoiceNumber: p.invoiceNumber, date: p.date, amount: p.amount, ...BANK_GIRO_PAYMENT });
  return adk;
}

/** The demo companies (variant 2000 and 500) behind the ADK adapter on the stand-in library. */
export async function fakeAdkCompanies(): Promise<{ port: AdkAdministration; small: AdkAdministration; cleanup(): Promise<void> }> {
  const library = fakeAdkLibrary();
  const source = await freshCompanies();
  try {
    const [port, small] = await Promise.all([copyInto(source.port, 2000, library), copyInto(source.small, 500, library)]);
    return {
      port,
      small,
      async cleanup() {
        await Promise.all([port.close(), small.close()]);
      },
    };
  } finally {
    await source.port.close();
    await source.small.close();
  }
}
