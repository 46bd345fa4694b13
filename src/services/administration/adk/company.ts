import { ADK, AdministrationError, type AdministrationTable, wrongInputCode } from '../errors.js';
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

/** A register with one key and a timestamp (customers, projects). */
interface Keyed {
  table: number;
  sort: number;
  map: F.FieldMap;
  /** Read back even when empty. */
  required: string[];
  /** The port's name of the key. */
  key: string;
  errorTable: AdministrationTable;
}
const CUSTOMERS: Keyed = {
  table: F.DB.CUSTOMER,
  sort: F.SORT.CUSTOMER_NUMBER,
  map: F.CUSTOMER,
  required: ['number', 'name'],
  key: 'number',
  errorTable: 'customer',
};
const PROJECTS: Keyed = {
  table: F.DB.PROJECT,
  sort: F.SORT.PROJECT_CODE,
  map: F.PROJECT,
  required: ['code', 'name'],
  key: 'code',
  errorTable: 'project',
};

/** A head with rows, added in one go (invoices, supplier invoices). */
interface Document {
  headTable: number;
  headMap: F.FieldMap;
  headRequired: string[];
  rowTable: number;
  rowMap: F.FieldMap;
  rowRequired: string[];
  rowsField: { rows: number; count: number };
  errorTable: AdministrationTable;
  rowErrorTable: AdministrationTable;
  /** Codes the ADK gives for an unknown reference, with the register to look the value up in. */
  references: Partial<Record<number, { field: string; table: number; headField?: string }>>;
}
const INVOICES: Document = {
  headTable: F.DB.INVOICE_HEAD,
  headMap: F.INVOICE_HEAD,
  headRequired: [
    'documentNumber',
    'type',
    'customerNumber',
    'customerName',
    'date',
    'externalReference',
    'total',
    'totalExcludingVat',
    'vatAmount',
    'printed',
    'cancelled',
    'timestamp',
  ],
  rowTable: F.DB.INVOICE_ROW,
  rowMap: F.INVOICE_ROW,
  rowRequired: ['quantity', 'unitPrice', 'amount'],
  rowsField: F.INVOICE_ROWS,
  errorTable: 'invoice',
  rowErrorTable: 'invoiceRow',
  references: {
    [ADK.INVALID_ARTICLE]: { field: 'articleNumber', table: F.DB.ARTICLE },
    [ADK.INVALID_PROJECT]: { field: 'project', table: F.DB.PROJECT, headField: 'projectCode' },
    [ADK.INVALID_PROFIT_CENTRE]: { field: 'profitCentre', table: F.DB.PROFIT_CENTRE, headField: 'profitCentre' },
  },
};
const SUPPLIER_INVOICES: Document = {
  headTable: F.DB.SUPPLIER_INVOICE_HEAD,
  headMap: F.SUPPLIER_INVOICE_HEAD,
  headRequired: ['givenNumber', 'supplierNumber', 'supplierName', 'invoiceNumber', 'invoiceDate', 'total', 'cancelled', 'timestamp'],
  rowTable: F.DB.SUPPLIER_INVOICE_ROW,
  rowMap: F.SUPPLIER_INVOICE_ROW,
  rowRequired: ['amount'],
  rowsField: F.SUPPLIER_INVOICE_ROWS,
  errorTable: 'supplierInvoice',
  rowErrorTable: 'supplierInvoiceRow',
  references: {
    [ADK.INVALID_PROJECT]: { field: 'project', table: F.DB.PROJECT, headField: 'project' },
    [ADK.INVALID_PROFIT_CENTRE]: { field: 'profitCentre', table: F.DB.PROFIT_CENTRE, headField: 'profitCentre' },
  },
};

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
      if (error instanceof AdministrationError)
        throw new AdministrationError({
          code: error.code,
          table: 'company',
          field: error.field,
          detail: this.openAdvice(error.code) ?? error.detail,
        });
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
        throw new AdministrationError({
          code: error.rc,
          table,
          field: map && error.field >= 0 ? F.portFieldName(map, error.field) : undefined,
          detail: error.text || undefined,
        });
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
      const absent =
        (EMPTY_MEANS_ABSENT.has(kind) && value === '') || (kind === 'num' && value === 0) || (kind === 'bool' && value === false);
      if (!absent || required.includes(name)) out[name] = value;
    }
    return out;
  }

  private write(data: AdkData, map: F.FieldMap, values: Values, table: AdministrationTable): void {
    for (const [name, id, kind] of map) {
      const value = values[name];
      if (value === undefined || value === null || kind === 'stamp') continue;
      const wrongType = (expected: string) =>
        new AdministrationError({ code: ADK.INVALID_DATA_TYPE, table, field: name, detail: `expected ${expected}, got ${typeof value}` });
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
            if (typeof value !== 'string') throw wrongType('a date YYYY-MM-DD');
            // The DLL judges the date (138 when it is none).
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
    throw new AdministrationError({
      code: wrongInputCode(issue.message),
      table,
      field: issue.path.join('.') || undefined,
      detail: issue.message,
    });
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
  private findBy<T>(
    table: number,
    sort: number,
    key: string | number,
    errorTable: AdministrationTable,
    work: (data: AdkData | undefined) => T,
  ): T {
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
    if (Number.isNaN(ms))
      throw new AdministrationError({
        code: ADK.INVALID_DATA_TYPE,
        table: 'company',
        field: 'changedSince',
        detail: `"${changedSince}" is not a date`,
      });
    return this.adk.dateTimeToLong(isoToWallClock(ms));
  }

  // --- company ---------------------------------------------------------------------------------

  companyInfo(): CompanyInfo {
    this.ensureOpen();
    const info = this.guard('company', undefined, () => this.adk.companyName(this.paths.company, this.paths.commonFiles));
    return { name: info.name, variant: F.VARIANT_OF_ID[info.variantId] ?? 'unknown', adkVersion: this.adk.version() };
  }

  // --- customers and projects: one key, one timestamp ------------------------------------------

  private listKeyed<T>(k: Keyed, filter: ChangedSince): T[] {
    const since = this.sinceStamp(filter.changedSince);
    const stamp = F.fieldId(k.map, 'timestamp');
    return this.scan(
      k.table,
      (d) => (since === undefined || this.adk.getDate(d, stamp) >= since ? (this.read(d, k.map, k.required) as T) : undefined),
      k.errorTable,
    );
  }

  private getKeyed<T>(k: Keyed, key: string): T | null {
    return this.findBy(k.table, k.sort, key, k.errorTable, (d) => (d ? (this.read(d, k.map, k.required) as T) : null));
  }

  private addKeyed<T>(k: Keyed, record: Values): T {
    this.ensureOpen();
    this.withData(k.table, (data) => {
      this.write(data, k.map, record, k.errorTable);
      this.guard(k.errorTable, k.map, () => this.adk.add(data));
    });
    return this.getKeyed<T>(k, record[k.key] as string)!;
  }

  private updateKeyed<T>(k: Keyed, key: string, changes: Values): T {
    this.findBy(k.table, k.sort, key, k.errorTable, (data) => {
      if (!data) throw new AdministrationError({ code: ADK.NOT_FOUND, table: k.errorTable, field: k.key, detail: key });
      this.write(data, k.map, changes, k.errorTable);
      this.guard(k.errorTable, k.map, () => this.adk.update(data));
    });
    return this.getKeyed<T>(k, key)!;
  }

  listCustomers(filter: ChangedSince = {}): AdmCustomer[] {
    return this.listKeyed(CUSTOMERS, filter);
  }
  getCustomer(number: string): AdmCustomer | null {
    return this.getKeyed(CUSTOMERS, number);
  }
  addCustomer(input: CustomerInput): AdmCustomer {
    return this.addKeyed(CUSTOMERS, this.parse(CustomerInput, input, 'customer'));
  }
  updateCustomer(number: string, input: CustomerChanges): AdmCustomer {
    return this.updateKeyed(CUSTOMERS, number, this.parse(CustomerChanges, input, 'customer'));
  }

  listProjects(filter: ChangedSince = {}): AdmProject[] {
    return this.listKeyed(PROJECTS, filter);
  }
  getProject(code: string): AdmProject | null {
    return this.getKeyed(PROJECTS, code);
  }
  addProject(input: ProjectInput): AdmProject {
    return this.addKeyed(PROJECTS, this.parse(ProjectInput, input, 'project'));
  }
  updateProject(code: string, input: ProjectChanges): AdmProject {
    return this.updateKeyed(PROJECTS, code, this.parse(ProjectChanges, input, 'project'));
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
        const { code, name, unit, sell } = this.read(d, F.CURRENCY, ['code', 'name', 'unit', 'sell']) as {
          code: string;
          name: string;
          unit: number;
          sell: number;
        };
        return { code, name, rate: sell / (unit || 1) };
      },
      'currency',
    );
  }
  listSuppliers(): Supplier[] {
    return this.scan(F.DB.SUPPLIER, (d) => this.read(d, F.SUPPLIER, ['number', 'name']) as Supplier, 'supplier');
  }

  // --- documents with rows: invoices and supplier invoices ------------------------------------

  private readDocument<T>(data: AdkData, d: Document): T {
    const head = this.read(data, d.headMap, d.headRequired);
    const count = this.adk.getDouble(data, d.rowsField.count);
    const rows = Array.from({ length: count }, (_, i) => ({
      ...this.read(this.adk.getRow(data, d.rowsField.rows, i), d.rowMap, d.rowRequired),
      position: i + 1,
    }));
    return { ...head, rows } as T;
  }

  /** Head and rows in one AdkAdd; answers the number the ADK gave the head. */
  private addDocument(d: Document, head: Values, rows: Values[]): number {
    this.ensureOpen();
    return this.withData(d.headTable, (data) => {
      this.write(data, d.headMap, head, d.errorTable);
      const buffer = this.adk.createRows(d.rowTable, rows.length);
      rows.forEach((row, i) => this.write(this.adk.row(buffer, i), d.rowMap, row, d.rowErrorTable));
      this.guard(d.errorTable, d.headMap, () => {
        this.adk.setRows(data, d.rowsField.rows, buffer);
        this.adk.setDouble(data, d.rowsField.count, rows.length);
      });
      try {
        this.adk.add(data);
      } catch (error) {
        throw error instanceof AdkCallError ? this.documentAddError(error, d, head, rows) : error;
      }
      return this.adk.getDouble(data, 0);
    });
  }

  /**
   * The ADK names the code and field but not the row: for a row's article, project or profit centre the
   * row is found by looking its value up, so the user is told which one.
   */
  private documentAddError(error: AdkCallError, d: Document, head: Values, rows: Values[]): AdministrationError {
    const ref = d.references[error.rc];
    if (ref) {
      const headValue = ref.headField && (head[ref.headField] as string | undefined);
      if (headValue && !this.exists(ref.table, headValue))
        return new AdministrationError({ code: error.rc, table: d.errorTable, field: ref.headField, detail: headValue });
      const index = rows.findIndex((r) => r[ref.field] && !this.exists(ref.table, r[ref.field] as string));
      if (index >= 0)
        return new AdministrationError({
          code: error.rc,
          table: d.rowErrorTable,
          field: ref.field,
          detail: `row ${index + 1}: ${rows[index]![ref.field]}`,
        });
    }
    return new AdministrationError({
      code: error.rc,
      table: d.errorTable,
      field: F.portFieldName(d.headMap, error.field),
      detail: error.text || undefined,
    });
  }

  /** Whether a register holds this code (projects: never on a variant-500 company). */
  private exists(table: number, key: string): boolean {
    if (table === F.DB.PROFIT_CENTRE) return this.listProfitCentres().some((p) => p.code === key);
    try {
      return this.findBy(
        table,
        table === F.DB.PROJECT ? F.SORT.PROJECT_CODE : F.SORT.ARTICLE_NUMBER,
        key,
        'company',
        (d) => d !== undefined,
      );
    } catch {
      return false;
    }
  }

  addInvoice(input: InvoiceInput): AdmInvoice {
    const { rows, ...head } = this.parse(InvoiceInput, input, 'invoice');
    return this.getInvoice(this.addDocument(INVOICES, head, rows))!;
  }

  getInvoice(documentNumber: number): AdmInvoice | null {
    return this.findBy(F.DB.INVOICE_HEAD, F.SORT.INVOICE_NUMBER, documentNumber, 'invoice', (d) =>
      d ? this.readDocument<AdmInvoice>(d, INVOICES) : null,
    );
  }

  findInvoicesByReference(reference: string): AdmInvoice[] {
    if (!reference) return [];
    const field = F.fieldId(F.INVOICE_HEAD, 'externalReference');
    return this.scan(
      F.DB.INVOICE_HEAD,
      (d) => (this.adk.getStr(d, field).includes(reference) ? this.readDocument<AdmInvoice>(d, INVOICES) : undefined),
      'invoice',
    );
  }

  listSupplierInvoices(from: string, to: string): AdmSupplierInvoice[] {
    this.parse(AdmDate, from, 'supplierInvoice');
    this.parse(AdmDate, to, 'supplierInvoice');
    const [low, high] = [this.adk.dateToLong(from), this.adk.dateToLong(to)];
    const [dateField, cancelledField] = [
      F.fieldId(F.SUPPLIER_INVOICE_HEAD, 'invoiceDate'),
      F.fieldId(F.SUPPLIER_INVOICE_HEAD, 'cancelled'),
    ];
    return this.scan(
      F.DB.SUPPLIER_INVOICE_HEAD,
      (d) => {
        const date = this.adk.getDate(d, dateField);
        return date >= low && date <= high && !this.adk.getBool(d, cancelledField)
          ? this.readDocument<AdmSupplierInvoice>(d, SUPPLIER_INVOICES)
          : undefined;
      },
      'supplierInvoice',
    ).sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.givenNumber - b.givenNumber));
  }

  addSupplierInvoice(input: SupplierInvoiceInput): AdmSupplierInvoice {
    const { rows, ...head } = this.parse(SupplierInvoiceInput, input, 'supplierInvoice');
    const given = this.addDocument(SUPPLIER_INVOICES, head, rows);
    return this.findBy(F.DB.SUPPLIER_INVOICE_HEAD, F.SORT.SUPPLIER_INVOICE_NUMBER, given, 'supplierInvoice', (d) =>
      this.readDocument<AdmSupplierInvoice>(d, SUPPLIER_INVOICES),
    );
  }

  // --- customer payments ---------------------------------------------------------------------

  private paymentOf(data: AdkData): AdmCustomerPayment {
    return this.read(data, F.CUSTOMER_PAYMENT, [
      'number',
      'invoiceNumber',
      'date',
      'amount',
      'cancelled',
      'timestamp',
    ]) as AdmCustomerPayment;
  }

  listCustomerPayments(since: string): AdmCustomerPayment[] {
    this.parse(AdmDate, since, 'customerPayment');
    const low = this.adk.dateToLong(since);
    const [dateField, cancelledField] = [F.fieldId(F.CUSTOMER_PAYMENT, 'date'), F.fieldId(F.CUSTOMER_PAYMENT, 'cancelled')];
    return this.scan(
      F.DB.CUSTOMER_PAYMENT,
      (d) => (this.adk.getDate(d, dateField) >= low && !this.adk.getBool(d, cancelledField) ? this.paymentOf(d) : undefined),
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
    // The ADK has no sort order by payment number: look it up among all.
    return this.scan(
      F.DB.CUSTOMER_PAYMENT,
      (d) => (this.adk.getDouble(d, 0) === number ? this.paymentOf(d) : undefined),
      'customerPayment',
    )[0]!;
  }
}
