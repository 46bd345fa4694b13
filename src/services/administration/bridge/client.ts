import type { z } from 'zod';
import { ADK, AdministrationError, type AdministrationTable } from '../errors.js';
import type { AdministrationPort, PortOperation } from '../port.js';
import { BRIDGE_PREFIX, BRIDGE_ROUTES, BridgeErrorBody } from './protocol.js';

export interface BridgeClientOptions {
  /** e.g. http://127.0.0.1:7730 (an ssh -L tunnel end) */
  url: string;
  token: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Tries for reads; writes are sent once. */
  readAttempts?: number;
  /** For a self-signed bridge certificate: fetch with its own dispatcher. */
  fetch?: typeof fetch;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** The AdministrationPort of a company served by `sevadm bridge`, over HTTP/JSON. */
export class BridgeClient implements AdministrationPort {
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly readAttempts: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: BridgeClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.readAttempts = options.readAttempts ?? 3;
    this.fetchImpl = options.fetch ?? fetch;
  }

  companyInfo = this.operation('companyInfo');
  listCustomers = this.operation('listCustomers');
  getCustomer = this.operation('getCustomer');
  addCustomer = this.operation('addCustomer');
  updateCustomer = this.operation('updateCustomer');
  listProjects = this.operation('listProjects');
  getProject = this.operation('getProject');
  addProject = this.operation('addProject');
  updateProject = this.operation('updateProject');
  listArticles = this.operation('listArticles');
  listProfitCentres = this.operation('listProfitCentres');
  listTermsOfPayment = this.operation('listTermsOfPayment');
  listLanguages = this.operation('listLanguages');
  listCurrencies = this.operation('listCurrencies');
  listSuppliers = this.operation('listSuppliers');
  addInvoice = this.operation('addInvoice');
  getInvoice = this.operation('getInvoice');
  findInvoicesByReference = this.operation('findInvoicesByReference');
  listSupplierInvoices = this.operation('listSupplierInvoices');
  addSupplierInvoice = this.operation('addSupplierInvoice');
  listCustomerPayments = this.operation('listCustomerPayments');
  addCustomerPayment = this.operation('addCustomerPayment');
  takeLease = this.operation('takeLease');
  renewLease = this.operation('renewLease');
  releaseLease = this.operation('releaseLease');

  private closed = false;

  /** The bridge keeps the company open for others; this client answers 80 (no company open) from now on. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private operation<K extends PortOperation>(name: K): AdministrationPort[K] {
    return ((...args: unknown[]) => this.call(name, args)) as AdministrationPort[K];
  }

  private async call(name: PortOperation, args: unknown[]): Promise<unknown> {
    if (this.closed) throw new AdministrationError({ code: ADK.NO_DB_OPEN, table: 'company' });
    const route = BRIDGE_ROUTES[name];
    const wire = route.encode(args);
    const query = new URLSearchParams(Object.entries(wire.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
    const target = `${this.url}${BRIDGE_PREFIX}${route.path}${route.keyed ? `/${encodeURIComponent(wire.key ?? '')}` : ''}${query.size ? `?${query}` : ''}`;
    const read = route.method === 'GET';
    const attempts = read ? this.readAttempts : 1;

    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(target, {
          method: route.method,
          headers: {
            Authorization: `Bearer ${this.options.token}`,
            Accept: 'application/json',
            ...(wire.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: wire.body === undefined ? undefined : JSON.stringify(wire.body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const e = error as { name?: string; cause?: { code?: string; message?: string } };
        const timedOut = e.name === 'TimeoutError';
        // fetch refuses some ports (its "bad ports" list) before connecting: nothing was sent.
        const notSent = !timedOut && (NOT_SENT.has(e.cause?.code ?? '') || e.cause?.message === 'bad port');
        if (read && attempt < attempts) {
          await new Promise((r) => setTimeout(r, 200 * attempt));
          continue;
        }
        // A write that may have reached the company is never sent again: it could book twice.
        if (!read && !notSent)
          throw bridgeError(ADK.BRIDGE_UNCERTAIN, `${route.method} ${route.path}: ${timedOut ? 'no answer in time' : 'connection lost'}`);
        throw bridgeError(timedOut ? ADK.BRIDGE_TIMEOUT : ADK.BRIDGE_UNREACHABLE, `${this.url}: ${e.cause?.code ?? e.name ?? 'failed'}`);
      }
      if (response.status >= 500 && read && attempt < attempts) {
        await response.body?.cancel();
        await new Promise((r) => setTimeout(r, 200 * attempt));
        continue;
      }
      return this.answer(name, response, route.result);
    }
  }

  private async answer(name: PortOperation, response: Response, schema: z.ZodType): Promise<unknown> {
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw bridgeError(ADK.BRIDGE_PROTOCOL, `${name}: HTTP ${response.status}, not JSON`);
    }
    if (response.status === 401) throw bridgeError(ADK.BRIDGE_AUTH, 'check SEVADM_BRIDGE_TOKEN');
    if (!response.ok) {
      const parsed = BridgeErrorBody.safeParse(json);
      if (!parsed.success) throw bridgeError(ADK.BRIDGE_PROTOCOL, `${name}: HTTP ${response.status}`);
      const { code, table, field, detail, message } = parsed.data.error;
      if (typeof code === 'number') throw new AdministrationError({ code, table: table as AdministrationTable | undefined, field, detail });
      throw bridgeError(ADK.BRIDGE_PROTOCOL, `${name}: ${message}`);
    }
    const result = schema.safeParse((json as { result?: unknown })?.result);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw bridgeError(ADK.BRIDGE_PROTOCOL, `${name}: field "${issue.path.join('.')}" ${issue.message}`);
    }
    return result.data;
  }
}

function bridgeError(code: number, detail: string): AdministrationError {
  return new AdministrationError({ code, table: 'bridge', detail });
}
