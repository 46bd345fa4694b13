import type {
  AdmCustomer,
  AdmCustomerPayment,
  AdmInvoice,
  AdmProject,
  AdmSupplierInvoice,
  Article,
  CompanyInfo,
  Currency,
  CustomerChanges,
  CustomerInput,
  CustomerPaymentInput,
  InvoiceInput,
  Language,
  LeaseGrant,
  LeaseRequest,
  ProfitCentre,
  ProjectChanges,
  ProjectInput,
  Supplier,
  SupplierInvoiceInput,
  TermsOfPayment,
} from './models.js';

export interface ChangedSince {
  /** ISO 8601 date or date-time; records whose timestamp is at or after it. */
  changedSince?: string;
}

/**
 * Everything sevadm does with a Visma Administration company. Implemented by the embedded company,
 * the bridge client and the ADK adapter; code above it must not know which it has.
 * Failures are AdministrationError, carrying the ADK code (lRc).
 */
export interface AdministrationPort {
  companyInfo(): Promise<CompanyInfo>;

  listCustomers(filter?: ChangedSince): Promise<AdmCustomer[]>;
  /** Null when there is no customer with that number. */
  getCustomer(number: string): Promise<AdmCustomer | null>;
  addCustomer(customer: CustomerInput): Promise<AdmCustomer>;
  updateCustomer(number: string, changes: CustomerChanges): Promise<AdmCustomer>;

  /** Projects exist in variants 1000 and 2000 only; 500 answers error 278. */
  listProjects(filter?: ChangedSince): Promise<AdmProject[]>;
  getProject(code: string): Promise<AdmProject | null>;
  addProject(project: ProjectInput): Promise<AdmProject>;
  updateProject(code: string, changes: ProjectChanges): Promise<AdmProject>;

  listArticles(): Promise<Article[]>;
  listProfitCentres(): Promise<ProfitCentre[]>;
  listTermsOfPayment(): Promise<TermsOfPayment[]>;
  listLanguages(): Promise<Language[]>;
  listCurrencies(): Promise<Currency[]>;
  listSuppliers(): Promise<Supplier[]>;

  /** Head and rows in one go: all of it is saved or none. Returns the invoice with its document number. */
  addInvoice(invoice: InvoiceInput): Promise<AdmInvoice>;
  getInvoice(documentNumber: number): Promise<AdmInvoice | null>;
  /** The invoices whose external reference contains `reference` (e.g. a Severa invoice guid). */
  findInvoicesByReference(reference: string): Promise<AdmInvoice[]>;

  /** Between two invoice dates, both inclusive; cancelled ones left out. */
  listSupplierInvoices(from: string, to: string): Promise<AdmSupplierInvoice[]>;
  addSupplierInvoice(invoice: SupplierInvoiceInput): Promise<AdmSupplierInvoice>;

  /** Payments registered at or after the date; cancelled ones left out. */
  listCustomerPayments(since: string): Promise<AdmCustomerPayment[]>;
  addCustomerPayment(payment: CustomerPaymentInput): Promise<AdmCustomerPayment>;

  /**
   * One transfer at a time into the company, whatever starts it: the lease is kept where every sevadm that
   * reaches this company passes (beside the company, or by the bridge that serves it).
   */
  takeLease(request: LeaseRequest): Promise<LeaseGrant>;
  /** False when the lease is no longer this token's. */
  renewLease(token: string): Promise<boolean>;
  releaseLease(token: string): Promise<void>;

  /** Closes the company (AdkClose); later calls answer error 80. */
  close(): Promise<void>;
}

/** The operations of the port, by name (the bridge has a route for each). */
export type PortOperation = Exclude<keyof AdministrationPort, 'close'>;
