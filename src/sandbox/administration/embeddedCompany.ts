import { FileLease, type LeaseKeeper, MemoryLease } from '../../services/administration/lease.js';
import { type LeaseGrant, LeaseRequest } from '../../services/administration/models.js';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ADK, AdministrationError } from '../../services/administration/errors.js';
import { FIELD_LENGTHS } from '../../services/administration/fieldLengths.js';
import {
  type AdmCustomer,
  type AdmCustomerPayment,
  type AdmInvoice,
  type AdmInvoiceRow,
  type AdmProject,
  type AdmSupplierInvoice,
  type Article,
  type CompanyInfo,
  type CompanyVariant,
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
  AdmDate,
} from '../../services/administration/models.js';
import type { AdministrationPort, ChangedSince } from '../../services/administration/port.js';
import { type Clock, processClock } from '../../clock.js';
import { MonotonicClock } from '../clock.js';
import { type Db, getSetting, oneOf, openDb, rowsOf, setSetting, takeNumber } from './db.js';
import { checkLengths, checkPayment, fail, organisationNumberValid, parseInput, round2, rowAmount, VAT_RATES } from './rules.js';

export interface CompanySetup {
  name: string;
  variant: CompanyVariant;
  adkVersion?: string;
}

/**
 * A Visma Administration company in one SQLite file, behaving as the ADK does: the same keys,
 * number series, required fields, lengths and error codes. Used by the demo, the tests and the bridge
 * until a real company is reachable.
 */
export class EmbeddedCompany implements AdministrationPort {
  private db: Db | undefined;
  private readonly clock: MonotonicClock;

  private readonly lease: LeaseKeeper;

  private constructor(db: Db, clock: Clock, file: string) {
    this.db = db;
    // The lease lives beside the company file, where every process that opens it looks.
    this.lease = file === ':memory:' ? new MemoryLease(clock) : new FileLease(`${file}.lease`, clock);
    const last = db
      .prepare(
        `SELECT max(timestamp) AS t FROM (
      SELECT timestamp FROM customers UNION ALL SELECT timestamp FROM projects UNION ALL SELECT timestamp FROM invoices
      UNION ALL SELECT timestamp FROM supplier_invoices UNION ALL SELECT timestamp FROM customer_payments)`,
      )
      .get() as { t: string | null };
    this.clock = new MonotonicClock(last.t ?? undefined, clock);
  }

  /** Opens an existing company file; a missing file is ADK's "wrong path to the company" (116). */
  static open(file: string, clock: Clock = processClock()): EmbeddedCompany {
    if (!existsSync(file)) fail(ADK.INVALID_PATH_COMPANY, 'company', undefined, file);
    const db = openDb(file);
    if (!getSetting(db, 'name')) {
      db.close();
      fail(ADK.INVALID_PATH_COMPANY, 'company', undefined, `${file} is not a company`);
    }
    return new EmbeddedCompany(db, clock, file);
  }

  /** Creates a new, empty company file (`:memory:` for one that lives only in this process). */
  static create(file: string, setup: CompanySetup, clock: Clock = processClock()): EmbeddedCompany {
    if (file !== ':memory:') {
      if (existsSync(file)) throw new Error(`${file} exists already`);
      mkdirSync(dirname(file), { recursive: true });
    }
    const db = openDb(file);
    setSetting(db, 'name', setup.name);
    setSetting(db, 'variant', setup.variant);
    setSetting(db, 'adkVersion', setup.adkVersion ?? '2025.1');
    setSetting(db, 'nextInvoiceNumber', 1);
    setSetting(db, 'nextSupplierInvoiceNumber', 1);
    setSetting(db, 'nextPaymentNumber', 1);
    return new EmbeddedCompany(db, clock, file);
  }

  private get open(): Db {
    if (!this.db) fail(ADK.NO_DB_OPEN, 'company');
    return this.db;
  }

  private get variant(): CompanyVariant {
    return Number(getSetting(this.open, 'variant')) as CompanyVariant;
  }

  /** Runs fn in one transaction: an error leaves nothing behind. */
  transaction<T>(fn: () => T): T {
    return this.open.transaction(fn)();
  }

  /** Sets where a number series continues (seeding). */
  setNextNumber(series: 'nextInvoiceNumber' | 'nextSupplierInvoiceNumber' | 'nextPaymentNumber', next: number): void {
    setSetting(this.open, series, next);
  }

  async companyInfo(): Promise<CompanyInfo> {
    const db = this.open;
    return { name: getSetting(db, 'name')!, variant: this.variant, adkVersion: getSetting(db, 'adkVersion')! };
  }

  // --- customers ---------------------------------------------------------------------------

  async listCustomers(filter: ChangedSince = {}): Promise<AdmCustomer[]> {
    const since = sinceOf(filter.changedSince);
    return rowsOf(this.open, 'SELECT data FROM customers WHERE timestamp >= ? ORDER BY number', since);
  }

  async getCustomer(number: string): Promise<AdmCustomer | null> {
    return oneOf(this.open, 'SELECT data FROM customers WHERE number = ?', number);
  }

  async addCustomer(input: CustomerInput): Promise<AdmCustomer> {
    const customer = parseInput(CustomerInput, input, 'customer');
    const db = this.open;
    this.checkCustomer(customer);
    if (db.prepare('SELECT 1 FROM customers WHERE number = ?').get(customer.number)) {
      fail(ADK.KEY_TAKEN, 'customer', 'number', `customer ${customer.number} exists already`);
    }
    const saved: AdmCustomer = { ...customer, timestamp: this.clock.now() };
    db.prepare('INSERT INTO customers (number, timestamp, data) VALUES (?, ?, ?)').run(
      saved.number,
      saved.timestamp,
      JSON.stringify(saved),
    );
    return saved;
  }

  async updateCustomer(number: string, input: CustomerChanges): Promise<AdmCustomer> {
    const changes = parseInput(CustomerChanges, input, 'customer');
    const current = oneOf<AdmCustomer>(this.open, 'SELECT data FROM customers WHERE number = ?', number);
    if (!current) fail(ADK.NOT_FOUND, 'customer', 'number', number);
    const merged = { ...current, ...changes, number };
    this.checkCustomer(merged);
    const saved: AdmCustomer = { ...merged, timestamp: this.clock.now() };
    this.open.prepare('UPDATE customers SET timestamp = ?, data = ? WHERE number = ?').run(saved.timestamp, JSON.stringify(saved), number);
    return saved;
  }

  private checkCustomer(customer: CustomerInput): void {
    if (!customer.number.trim() || customer.number !== customer.number.trim()) {
      fail(ADK.INVALID_CUSTOMERNR, 'customer', 'number', `"${customer.number}"`);
    }
    if (!customer.name.trim()) fail(ADK.NO_NAME, 'customer', 'name');
    checkLengths('customer', customer, FIELD_LENGTHS.customer);
    const swedish = !customer.countryCode || customer.countryCode === 'SE';
    if (
      customer.organisationNumber &&
      swedish &&
      !customer.ignoreOrganisationNumberCheck &&
      !organisationNumberValid(customer.organisationNumber)
    ) {
      fail(ADK.INVALID_CONTROLNR, 'customer', 'organisationNumber', customer.organisationNumber);
    }
    this.checkCode('currencies', ADK.INVALID_CURRENCY_CODE, 'customer', 'currencyCode', customer.currencyCode);
    this.checkCode('languages', ADK.INVALID_LANGUAGE_CODE, 'customer', 'languageCode', customer.languageCode);
    this.checkCode('terms_of_payment', ADK.INVALID_PAYMENT_TERMS, 'customer', 'termsOfPaymentCode', customer.termsOfPaymentCode);
  }

  private checkCode(
    table: string,
    code: number,
    recordTable: 'customer' | 'invoice' | 'supplierInvoice',
    field: string,
    value: string | undefined,
  ): void {
    if (value && !this.open.prepare(`SELECT 1 FROM ${table} WHERE code = ?`).get(value)) fail(code, recordTable, field, value);
  }

  // --- projects ----------------------------------------------------------------------------

  private projectsExist(): void {
    // Administration 500 has no project register.
    if (this.variant === 500) fail(ADK.TABLE_NOT_IN_VARIANT, 'project', undefined, 'projects need Administration 1000 or 2000');
  }

  async listProjects(filter: ChangedSince = {}): Promise<AdmProject[]> {
    this.projectsExist();
    return rowsOf(this.open, 'SELECT data FROM projects WHERE timestamp >= ? ORDER BY code', sinceOf(filter.changedSince));
  }

  async getProject(code: string): Promise<AdmProject | null> {
    this.projectsExist();
    return oneOf(this.open, 'SELECT data FROM projects WHERE code = ?', code);
  }

  async addProject(input: ProjectInput): Promise<AdmProject> {
    this.projectsExist();
    const project = parseInput(ProjectInput, input, 'project');
    const checked = this.checkProject(project);
    if (this.open.prepare('SELECT 1 FROM projects WHERE code = ?').get(project.code)) {
      fail(ADK.KEY_TAKEN, 'project', 'code', `project ${project.code} exists already`);
    }
    const saved: AdmProject = { ...checked, timestamp: this.clock.now() };
    this.open
      .prepare('INSERT INTO projects (code, timestamp, data) VALUES (?, ?, ?)')
      .run(saved.code, saved.timestamp, JSON.stringify(saved));
    return saved;
  }

  async updateProject(code: string, input: ProjectChanges): Promise<AdmProject> {
    this.projectsExist();
    const changes = parseInput(ProjectChanges, input, 'project');
    const current = oneOf<AdmProject>(this.open, 'SELECT data FROM projects WHERE code = ?', code);
    if (!current) fail(ADK.NOT_FOUND, 'project', 'code', code);
    if (current.closed) fail(ADK.NO_CHANGE_CLOSED_PROJECT, 'project', 'closed', `project ${code} is closed`);
    const checked = this.checkProject({ ...current, ...changes, code });
    const saved: AdmProject = { ...checked, timestamp: this.clock.now() };
    this.open.prepare('UPDATE projects SET timestamp = ?, data = ? WHERE code = ?').run(saved.timestamp, JSON.stringify(saved), code);
    return saved;
  }

  private checkProject(project: ProjectInput): ProjectInput {
    if (!project.code.trim()) fail(ADK.NO_KEY, 'project', 'code', 'empty project code');
    if (!project.name.trim()) fail(ADK.NO_NAME, 'project', 'name');
    checkLengths('project', project, FIELD_LENGTHS.project);
    if (project.startDate && project.endDate && project.endDate < project.startDate) {
      fail(ADK.END_BEFORE_START, 'project', 'endDate', `${project.endDate} is before ${project.startDate}`);
    }
    if (project.customerNumber) {
      const customer = oneOf<AdmCustomer>(this.open, 'SELECT data FROM customers WHERE number = ?', project.customerNumber);
      if (!customer) fail(ADK.COULD_NOT_FIND_CUSTOMER, 'project', 'customerNumber', project.customerNumber);
      return { ...project, customerName: project.customerName ?? customer.name };
    }
    return project;
  }

  // --- registers ---------------------------------------------------------------------------

  async listArticles(): Promise<Article[]> {
    return rowsOf(this.open, 'SELECT data FROM articles ORDER BY number');
  }
  async listProfitCentres(): Promise<ProfitCentre[]> {
    return rowsOf(this.open, 'SELECT data FROM profit_centres ORDER BY code');
  }
  async listTermsOfPayment(): Promise<TermsOfPayment[]> {
    return rowsOf(this.open, 'SELECT data FROM terms_of_payment ORDER BY code');
  }
  async listLanguages(): Promise<Language[]> {
    return rowsOf(this.open, 'SELECT data FROM languages ORDER BY code');
  }
  async listCurrencies(): Promise<Currency[]> {
    return rowsOf(this.open, 'SELECT data FROM currencies ORDER BY code');
  }
  async listSuppliers(): Promise<Supplier[]> {
    return rowsOf(this.open, 'SELECT data FROM suppliers ORDER BY number');
  }

  /** Seeding: registers have no add operation on the port. */
  putRegister(table: 'articles' | 'suppliers', key: string, record: Article | Supplier): void;
  putRegister(
    table: 'profit_centres' | 'terms_of_payment' | 'languages' | 'currencies',
    key: string,
    record: ProfitCentre | TermsOfPayment | Language | Currency,
  ): void;
  putRegister(table: string, key: string, record: object): void {
    const keyColumn = table === 'articles' || table === 'suppliers' ? 'number' : 'code';
    this.open.prepare(`INSERT OR REPLACE INTO ${table} (${keyColumn}, data) VALUES (?, ?)`).run(key, JSON.stringify(record));
  }

  // --- customer invoices -------------------------------------------------------------------

  async addInvoice(input: InvoiceInput): Promise<AdmInvoice> {
    const invoice = parseInput(InvoiceInput, input, 'invoice');
    return this.transaction(() => {
      const db = this.open;
      checkLengths('invoice', invoice, FIELD_LENGTHS.invoice);
      const customer = oneOf<AdmCustomer>(db, 'SELECT data FROM customers WHERE number = ?', invoice.customerNumber);
      if (!customer) fail(ADK.OOF_INVALID_CUSTOMER, 'invoice', 'customerNumber', invoice.customerNumber);
      this.checkCode('currencies', ADK.INVALID_CURRENCY_CODE, 'invoice', 'currencyCode', invoice.currencyCode);
      this.checkCode('terms_of_payment', ADK.INVALID_PAYMENT_TERMS, 'invoice', 'termsOfPaymentCode', invoice.termsOfPaymentCode);
      this.checkProjectRef('invoice', 'projectCode', invoice.projectCode);
      this.checkProfitCentre('invoice', 'profitCentre', invoice.profitCentre);

      let documentNumber = invoice.documentNumber;
      if (documentNumber === undefined) {
        do documentNumber = takeNumber(db, 'nextInvoiceNumber');
        while (db.prepare('SELECT 1 FROM invoices WHERE document_number = ?').get(documentNumber));
      } else if (db.prepare('SELECT 1 FROM invoices WHERE document_number = ?').get(documentNumber)) {
        fail(ADK.KEY_TAKEN, 'invoice', 'documentNumber', `invoice ${documentNumber} exists already`);
      }
      const timestamp = this.clock.now();
      // The head goes in first, as AdkAdd does; a bad row below rolls it back.
      db.prepare('INSERT INTO invoices (document_number, external_reference, timestamp, data) VALUES (?, ?, ?, ?)').run(
        documentNumber,
        invoice.externalReference,
        timestamp,
        '{}',
      );
      const rows: AdmInvoiceRow[] = invoice.rows.map((row, i) => {
        checkLengths('invoiceRow', row, FIELD_LENGTHS.invoiceRow);
        if (row.articleNumber && !db.prepare('SELECT 1 FROM articles WHERE number = ?').get(row.articleNumber)) {
          fail(ADK.INVALID_ARTICLE, 'invoiceRow', 'articleNumber', `row ${i + 1}: ${row.articleNumber}`);
        }
        this.checkProjectRef('invoiceRow', 'project', row.project, i);
        this.checkProfitCentre('invoiceRow', 'profitCentre', row.profitCentre, i);
        const saved: AdmInvoiceRow = {
          ...row,
          vatCode: row.vatCode ?? '1',
          position: i + 1,
          amount: rowAmount(row.quantity, row.unitPrice, row.discount),
        };
        db.prepare('INSERT INTO invoice_rows (document_number, position, data) VALUES (?, ?, ?)').run(
          documentNumber,
          saved.position,
          JSON.stringify(saved),
        );
        return saved;
      });
      const totalExcludingVat = round2(rows.reduce((sum, r) => sum + r.amount, 0));
      const vatAmount = round2(rows.reduce((sum, r) => sum + r.amount * (VAT_RATES[r.vatCode ?? '1']! / 100), 0));
      const { rows: _rows, documentNumber: _n, ...head } = invoice;
      const saved: AdmInvoice = {
        ...head,
        documentNumber: documentNumber!,
        customerName: customer.name,
        totalExcludingVat,
        vatAmount,
        total: round2(totalExcludingVat + vatAmount),
        printed: false,
        cancelled: false,
        rows,
        timestamp,
      };
      db.prepare('UPDATE invoices SET data = ? WHERE document_number = ?').run(
        JSON.stringify({ ...saved, rows: undefined }),
        documentNumber,
      );
      return saved;
    });
  }

  async getInvoice(documentNumber: number): Promise<AdmInvoice | null> {
    const head = oneOf<AdmInvoice>(this.open, 'SELECT data FROM invoices WHERE document_number = ?', documentNumber);
    return head ? this.withRows(head) : null;
  }

  async findInvoicesByReference(reference: string): Promise<AdmInvoice[]> {
    if (!reference) return [];
    const heads = rowsOf<AdmInvoice>(
      this.open,
      'SELECT data FROM invoices WHERE instr(external_reference, ?) > 0 ORDER BY document_number',
      reference,
    );
    return heads.map((head) => this.withRows(head));
  }

  private withRows(head: AdmInvoice): AdmInvoice {
    return {
      ...head,
      rows: rowsOf<AdmInvoiceRow>(
        this.open,
        'SELECT data FROM invoice_rows WHERE document_number = ? ORDER BY position',
        head.documentNumber,
      ),
    };
  }

  private checkProjectRef(
    table: 'invoice' | 'invoiceRow' | 'supplierInvoice' | 'supplierInvoiceRow',
    field: string,
    code: string | undefined,
    row?: number,
  ): void {
    if (!code) return;
    const known = this.variant !== 500 && this.open.prepare('SELECT 1 FROM projects WHERE code = ?').get(code);
    if (!known) fail(ADK.INVALID_PROJECT, table, field, row === undefined ? code : `row ${row + 1}: ${code}`);
  }

  private checkProfitCentre(
    table: 'invoice' | 'invoiceRow' | 'supplierInvoice' | 'supplierInvoiceRow',
    field: string,
    code: string | undefined,
    row?: number,
  ): void {
    if (code && !this.open.prepare('SELECT 1 FROM profit_centres WHERE code = ?').get(code)) {
      fail(ADK.INVALID_PROFIT_CENTRE, table, field, row === undefined ? code : `row ${row + 1}: ${code}`);
    }
  }

  // --- supplier invoices -------------------------------------------------------------------

  async listSupplierInvoices(from: string, to: string): Promise<AdmSupplierInvoice[]> {
    parseInput(AdmDate, from, 'supplierInvoice');
    parseInput(AdmDate, to, 'supplierInvoice');
    const heads = rowsOf<AdmSupplierInvoice>(
      this.open,
      'SELECT data FROM supplier_invoices WHERE cancelled = 0 AND invoice_date >= ? AND invoice_date <= ? ORDER BY invoice_date, given_number',
      from,
      to,
    );
    return heads.map((head) => ({
      ...head,
      rows: rowsOf(this.open, 'SELECT data FROM supplier_invoice_rows WHERE given_number = ? ORDER BY position', head.givenNumber),
    }));
  }

  async addSupplierInvoice(input: SupplierInvoiceInput): Promise<AdmSupplierInvoice> {
    const invoice = parseInput(SupplierInvoiceInput, input, 'supplierInvoice');
    return this.transaction(() => {
      const db = this.open;
      checkLengths('supplierInvoice', invoice, FIELD_LENGTHS.supplierInvoice);
      const supplier = oneOf<Supplier>(db, 'SELECT data FROM suppliers WHERE number = ?', invoice.supplierNumber);
      if (!supplier) fail(ADK.COULD_NOT_FIND_SUPPLIER, 'supplierInvoice', 'supplierNumber', invoice.supplierNumber);
      const taken = db
        .prepare('SELECT 1 FROM supplier_invoices WHERE supplier_number = ? AND invoice_number = ? AND cancelled = 0')
        .get(invoice.supplierNumber, invoice.invoiceNumber);
      if (taken && !invoice.ignoreInvoiceNumberCheck) {
        fail(ADK.SUPPLIER_INVOICE_NUMBER_TAKEN, 'supplierInvoice', 'invoiceNumber', `${invoice.invoiceNumber} from ${supplier.name}`);
      }
      this.checkCode('currencies', ADK.INVALID_CURRENCY_CODE, 'supplierInvoice', 'currencyCode', invoice.currencyCode);
      this.checkProjectRef('supplierInvoice', 'project', invoice.project);
      this.checkProfitCentre('supplierInvoice', 'profitCentre', invoice.profitCentre);
      invoice.rows.forEach((row, i) => {
        checkLengths('supplierInvoiceRow', row, FIELD_LENGTHS.supplierInvoiceRow);
        this.checkProjectRef('supplierInvoiceRow', 'project', row.project, i);
        this.checkProfitCentre('supplierInvoiceRow', 'profitCentre', row.profitCentre, i);
      });
      const givenNumber = takeNumber(db, 'nextSupplierInvoiceNumber');
      const { rows, ignoreInvoiceNumberCheck: _ignore, ...head } = invoice;
      const saved: AdmSupplierInvoice = {
        ...head,
        givenNumber,
        supplierName: supplier.name,
        cancelled: head.cancelled ?? false,
        rows: rows.map((row, i) => ({ ...row, position: i + 1 })),
        timestamp: this.clock.now(),
      };
      db.prepare(
        'INSERT INTO supplier_invoices (given_number, supplier_number, invoice_number, invoice_date, cancelled, timestamp, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        givenNumber,
        saved.supplierNumber,
        saved.invoiceNumber,
        saved.invoiceDate,
        saved.cancelled ? 1 : 0,
        saved.timestamp,
        JSON.stringify({ ...saved, rows: undefined }),
      );
      for (const row of saved.rows) {
        db.prepare('INSERT INTO supplier_invoice_rows (given_number, position, data) VALUES (?, ?, ?)').run(
          givenNumber,
          row.position,
          JSON.stringify(row),
        );
      }
      return saved;
    });
  }

  // --- customer payments -------------------------------------------------------------------

  async listCustomerPayments(since: string): Promise<AdmCustomerPayment[]> {
    parseInput(AdmDate, since, 'customerPayment');
    return rowsOf<AdmCustomerPayment>(this.open, 'SELECT data FROM customer_payments WHERE date >= ? ORDER BY date, number', since).filter(
      (p) => !p.cancelled,
    );
  }

  async addCustomerPayment(input: CustomerPaymentInput): Promise<AdmCustomerPayment> {
    const payment = parseInput(CustomerPaymentInput, input, 'customerPayment');
    checkPayment(payment);
    return this.transaction(() => {
      const db = this.open;
      if (!db.prepare('SELECT 1 FROM invoices WHERE document_number = ?').get(payment.invoiceNumber)) {
        fail(ADK.PAYMENT_INVALID_INVOICE, 'customerPayment', 'invoiceNumber', String(payment.invoiceNumber));
      }
      const saved: AdmCustomerPayment = {
        ...payment,
        number: takeNumber(db, 'nextPaymentNumber'),
        cancelled: false,
        timestamp: this.clock.now(),
      };
      db.prepare('INSERT INTO customer_payments (number, date, timestamp, data) VALUES (?, ?, ?, ?)').run(
        saved.number,
        saved.date,
        saved.timestamp,
        JSON.stringify(saved),
      );
      return saved;
    });
  }

  async takeLease(request: LeaseRequest): Promise<LeaseGrant> {
    return this.lease.take(LeaseRequest.parse(request));
  }

  async renewLease(token: string): Promise<boolean> {
    return this.lease.renew(token);
  }

  async releaseLease(token: string): Promise<void> {
    this.lease.release(token);
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}

function sinceOf(changedSince: string | undefined): string {
  if (changedSince === undefined) return '';
  const ms = Date.parse(changedSince);
  if (Number.isNaN(ms))
    throw new AdministrationError({
      code: ADK.INVALID_DATA_TYPE,
      table: 'company',
      field: 'changedSince',
      detail: `"${changedSince}" is not a date`,
    });
  return new Date(ms).toISOString();
}
