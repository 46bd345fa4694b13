import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type Clock, processClock } from '../../../clock.js';
import { packageFile } from '../../../packageRoot.js';
import { FileLease, type LeaseKeeper } from '../lease.js';
import type { LeaseGrant, LeaseRequest } from '../models.js';
import { ADK, AdministrationError } from '../errors.js';
import type { AdministrationPort, PortOperation } from '../port.js';
import type { AdkReply, AdkWorkerSetup } from './protocol.js';

const WORKER = packageFile('bin', 'adk-worker.js');

/**
 * Visma Administration through Adk.dll. The DLL lives in a worker process of its own: one company per
 * process (the ADK keeps it globally), calls strictly one at a time, and a crash in the DLL cannot take
 * sevadm down with it.
 */
export class AdkAdministration implements AdministrationPort {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private closed = false;
  private readonly child: ChildProcess;
  /** Settles when the company is open; every call waits for it, and fails as the opening did. */
  readonly ready: Promise<void>;

  /** A lock file in the company folder (on a network drive too): every sevadm opening this company sees it. */
  private readonly lease: LeaseKeeper;

  /** Starts the worker and opens the company at once; calls made meanwhile wait their turn. */
  constructor(setup: AdkWorkerSetup, clock: Clock = processClock()) {
    this.lease = new FileLease(join(setup.company, 'sevadm.lease'), clock);
    const child = fork(WORKER, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    this.child = child;
    child.on('message', (message: AdkReply) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if ('value' in message) waiting.resolve(message.value);
      else if ('error' in message) waiting.reject(new AdministrationError(message.error));
      else waiting.reject(new Error(`ADK worker: ${message.failure}`));
    });
    child.on('exit', (code, signal) => {
      const wasOpen = !this.closed;
      this.closed = true;
      for (const { reject } of this.pending.values()) {
        reject(
          new AdministrationError(
            wasOpen
              ? { code: ADK.ADK_WORKER, table: 'company', detail: signal ?? `exit code ${code}` }
              : { code: ADK.NO_DB_OPEN, table: 'company' },
          ),
        );
      }
      this.pending.clear();
    });
    this.ready = this.send('open', [], setup).then(
      () => undefined,
      (error: unknown) => {
        this.closed = true;
        child.kill();
        throw error;
      },
    );
    // Nobody may be waiting yet; the first call sees the failure.
    this.ready.catch(() => undefined);
  }

  /** Starts the worker and opens the company; ADK errors (wrong paths, version) come back as they are. */
  static async open(setup: AdkWorkerSetup): Promise<AdkAdministration> {
    const adapter = new AdkAdministration(setup);
    await adapter.ready;
    return adapter;
  }

  private send(op: string, args: unknown[], setup?: AdkWorkerSetup): Promise<never> {
    if (this.closed) return Promise.reject(new AdministrationError({ code: ADK.NO_DB_OPEN, table: 'company' }));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send(setup ? { id, op, setup } : { id, op, args });
    });
  }

  private op<K extends PortOperation>(name: K) {
    return ((...args: unknown[]) => this.ready.then(() => this.send(name, args))) as AdministrationPort[K];
  }

  companyInfo = this.op('companyInfo');
  listCustomers = this.op('listCustomers');
  getCustomer = this.op('getCustomer');
  addCustomer = this.op('addCustomer');
  updateCustomer = this.op('updateCustomer');
  listProjects = this.op('listProjects');
  getProject = this.op('getProject');
  addProject = this.op('addProject');
  updateProject = this.op('updateProject');
  listArticles = this.op('listArticles');
  listProfitCentres = this.op('listProfitCentres');
  listTermsOfPayment = this.op('listTermsOfPayment');
  listLanguages = this.op('listLanguages');
  listCurrencies = this.op('listCurrencies');
  listSuppliers = this.op('listSuppliers');
  addInvoice = this.op('addInvoice');
  getInvoice = this.op('getInvoice');
  findInvoicesByReference = this.op('findInvoicesByReference');
  listSupplierInvoices = this.op('listSupplierInvoices');
  addSupplierInvoice = this.op('addSupplierInvoice');
  listCustomerPayments = this.op('listCustomerPayments');
  addCustomerPayment = this.op('addCustomerPayment');

  async takeLease(request: LeaseRequest): Promise<LeaseGrant> {
    return this.lease.take(request);
  }

  async renewLease(token: string): Promise<boolean> {
    return this.lease.renew(token);
  }

  async releaseLease(token: string): Promise<void> {
    this.lease.release(token);
  }

  /** Closes the company (AdkClose) and ends the worker; later calls answer 80. */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    if (this.closed) return;
    await this.send('close', []).catch(() => undefined);
    this.closed = true;
    this.child.disconnect?.();
  }
}
