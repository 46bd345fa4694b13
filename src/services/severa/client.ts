import { z } from 'zod';
import { TokenManager } from './auth.js';
import { resolveSeveraBaseUrl, SEVADM_SCOPES } from './environments.js';
import { SeveraApiError } from './errors.js';
import { collect, offsetPages, PAGE_SIZE, tokenPages } from './paging.js';
import { RateLimiter } from './rateLimiter.js';
import {
  AddressCreateModel,
  AddressModel,
  CostCenterModel,
  CountryModel,
  CurrencyOutputModel,
  CustomerCreateModel,
  CustomerModel,
  InvoiceOutputModel,
  InvoiceRowOutputModel,
  InvoiceStatusModel,
  JsonPatch,
  OrganizationDetailsOutputModel,
  type PatchOperation,
  ProductOutputModel,
  type ProductType,
  ProjectFeeInputModel,
  ProjectFeeOutputModel,
  ProjectOutputModel,
  replace,
  UserOutputModel,
  VatRateOutputModel,
} from './schemas/index.js';
import { type SeveraEvent, SeveraTransport, type TransportStats } from './transport.js';
import { type Clock, processClock } from '../../clock.js';

export interface SeveraClientOptions {
  /** Environment name (production, stage) or base URL. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  scopes?: readonly string[];
  /** Share one limiter between clients that use the same credentials. */
  limiter?: RateLimiter;
  timeoutMs?: number;
  maxAttempts?: number;
  maxQuotaAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  onEvent?: (event: SeveraEvent) => void;
  /** Rows per page (1–100); Severa's maximum, 100, unless testing paging. */
  pageSize?: number;
  /** JSON pointer that moves an invoice to another status; unpublished in the spec, hence configurable. */
  invoiceStatusPatchPath?: string;
  /** Token lifetimes and Retry-After dates are read against it (default: the program's clock). */
  clock?: Clock;
}

export type DateInput = Date | string;

export interface CustomerFilter {
  changedSince?: DateInput;
  isActive?: boolean;
  numbers?: number[];
  customerNames?: string[];
}
export interface ProjectFilter {
  changedSince?: DateInput;
  isClosed?: boolean;
  customerGuids?: string[];
  numbers?: number[];
}
export interface InvoiceFilter {
  invoiceStatusGuids?: string[];
  changedSince?: DateInput;
  customerGuids?: string[];
  numbers?: number[];
  /** Invoice date range, YYYY-MM-DD. */
  startDate?: string;
  endDate?: string;
}
export interface ProductFilter {
  code?: string;
  type?: ProductType;
  isActive?: boolean;
  changedSince?: DateInput;
}
export interface ProjectFeesOfProjectFilter {
  productType?: ProductType;
  isBillable?: boolean;
}
export interface UserFilter {
  isActive?: boolean;
  code?: string;
  email?: string;
  changedSince?: DateInput;
}

/** Typed access to the Severa REST API (v1) operations sevadm uses. */
export class SeveraClient {
  readonly transport: SeveraTransport;
  readonly auth: TokenManager;
  private readonly invoiceStatusPatchPath: string;
  private readonly pageSize: number;

  constructor(options: SeveraClientOptions) {
    const clock = options.clock ?? processClock();
    this.transport = new SeveraTransport({
      baseUrl: resolveSeveraBaseUrl(options.baseUrl),
      clientId: options.clientId,
      limiter: options.limiter ?? new RateLimiter(),
      timeoutMs: options.timeoutMs,
      maxAttempts: options.maxAttempts,
      maxQuotaAttempts: options.maxQuotaAttempts,
      backoffBaseMs: options.backoffBaseMs,
      backoffCapMs: options.backoffCapMs,
      onEvent: options.onEvent,
      clock,
    });
    this.auth = new TokenManager(
      this.transport,
      { clientId: options.clientId, clientSecret: options.clientSecret, scopes: options.scopes ?? SEVADM_SCOPES },
      options.onEvent,
      () => clock.now(),
    );
    this.transport.tokenSource = this.auth;
    this.invoiceStatusPatchPath = options.invoiceStatusPatchPath ?? '/status/guid';
    this.pageSize = Math.min(PAGE_SIZE, Math.max(1, options.pageSize ?? PAGE_SIZE));
  }

  get stats(): TransportStats {
    return this.transport.stats;
  }

  // --- connection ---------------------------------------------------------------------------

  /** True when the Severa server answers at all (no credentials needed). */
  async heartbeat(): Promise<boolean> {
    await this.transport.request({ method: 'GET', path: '/heartbeat/server', authenticated: false });
    return true;
  }

  /** Checks that the token and Client_Id are accepted. */
  async heartbeatAuthorized(): Promise<boolean> {
    await this.transport.request({ method: 'GET', path: '/heartbeat/authorized' });
    return true;
  }

  async organizationDetails() {
    return (await this.transport.request({ method: 'GET', path: '/v1/organizationdetails', schema: OrganizationDetailsOutputModel })).data;
  }

  // --- customers ------------------------------------------------------------------------------

  customers(filter: CustomerFilter = {}): AsyncGenerator<CustomerModel[]> {
    return tokenPages(
      this.transport,
      '/v1/customers',
      { ...filter, changedSince: isoDateTime('changedSince', filter.changedSince) },
      CustomerModel,
      this.pageSize,
    );
  }

  getCustomer(guid: string): Promise<CustomerModel | null> {
    return this.getOrNull(`/v1/customers/${encodeGuid(guid)}`, CustomerModel);
  }

  async createCustomer(customer: CustomerCreateModel): Promise<CustomerModel> {
    const body = validateInput('customer', CustomerCreateModel, customer);
    return (await this.transport.request({ method: 'POST', path: '/v1/customers', body, schema: CustomerModel })).data;
  }

  /** Returns the updated customer (Severa answers with a one-element array). */
  async updateCustomer(guid: string, operations: PatchOperation[]): Promise<CustomerModel> {
    return this.patchOne(`/v1/customers/${encodeGuid(guid)}`, operations, CustomerModel);
  }

  /** The customer's addresses (offset paging). */
  customerAddresses(customerGuid: string): Promise<AddressModel[]> {
    return collect(offsetPages(this.transport, `/v1/customers/${encodeGuid(customerGuid)}/addresses`, {}, AddressModel, this.pageSize));
  }

  async createCustomerAddress(customerGuid: string, address: AddressCreateModel): Promise<AddressModel> {
    const body = validateInput('address', AddressCreateModel, address);
    return (
      await this.transport.request({
        method: 'POST',
        path: `/v1/customers/${encodeGuid(customerGuid)}/addresses`,
        body,
        schema: AddressModel,
      })
    ).data;
  }

  updateAddress(guid: string, operations: PatchOperation[]): Promise<AddressModel> {
    return this.patchOne(`/v1/addresses/${encodeGuid(guid)}`, operations, AddressModel);
  }

  /** A country by its ISO alpha-2 code (e.g. SE); null when Severa has none. */
  async countryByCode2(code2: string): Promise<CountryModel | null> {
    if (!/^[A-Za-z]{2}$/.test(code2)) return null;
    const found = await this.getOrNull(`/v1/localization/countries/${code2.toUpperCase()}`, z.array(CountryModel));
    return found?.[0] ?? null;
  }

  // --- projects -------------------------------------------------------------------------------

  projects(filter: ProjectFilter = {}): AsyncGenerator<ProjectOutputModel[]> {
    return tokenPages(
      this.transport,
      '/v1/projects',
      { ...filter, changedSince: isoDateTime('changedSince', filter.changedSince) },
      ProjectOutputModel,
      this.pageSize,
    );
  }

  getProject(guid: string): Promise<ProjectOutputModel | null> {
    return this.getOrNull(`/v1/projects/${encodeGuid(guid)}`, ProjectOutputModel);
  }

  // --- invoices -------------------------------------------------------------------------------

  invoices(filter: InvoiceFilter = {}): AsyncGenerator<InvoiceOutputModel[]> {
    return tokenPages(
      this.transport,
      '/v1/invoices',
      {
        ...filter,
        changedSince: isoDateTime('changedSince', filter.changedSince),
        // The spec types these date-time: the day's start, in UTC, as Severa's invoice dates carry no time.
        startDate: dayAsDateTime(isoDate('startDate', filter.startDate)),
        endDate: dayAsDateTime(isoDate('endDate', filter.endDate)),
      },
      InvoiceOutputModel,
      this.pageSize,
    );
  }

  getInvoice(guid: string): Promise<InvoiceOutputModel | null> {
    return this.getOrNull(`/v1/invoices/${encodeGuid(guid)}`, InvoiceOutputModel);
  }

  invoiceRows(invoiceGuid: string): AsyncGenerator<InvoiceRowOutputModel[]> {
    return tokenPages(this.transport, `/v1/invoices/${encodeGuid(invoiceGuid)}/invoicerows`, {}, InvoiceRowOutputModel, this.pageSize);
  }

  /** Moves an invoice to another status; Severa assigns the invoice number if that status has one. */
  setInvoiceStatus(invoiceGuid: string, statusGuid: string, path: string = this.invoiceStatusPatchPath): Promise<InvoiceOutputModel> {
    return this.patchOne(`/v1/invoices/${encodeGuid(invoiceGuid)}`, [replace(path, statusGuid)], InvoiceOutputModel);
  }

  async invoiceStatuses(options: { active?: boolean } = {}): Promise<InvoiceStatusModel[]> {
    return collect(offsetPages(this.transport, '/v1/invoicestatuses', { active: options.active }, InvoiceStatusModel, this.pageSize));
  }

  // --- products and fees ----------------------------------------------------------------------

  products(filter: ProductFilter = {}): AsyncGenerator<ProductOutputModel[]> {
    return tokenPages(
      this.transport,
      '/v1/products',
      { ...filter, changedSince: isoDateTime('changedSince', filter.changedSince) },
      ProductOutputModel,
      this.pageSize,
    );
  }

  /**
   * Creates one project fee. Never retried after it may have reached Severa; on an uncertain
   * failure (error.mayHaveBeenApplied) look the fee up before creating it again.
   */
  async createProjectFee(fee: ProjectFeeInputModel): Promise<ProjectFeeOutputModel> {
    const body = validateInput('project fee', ProjectFeeInputModel, fee);
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/v1/projectfees',
      body,
      schema: z.array(ProjectFeeOutputModel).min(1),
    });
    return data[0]!;
  }

  projectFees(filter: { changedSince?: DateInput } = {}): AsyncGenerator<ProjectFeeOutputModel[]> {
    return tokenPages(
      this.transport,
      '/v1/projectfees',
      { changedSince: isoDateTime('changedSince', filter.changedSince) },
      ProjectFeeOutputModel,
      this.pageSize,
    );
  }

  projectFeesOfProject(projectGuid: string, filter: ProjectFeesOfProjectFilter = {}): AsyncGenerator<ProjectFeeOutputModel[]> {
    return tokenPages(
      this.transport,
      `/v1/projects/${encodeGuid(projectGuid)}/projectfees`,
      { ...filter },
      ProjectFeeOutputModel,
      this.pageSize,
    );
  }

  // --- users and settings ---------------------------------------------------------------------

  users(filter: UserFilter = {}): AsyncGenerator<UserOutputModel[]> {
    return tokenPages(
      this.transport,
      '/v1/users',
      { ...filter, changedSince: isoDateTime('changedSince', filter.changedSince) },
      UserOutputModel,
      this.pageSize,
    );
  }

  currencies(options: { active?: boolean } = {}): Promise<CurrencyOutputModel[]> {
    return collect(offsetPages(this.transport, '/v1/currencies', { active: options.active }, CurrencyOutputModel, this.pageSize));
  }

  async vatRates(options: { active?: boolean } = {}): Promise<VatRateOutputModel[]> {
    // The spec gives this list no paging at all.
    const { data } = await this.transport.request({
      method: 'GET',
      path: '/v1/vatrates',
      query: { active: options.active },
      schema: z.array(VatRateOutputModel),
    });
    return data;
  }

  costCenters(options: { active?: boolean } = {}): Promise<CostCenterModel[]> {
    return collect(offsetPages(this.transport, '/v1/costcenters', { active: options.active }, CostCenterModel, this.pageSize));
  }

  // --- helpers --------------------------------------------------------------------------------

  private async getOrNull<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S> | null> {
    try {
      return (await this.transport.request({ method: 'GET', path, schema })).data as z.infer<S>;
    } catch (error) {
      if (error instanceof SeveraApiError && error.status === 404) return null;
      throw error;
    }
  }

  private async patchOne<S extends z.ZodType>(path: string, operations: PatchOperation[], schema: S): Promise<z.infer<S>> {
    const body = validateInput('JSON Patch', JsonPatch, operations);
    const { data } = await this.transport.request({ method: 'PATCH', path, body, schema: z.array(schema).min(1) });
    return (data as z.infer<S>[])[0]!;
  }
}

/** Thrown before anything is sent when our own input is not what Severa accepts. */
export class SeveraInputError extends Error {
  constructor(
    readonly what: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${what}: field "${field}" ${problem}`);
    this.name = 'SeveraInputError';
  }
}

function validateInput<S extends z.ZodType>(what: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new SeveraInputError(what, issue.path.map(String).join('.') || '(whole)', issue.message);
}

/** changedSince and friends go out as ISO 8601 UTC; URLSearchParams does the encoding (+ becomes %2B). */
export function isoDateTime(field: string, value: DateInput | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new SeveraInputError('filter', field, `must be a date or date-time, got "${String(value)}"`);
  return date.toISOString();
}

export function isoDate(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new SeveraInputError('filter', field, `must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

const dayAsDateTime = (day: string | undefined) => (day === undefined ? undefined : `${day}T00:00:00Z`);

function encodeGuid(guid: string): string {
  if (!guid) throw new SeveraInputError('request', 'guid', 'is empty');
  return encodeURIComponent(guid);
}
