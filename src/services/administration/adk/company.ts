import { ADK, AdministrationError, type AdministrationTable } from '../errors.js';
import {
  AdmDate,
  type AdmCustomer,
  type AdmCustomerPayment,
  type AdmInvoice,
  type AdmProject,
  type AdmSupplierInvoice,
  type Article,
  type CompanyInfo,
  type Currency,
  CustomerChanges,
  CustomerInput,
  CustomerPaymentInput,
  InvoiceInput,
  type Language,
  type ProfitCentre,
  ProjectChanges,
  ProjectInput,
  type Supplier,
  SupplierInvoiceInput,
  type TermsOfPayment,
} from '../models.js';
import type { ChangedSince } from '../port.js';
import * as F from './fields.js';
import { AdkCallError, type AdkData, type AdkLibrary } from './library.js';
import type { z } from 'zod';

export interface AdkCompanyPaths {
  /** "Gemensamma filer". */
  commonFiles: string;
  /** The company folder under "Företag". */
  company: string;
  /** When login is turned on in Administration. */
  login?: { user: string; password: string };
}

type Values = Record<string, unknown>;

/**
 * The ADK's timestamps are the Windows host's wall-clock time ("YYYY-MM-DD HH:MM:SS"); sevadm runs on that
 * host (or the bridge does), so its local time zone is the one to read them in.
 */
function wallClockToIso(text: string): string {
  const [y, mo, d, h, mi, s] = text.split(/[- :]/).map(Number);
  return new Date(y!, mo! - 1, d!, h ?? 0, mi ?? 0, s ?? 0).toISOString();
}
function isoToWallClock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

const EMPTY_MEANS_ABSENT = new Set(['str', 'date']);

/**
 * The AdministrationPort's operations over the ADK, synchronous: they run on the one worker that owns
 * the library, one at a time. Every ADK error becomes an AdministrationError naming the port's field.
 */
export class AdkCompany {
  private opened = false;

  constructor(
    private readonly adk: AdkLibrary,
    private readonly paths: AdkCompanyPaths,
  ) {}

  /** Opens the company once; a wrong path or a DLL of another version is said in words the user can act on. */
  open(): void {
    try {
      this.guard('company', undefined, () => this.adk.open(this.paths.commonFiles, this.paths.company, this.paths.login));
    } catch (error) {
      if (error instanceof AdministrationError) throw new AdministrationError({ code: error.code, table: 'company', field: error.field, detail: this.openAdvice(error.code) ?? error.detail });
      throw error;
    }
    this.opened = true;
  }

  private openAdvice(code: number): string | undefined {
    const where = 'both paths are in Administration under Hjälp › Om Visma Administration › Systeminfo';
    switch (code) {
      case ADK.INVALID_ADM_PATH:
        return `"${this.paths.commonFiles}" is not the Gemensamma filer folder; ${where}`;
      case ADK.INVALID_PATH_COMPANY:
        return `"${this.paths.company}" is not a company folder; ${where}`;
      case ADK.APP_OLD:
      case ADK.APP_NEW:
      case ADK.API_APP_DIFF: {
        let program = '?';
        try {
          program = this.adk.companyName(this.paths.company, this.paths.commonFiles).programVersion;
        } catch {
          // the versions are still worth the advice below
        }
        return `Adk.dll is version ${this.adk.version()}, Visma Administration ${program}: copy Adk.dll from the Administration program folder (or leave the library path empty to use the installed one)`;
      }
      case ADK.LOGIN_DENIED:
        return 'login is turned on for this company: give the Administration user and password in the profile (or SEVADM_ADK_USER and SEVADM_ADK_PASSWORD)';
      default:
        return undefined;
    }
  }

  close(): void {
    if (this.opened) this.adk.close();
    this.opened = false;
  }

  private ensureOpen(): void {
    if (!this.opened) throw new AdministrationError({ code: ADK.NO_DB_OPEN, table: 'company' });
  }

  /** Runs ADK calls, turning an ADK error into the port's error for `table` (field names from `map`). */
  private guard<T>(table: AdministrationTable, map: F.FieldMap | undefined, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof AdkCallError) {
        throw new AdministrationError({ code: error.rc, table, field: map && error.field >= 0 ? F.portFieldName(map, error.field) : undefined, detail: error.text || undefined });
      }
      throw error;
    }
  }

  /** A fresh buffer for a table, deleted after use. */
  private withData<T>(table: number, work: (data: AdkData) => T): T {
    const data = this.adk.createData(table);
    try {
      return work(data);
    } finally {
      this.adk.deleteData(data);
    }
  }

  // --- reading and writing fields --------------------------------------------------------------

  private read(data: AdkData, map: F.FieldMap, required: readonly string[] = []): Values {
    const out: Values = {};
    for (const [name, id, kind, mode] of map) {
      if (mode === 'write-only') continue;
      let value: unknown;
      switch (kind) {
        case 'str':
          value = this.adk.getStr(data, id);
          break;
        case 'num':
          value = this.adk.getDouble(data, id);
          break;
        case 'bool':
          value = this.adk.getBool(data, id);
          break;
        case 'date': {
          const long = this.adk.getDate(data, id);
          value = long ? this.adk.longToDate(long) : '';
          break;
        }
        case 'stamp': {
          const long = this.adk.getDate(data, id);
          value = long ? wallClockToIso(this.adk.longToDateTime(long)) : '';
          break;
        }
      }
      // Unset optional values are left out, as the other implementations do.
      const absent = (EMPTY_MEANS_ABSENT.has(kind) && value === '') || (kind === 'num' && value === 0) || (kind === 'bool' && value === false);
      if (!absent || required.includes(name)) out[name] = value;
    }
    return out;
  }

  private write(data: AdkData, map: F.FieldMap, values: Values, table: AdministrationTable): void {
    for (const [name, id, kind] of map) {
      const value = values[name];
      if (value === undefined || value === null || kind === 'stamp') continue;
      const wrongType = (expected: string) => new AdministrationError({ code: ADK.INVALID_DATA_TYPE, table, field: name, detail: `expected ${expected}, got ${typeof value}` });
      this.guard(table, map, () => {
        switch (kind) {
          case 'str':
            if (typeof value !== 'string') throw wrongType('text');
            this.adk.setStr(data, id, value);
            break;
          case 'num':
            if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a number');
            this.adk.setDouble(data, id, value);
            break;
          case 'bool':
            if (typeof value !== 'boolean') throw wrongType('yes/no');
            this.adk.setBool(data, id, value);
            break;
          case 'date':
            if (typeof value !== 'string' || !AdmDate.safeParse(value).success) throw wrongType('a date YYYY-MM-DD');
            this.adk.setDate(data, id, this.adk.dateToLong(value));
            break;
        }
      });
    }
  }

  private parse<S extends z.ZodType>(schema: S, value: unknown, table: AdministrationTable): z.infer<S> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new AdministrationError({ code: ADK.INVALID_DATA_TYPE, table, field: issue.path.join('.') || undefined, detail: issue.message });
  }

  /** Every record of a table, in key order. */
  private scan<T>(table: number, each: (data: AdkData) => T | undefined, errorTable: AdministrationTable): T[] {
    this.ensureOpen();
    return this.guard(errorTable, undefined, () =>
      this.withData(table, (data) => {
        const out: T[] = [];
        for (let more = this.adk.first(data); more; more = this.adk.next(data)) {
          const item = each(data);
          if (item !== undefined) out.push(item);
        }
        return out;
      }),
    );
  }

  /** Reads the record with this key into a new buffer and hands it over; false when there is none. */
  private findBy<T>(table: number, sort: number, key: string | number, errorTable: AdministrationTable, work: (data: AdkData | undefined) => T): T {
    this.ensureOpen();
    return this.withData(table, (data) => {
      const found = this.guard(errorTable, undefined, () => {
        this.adk.setSortOrder(data, sort);
        if (typeof key === 'number') this.adk.setDouble(data, 0, key);
        else this.adk.setStr(data, 0, key);
        return this.adk.find(data);
      });
      return work(found ? data : undefined);
    });
  }

  private sinceStamp(changedSince: string | undefined): number | undefined {
    if (changedSince === undefined) return undefined;
    const ms = Date.parse(changedSince);
    if (Number.isNaN(ms)) throw new AdministrationError({ code: ADK.INVALID_DATA_TYPE, table: 'company', field: 'changedSince', detail: `"${changedSince}" is not a date` });
    return this.adk.dateTimeToLong(isoToWallClock(ms));
  }

  // --- company ---------------------------------------------------------------------------------

  companyInfo(): CompanyInfo {
    this.ensureOpen();
    const info = this.guard('company', undefined, () => this.adk.companyName(this.paths.company, this.paths.commonFiles));
    return { name: info.name, variant: F.VARIANT_OF_ID[info.variantId] ?? 2000, adkVersion: this.adk.version() };
  }

  // --- customers -------------------------------------------------------------------------------

  private customerOf(data: AdkData): AdmCustomer {
    return this.read(data, F.CUSTOMER, ['number', 'name']) as AdmCustomer;
  }

  listCustomers(filter: ChangedSince = {}): AdmCustomer[] {
    const since = this.sinceStamp(filter.changedSince);
    return this.scan(F.DB.CUSTOMER, (d) => (since === undefined || this.adk.getDate(d, 94) >= since ? this.customerOf(d) : undefined), 'customer');
  }

  getCustomer(number: string): AdmCustomer | null {
    return this.findBy(F.DB.CUSTOMER, F.SORT.CUSTOMER_NUMBER, number, 'customer', (d) => (d ? this.customerOf(d) : null));
  }

  addCustomer(input: CustomerInput): AdmCustomer {
    const customer = this.parse(CustomerInput, input, 'customer');
    this.ensureOpen();
    this.withData(F.DB.CUSTOMER, (data) => {
      this.write(data, F.CUSTOMER, customer, 'customer');
      this.guard('customer', F.CUSTOMER, () => this.adk.add(data));
    });
    return this.getCustomer(customer.number)!;
  }

  updateCustomer(number: string, input: CustomerChanges): AdmCustomer {
    const changes = this.parse(CustomerChanges, input, 'customer');
    this.findBy(F.DB.CUSTOMER, F.SORT.CUSTOMER_NUMBER, number, 'customer', (data) => {
      if (!data) throw new AdministrationError({ code: ADK.NOT_FOUND, table: 'customer', field: 'number', detail: number });
      this.write(data, F.CUSTOMER, changes, 'customer');
      this.guard('customer', F.CUSTOMER, () => this.adk.update(data));
    });
    return this.getCustomer(number)!;
  }

  // --- projects --------------------------------------------------------------------------------

  private projectOf(data: AdkData): AdmProject {
    return this.read(data, F.PROJECT, ['code', 'name']) as AdmProject;
  }

  listProjects(filter: ChangedSince = {}): AdmProject[] {
    const since = this.sinceStamp(filter.changedSince);
    return this.scan(F.DB.PROJECT, (d) => (since === undefined || this.adk.getDate(d, 21) >= since ? this.projectOf(d) : undefined), 'project');
  }

  getProject(code: string): AdmProject | null {
    return this.findBy(F.DB.PROJECT, F.SORT.PROJECT_CODE, code, 'project', (d) => (d ? this.projectOf(d) : null));
  }

  addProject(input: ProjectInput): AdmProject {
    const project = this.parse(ProjectInput, input, 'project');
    this.ensureOpen();
    this.withData(F.DB.PROJECT, (data) => {
      this.write(data, F.PROJECT, project, 'project');
      this.guard('project', F.PROJECT, () => this.adk.add(data));
    });
    return this.getProject(project.code)!;
  }

  updateProject(code: string, input: ProjectChanges): AdmProject {
    const changes = this.parse(ProjectChanges, input, 'project');
    this.findBy(F.DB.PROJECT, F.SORT.PROJECT_CODE, code, 'project', (data) => {
      if (!data) throw new AdministrationError({ code: ADK.NOT_FOUND, table: 'project', field: 'code', detail: code });
      this.write(data, F.PROJECT, changes, 'project');
      this.guard('project', F.PROJECT, () => this.adk.update(data));
    });
    return this.getProject(code)!;
  }

  // --- registers -------------------------------------------------------------------------------

  listArticles(): Article[] {
    return this.scan(F.DB.ARTICLE, (d) => ({ inactive: false, ...this.read(d, F.ARTICLE, ['number', 'name']) }) as Article, 'article');
  }
  listProfitCentres(): ProfitCentre[] {
    return this.scan(F.DB.PROFIT_CENTRE, (d) => this.read(d, F.PROFIT_CENTRE, ['code', 'name']) as ProfitCentre, 'profitCentre');
  }
  /** The ADK keeps no day count with the terms: it is the first number in the code, else in the text (0 when none). */
  listTermsOfPayment(): TermsOfPayment[] {
    return this.scan(
      F.DB.TERMS_OF_PAYMENT,
      (d) => {
        const { code, text } = this.read(d, F.TERMS_OF_PAYMENT, ['code', 'text']) as { code: string; text: string };
        const days = Number(/\d+/.exec(code)?.[0] ?? /\d+/.exec(text)?.[0] ?? 0);
        return { code, text, days };
      },
      'termsOfPayment',
    );
  }
  listLanguages(): Language[] {
    return this.scan(F.DB.LANGUAGE, (d) => this.read(d, F.LANGUAGE, ['code', 'text']) as Language, 'language');
  }
  listCurrencies(): Currency[] {
    return this.scan(
      F.DB.CURRENCY,
      (d) => {
        const { code, name, unit, sell } = this.read(d, F.CURRENCY, ['code', 'name', 'unit', 'sell']) as { code: string; name: string; unit: number; sell: number };
        return { code, name, rate: sell / (unit || 1) };
      },
      'currency',
    );
  }
  listSuppliers(): Supplier[] {
    return this.scan(F.DB.SUPPLIER, (d) => this.read(d, F.SUPPLIER, ['number', 'name']) as Supplier, 'supplier');
  }

  // --- customer invoices -------------------------------------------------------------------------

  private invoiceOf(data: AdkData): AdmInvoice {
    const head = this.read(data, F.INVOICE_HEAD, ['documentNumber', 'type', 'customerNumber', 'customerName', 'date', 'externalReference', 'total', 'totalExcludingVat', 'vatAmount', 'printed', 'cancelled', 'timestamp']);
    const count = this.adk.getDouble(data, F.INVOICE_ROWS.count);
    const rows = Array.from({ length: count }, (_, i) => ({
      ...this.read(this.adk.getRow(data, F.INVOICE_ROWS.rows, i), F.INVOICE_ROW, ['quantity', 'unitPrice', 'amount']),
      position: i + 1,
    }));
    return { ...head, rows } as AdmInvoice;
  }

  addInvoice(input: InvoiceInput): AdmInvoice {
    const invoice = this.parse(InvoiceInput, input, 'invoice');
    this.ensureOpen();
    const number = this.withData(F.DB.INVOICE_HEAD, (head) => {
      const { rows, ...fields } = invoice;
      this.write(head, F.INVOICE_HEAD, { ...fields, documentNumber: fields.documentNumber ?? undefined }, 'invoice');
      const buffer = this.adk.createRows(F.DB.INVOICE_ROW, rows.length);
      rows.forEach((row, i) => this.write(this.adk.row(buffer, i), F.INVOICE_ROW, row, 'invoiceRow'));
      this.guard('invoice', F.INVOICE_HEAD, () => {
        this.adk.setRows(head, F.INVOICE_ROWS.rows, buffer);
        this.adk.setDouble(head, F.INVOICE_ROWS.count, rows.length);
      });
      try {
        this.adk.add(head);
      } catch (error) {
        throw error instanceof AdkCallError ? this.invoiceAddError(error, invoice) : error;
      }
      return this.adk.getDouble(head, 0);
    });
    return this.getInvoice(number)!;
  }

  /**
   * The ADK names the code and field but not the row: for a row's article, project or profit centre the
   * row is found by looking its value up, so the user is told which one.
   */
  private invoiceAddError(error: AdkCallError, invoice: InvoiceInput): AdministrationError {
    const rowFields: Record<number, { field: 'articleNumber' | 'project' | 'profitCentre'; table: number; headField?: 'projectCode' | 'profitCentre' }> = {
      [ADK.INVALID_ARTICLE]: { field: 'articleNumber', table: F.DB.ARTICLE },
      [ADK.INVALID_PROJECT]: { field: 'project', table: F.DB.PROJECT, headField: 'projectCode' },
      [ADK.INVALID_PROFIT_CENTRE]: { field: 'profitCentre', table: F.DB.PROFIT_CENTRE, headField: 'profitCentre' },
    };
    const rowField = rowFields[error.rc];
    if (rowField) {
      const headValue = rowField.headField && invoice[rowField.headField];
      if (headValue && !this.exists(rowField.table, headValue)) {
        return new AdministrationError({ code: error.rc, table: 'invoice', field: rowField.headField, detail: headValue });
      }
      const index = invoice.rows.findIndex((r) => r[rowField.field] && !this.exists(rowField.table, r[rowField.field]!));
      if (index >= 0) return new AdministrationError({ code: error.rc, table: 'invoiceRow', field: rowField.field, detail: `row ${index + 1}: ${invoice.rows[index]![rowField.field]}` });
    }
    return new AdministrationError({ code: error.rc, table: 'invoice', field: F.portFieldName(F.INVOICE_HEAD, error.field), detail: error.text || undefined });
  }

  /** Whether a register holds this code (projects: never on a variant-500 company). */
  private exists(table: number, key: string): boolean {
    const keyField = table === F.DB.PROFIT_CENTRE ? 1 : 0;
    try {
      return this.withData(table, (data) => {
        this.adk.setStr(data, keyField, key);
        if (table === F.DB.PROFIT_CENTRE) {
          for (let more = this.adk.first(data); more; more = this.adk.next(data)) if (this.adk.getStr(data, 1) === key) return true;
          return false;
        }
        this.adk.setSortOrder(data, table === F.DB.PROJECT ? F.SORT.PROJECT_CODE : F.SORT.ARTICLE_NUMBER);
        return this.adk.find(data);
      });
    } catch {
      return false;
    }
  }

  getInvoice(documentNumber: number): AdmInvoice | null {
    return this.findBy(F.DB.INVOICE_HEAD, F.SORT.INVOICE_NUMBER, documentNumber, 'invoice', (d) => (d ? this.invoiceOf(d) : null));
  }

  findInvoicesByReference(reference: string): AdmInvoice[] {
    if (!reference) return [];
    return this.scan(F.DB.INVOICE_HEAD, (d) => (this.adk.getStr(d, 105).includes(reference) ? this.invoiceOf(d) : undefined), 'invoice');
  }

  // --- supplier invoices ---------------------------------------------------------------------

  private supplierInvoiceOf(data: AdkData): AdmSupplierInvoice {
    const head = this.read(data, F.SUPPLIER_INVOICE_HEAD, ['givenNumber', 'supplierNumber', 'supplierName', 'invoiceNumber', 'invoiceDate', 'total', 'cancelled', 'timestamp']);
    const count = this.adk.getDouble(data, F.SUPPLIER_INVOICE_ROWS.count);
    const rows = Array.from({ length: count }, (_, i) => ({
      ...this.read(this.adk.getRow(data, F.SUPPLIER_INVOICE_ROWS.rows, i), F.SUPPLIER_INVOICE_ROW, ['amount']),
      position: i + 1,
    }));
    return { ...head, rows } as AdmSupplierInvoice;
  }

  listSupplierInvoices(from: string, to: string): AdmSupplierInvoice[] {
    this.parse(AdmDate, from, 'supplierInvoice');
    this.parse(AdmDate, to, 'supplierInvoice');
    const [low, high] = [this.adk.dateToLong(from), this.adk.dateToLong(to)];
    return this.scan(
      F.DB.SUPPLIER_INVOICE_HEAD,
      (d) => {
        const date = this.adk.getDate(d, 8);
        return date >= low && date <= high && !this.adk.getBool(d, 20) ? this.supplierInvoiceOf(d) : undefined;
      },
      'supplierInvoice',
    ).sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.givenNumber - b.givenNumber));
  }

  addSupplierInvoice(input: SupplierInvoiceInput): AdmSupplierInvoice {
    const invoice = this.parse(SupplierInvoiceInput, input, 'supplierInvoice');
    this.ensureOpen();
    const given = this.withData(F.DB.SUPPLIER_INVOICE_HEAD, (head) => {
      const { rows, ...fields } = invoice;
      this.write(head, F.SUPPLIER_INVOICE_HEAD, fields, 'supplierInvoice');
      const buffer = this.adk.createRows(F.DB.SUPPLIER_INVOICE_ROW, rows.length);
      rows.forEach((row, i) => this.write(this.adk.row(buffer, i), F.SUPPLIER_INVOICE_ROW, row, 'supplierInvoiceRow'));
      this.guard('supplierInvoice', F.SUPPLIER_INVOICE_HEAD, () => {
        this.adk.setRows(head, F.SUPPLIER_INVOICE_ROWS.rows, buffer);
        this.adk.setDouble(head, F.SUPPLIER_INVOICE_ROWS.count, rows.length);
      });
      try {
        this.adk.add(head);
      } catch (error) {
        if (!(error instanceof AdkCallError)) throw error;
        const rowProject = error.rc === ADK.INVALID_PROJECT && !(invoice.project && !this.exists(F.DB.PROJECT, invoice.project));
        const index = rowProject ? invoice.rows.findIndex((r) => r.project && !this.exists(F.DB.PROJECT, r.project)) : -1;
        if (index >= 0) throw new AdministrationError({ code: error.rc, table: 'supplierInvoiceRow', field: 'project', detail: `row ${index + 1}: ${invoice.rows[index]!.project}` });
        throw new AdministrationError({ code: error.rc, table: 'supplierInvoice', field: F.portFieldName(F.SUPPLIER_INVOICE_HEAD, error.field), detail: error.text || undefined });
      }
      return this.adk.getDouble(head, 0);
    });
    const [saved] = this.scan(F.DB.SUPPLIER_INVOICE_HEAD, (d) => (this.adk.getDouble(d, 0) === given ? this.supplierInvoiceOf(d) : undefined), 'supplierInvoice');
    return saved!;
  }

  // --- customer payments ---------------------------------------------------------------------

  listCustomerPayments(since: string): AdmCustomerPayment[] {
    this.parse(AdmDate, since, 'customerPayment');
    const low = this.adk.dateToLong(since);
    return this.scan(
      F.DB.CUSTOMER_PAYMENT,
      (d) => (this.adk.getDate(d, 2) >= low && !this.adk.getBool(d, 24) ? (this.read(d, F.CUSTOMER_PAYMENT, ['number', 'invoiceNumber', 'date', 'amount', 'cancelled', 'timestamp']) as AdmCustomerPayment) : undefined),
      'customerPayment',
    ).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
  }

  addCustomerPayment(input: CustomerPaymentInput): AdmCustomerPayment {
    const payment = this.parse(CustomerPaymentInput, input, 'customerPayment');
    this.ensureOpen();
    const number = this.withData(F.DB.CUSTOMER_PAYMENT, (data) => {
      this.write(data, F.CUSTOMER_PAYMENT, payment, 'customerPayment');
      this.guard('customerPayment', F.CUSTOMER_PAYMENT, () => this.adk.add(data));
      return this.adk.getDouble(data, 0);
    });
    return this.scan(F.DB.CUSTOMER_PAYMENT, (d) => (this.adk.getDouble(d, 0) === number ? (this.read(d, F.CUSTOMER_PAYMENT, ['number', 'invoiceNumber', 'date', 'amount', 'cancelled', 'timestamp']) as AdmCustomerPayment) : undefined), 'customerPayment')[0]!;
  }
}
