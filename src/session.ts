import { type Lang, translator } from './i18n/index.js';
import { failureText } from './i18n/failures.js';
import { AdministrationError } from './services/administration/errors.js';
import type { AdmCustomer } from './services/administration/models.js';
import { TransferRefusal } from './services/transfer/refusal.js';
import type { AdministrationPort } from './services/administration/port.js';
import { collect, type SeveraClient, type SeveraEvent } from './services/severa/index.js';
import type { CustomerModel } from './services/severa/schemas/index.js';
import type { SeveraReferenceData } from './services/transfer/customerMapping.js';
import { customersToAdministration, customersToSevera } from './services/transfer/customerSteps.js';
import { type ConflictAnswer, type ConflictQuestion, type TransferEvent, TransferRun, type TransferSummary } from './services/transfer/engine.js';
import type { HistoryEntry, Ledger } from './services/transfer/ledger.js';
import type { Mappings } from './services/transfer/mappings.js';
import type { Connection, ListId, LoadFilter, StatusOption } from './state/app.js';
import type { AdmSupplierInvoice } from './services/administration/models.js';
import type { InvoiceOutputModel, ProjectOutputModel } from './services/severa/schemas/index.js';
import { projectIneligibility } from './services/transfer/projectRules.js';
import { projectsToAdministration } from './services/transfer/projectSteps.js';
import { invoicesToAdministration } from './services/transfer/invoiceSteps.js';
import { rowId, type SupplierInvoiceRowItem, supplierInvoiceRowsToSevera } from './services/transfer/supplierInvoiceSteps.js';
import { type PaidInvoice, paidInvoices, paymentsToSevera } from './services/transfer/paymentSteps.js';
import { DEMO_TRANSFER_SETTINGS, type TransferSettings } from './services/transfer/settings.js';
import type { RowStatus } from './services/transfer/engine.js';
import { makeRow, type Row } from './state/list.js';
import type { ConfigurationStore } from './config/configurationStore.js';
import { SettingsService } from './services/setup/settingsService.js';

export interface SessionOptions {
  severa: SeveraClient | undefined;
  /** Why there is no Severa client (configuration), when there is none. */
  severaProblem?: string;
  administration: AdministrationPort | undefined;
  administrationProblem?: string;
  ledger: Ledger;
  mappings: Mappings;
  settings?: TransferSettings;
  /** Called when a setting the user chose should be remembered. */
  saveSettings?: (settings: TransferSettings) => void;
  /** Where the settings screen reads and saves; without it there is no settings screen. */
  configuration?: ConfigurationStore;
  /** New clients after the connection was edited (from the store and the environment). */
  reconnect?: () => Promise<Sides> | Sides;
  concurrency?: number;
}

/** Both sides' clients, or why one is missing. */
export interface Sides {
  severa: SeveraClient | undefined;
  severaProblem?: string;
  administration: AdministrationPort | undefined;
  administrationProblem?: string;
}

export interface LoadResult {
  rows: Row[];
  banner?: string;
  statuses?: [string, RowStatus][];
}

/** A nested value on one line: its names, codes and numbers. */
function flat(value: unknown): string {
  if (Array.isArray(value)) return value.map(flat).join('; ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'guid')
      .map(([k, v]) => `${k}: ${flat(v)}`)
      .join(', ');
  }
  return String(value);
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/**
 * The services behind the screens: connections, the loaded records and transfers. No React here; the
 * app calls it from effects and gets results back as values and events.
 */
export class Session {
  private severaCustomers = new Map<string, CustomerModel>();
  private administrationCustomers = new Map<string, AdmCustomer>();
  private severaProjects = new Map<string, ProjectOutputModel>();
  private severaInvoices = new Map<string, InvoiceOutputModel>();
  private supplierInvoices = new Map<string, AdmSupplierInvoice>();
  private payments = new Map<string, PaidInvoice>();
  private historyRecords = new Map<string, HistoryEntry>();
  private statuses: StatusOption[] = [];
  settings: TransferSettings;
  private run: TransferRun<unknown, unknown> | undefined;
  private logListeners = new Set<(level: 'info' | 'warn' | 'error', text: string) => void>();

  /** The settings screen's services, when there is a place to save settings. */
  readonly setup: SettingsService | undefined;

  constructor(private readonly options: SessionOptions) {
    this.settings = { ...(options.settings ?? DEMO_TRANSFER_SETTINGS) };
    this.setup = options.configuration
      ? new SettingsService(options.configuration, {
          sides: () => ({
            severa: this.options.severa,
            administration: this.options.administration,
            problems: { severa: this.options.severaProblem, administration: this.options.administrationProblem },
          }),
          adopt: (settings, mappings) => {
            this.settings = settings;
            this.options.mappings = mappings;
          },
          reconnect: async () => {
            if (!this.options.reconnect) return;
            const old = this.options.administration;
            Object.assign(this.options, await this.options.reconnect());
            this.statuses = [];
            if (old && old !== this.options.administration) await old.close().catch(() => undefined);
          },
        })
      : undefined;
  }

  get mappings(): Mappings {
    return this.options.mappings;
  }

  /** Severa's invoice statuses, for the pickers. */
  async invoiceStatuses(): Promise<StatusOption[]> {
    this.statuses = (await this.require('severa').invoiceStatuses()).filter((s) => s.isActive !== false).map((s) => ({ guid: s.guid, name: s.name }));
    return this.statuses;
  }

  rememberAfterStatus(name: string | undefined): void {
    this.settings = { ...this.settings, afterTransferStatus: name };
    if (this.options.configuration) this.options.configuration.saveSettings(this.settings);
    else this.options.saveSettings?.(this.settings);
  }

  /** Subscribes to what the services report (retries, renewals); returns the unsubscribe. */
  onLog(listener: (level: 'info' | 'warn' | 'error', text: string) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  /** Wire this into the Severa client's onEvent. */
  severaEvent = (event: SeveraEvent): void => {
    const text =
      event.type === 'retry'
        ? `Severa ${event.endpoint}: retry ${event.attempt} in ${event.delayMs} ms (${event.reason})`
        : `Severa: new access token (${event.reason})`;
    for (const listener of this.logListeners) listener(event.type === 'retry' ? 'warn' : 'info', text);
  };

  /** A loaded record as it came from its side, for `sevadm show --json`. */
  record(list: ListId, id: string): object | undefined {
    return this.recordMaps()[list].get(id);
  }

  private recordMaps(): Record<ListId, Map<string, object>> {
    return {
      severaCustomers: this.severaCustomers,
      administrationCustomers: this.administrationCustomers,
      severaProjects: this.severaProjects,
      severaInvoices: this.severaInvoices,
      supplierInvoices: this.supplierInvoices,
      payments: this.payments,
      history: this.historyRecords,
    };
  }

  /** Every field of a loaded record, for the details view. */
  details(list: ListId, id: string): [string, string][] {
    const record = this.recordMaps()[list].get(id);
    if (!record) return [];
    return Object.entries(record)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [k, typeof v === 'object' ? flat(v) : String(v)]);
  }

  async connectSevera(lang: Lang = 'en'): Promise<Connection> {
    const { severa, severaProblem } = this.options;
    if (!severa) return { state: 'disconnected', reason: severaProblem ?? 'not configured' };
    try {
      const organization = await severa.organizationDetails();
      return { state: 'connected', name: organization.name ?? '?' };
    } catch (error) {
      return { state: 'disconnected', reason: failureText(error, lang) };
    }
  }

  async connectAdministration(lang: Lang = 'en'): Promise<Connection> {
    const { administration, administrationProblem } = this.options;
    if (!administration) return { state: 'disconnected', reason: administrationProblem ?? 'not configured' };
    try {
      const info = await administration.companyInfo();
      return { state: 'connected', name: `${info.name} (${info.variant})` };
    } catch (error) {
      return { state: 'disconnected', reason: failureText(error, lang) };
    }
  }

  /** Loads one list with its filter (dates YYYY-MM-DD, local midnight). */
  async load(list: ListId, filter: LoadFilter, lang: Lang = 'en'): Promise<LoadResult> {
    const t = translator(lang);
    const changedSince = new Date(`${filter.since}T00:00:00`).toISOString();
    switch (list) {
      case 'severaCustomers': {
        const rows: Row[] = [];
        this.severaCustomers = new Map();
        for await (const page of this.require('severa').customers({ changedSince })) {
          for (const c of page) {
            this.severaCustomers.set(c.guid, c);
            rows.push(makeRow(c.guid, [String(c.number ?? ''), c.name, c.headquarterAddress?.city ?? '', c.email ?? '', day(c.lastUpdatedDateTime)]));
          }
        }
        return { rows };
      }
      case 'administrationCustomers': {
        const customers = await this.require('administration').listCustomers({ changedSince });
        this.administrationCustomers = new Map(customers.map((c) => [c.number, c]));
        return { rows: customers.map((c) => makeRow(c.number, [c.number, c.name, c.city ?? '', c.email ?? '', day(c.timestamp)])) };
      }
      case 'severaProjects': {
        const projects = await collect(this.require('severa').projects({ changedSince }));
        this.severaProjects = new Map(projects.map((p) => [p.guid, p]));
        const administration = this.require('administration');
        const info = await administration.companyInfo();
        const rows = projects.map((p) =>
          makeRow(p.guid, [String(p.number ?? ''), p.name, p.customer?.name ?? '', p.startDate ?? '', p.deadline ?? '', t(p.isClosed ? 'state.closed' : 'state.open')]),
        );
        if (info.variant === 500) return { rows, banner: t('refusal.projectsNeed1000', { variant: String(info.variant) }) };
        // Rows that cannot go are marked with the reason before any transfer.
        const customers = new Set((await administration.listCustomers()).map((c) => c.number));
        const statuses: [string, RowStatus][] = [];
        for (const p of projects) {
          const refusal = projectIneligibility(p, customers);
          if (refusal?.reason) statuses.push([p.guid, { kind: 'error', message: t(refusal.reason.key, refusal.reason.params) }]);
        }
        return { rows, statuses };
      }
      case 'severaInvoices': {
        if (!filter.statusGuid) return { rows: [] };
        const invoices = await collect(this.require('severa').invoices({ invoiceStatusGuids: [filter.statusGuid] }));
        this.severaInvoices = new Map(invoices.map((i) => [i.guid, i]));
        const statuses: [string, RowStatus][] = [];
        const rows = invoices.map((i) => {
          const done = this.options.ledger.lastDone('invoice', 'to-administration', i.guid)?.targetKey ?? '';
          if (done) statuses.push([i.guid, { kind: 'done', targetKey: done, updated: false }]);
          return makeRow(i.guid, [
            String(i.number ?? ''),
            i.date ?? '',
            i.customer?.name ?? '',
            money(i.totalIncludingTax?.amount),
            i.currency?.code ?? '',
            i.status?.name ?? '',
            done,
          ]);
        });
        return { rows, statuses };
      }
      case 'supplierInvoices': {
        const invoices = await this.require('administration').listSupplierInvoices(filter.since, filter.until ?? filter.since);
        this.supplierInvoices = new Map(invoices.map((i) => [String(i.givenNumber), i]));
        const statuses: [string, RowStatus][] = [];
        const rows = invoices.map((i) => {
          const done = i.rows.filter((r) => this.options.ledger.lastDone('supplierInvoiceRow', 'to-severa', rowId(i.givenNumber, r.position))).length;
          if (done > 0) {
            statuses.push([String(i.givenNumber), done === i.rows.length ? { kind: 'done', targetKey: t('status.fees', { count: done }), updated: false } : { kind: 'error', message: t('status.partlyDone', { done, total: i.rows.length }) }]);
          }
          const projects = [...new Set(i.rows.map((r) => r.project || i.project).filter(Boolean))].join(', ');
          return makeRow(String(i.givenNumber), [String(i.givenNumber), i.supplierName, i.invoiceNumber, i.invoiceDate, money(i.total), projects]);
        });
        return { rows, statuses };
      }
      case 'history': {
        // Newest first: what an operator looks for after a run.
        const entries = this.options.ledger.history({ since: changedSince }).reverse();
        this.historyRecords = new Map(entries.map((e) => [String(e.id), e]));
        return {
          rows: entries.map((e) => makeRow(String(e.id), [e.time.slice(0, 16).replace('T', ' '), `${e.kind} ${e.direction === 'to-severa' ? '→ Severa' : '→ Adm.'}`, e.result, e.label, e.targetKey ?? '', e.reason ?? ''])),
        };
      }
      case 'payments': {
        const grouped = paidInvoices(await this.require('administration').listCustomerPayments(filter.since));
        this.payments = new Map(grouped.map((p) => [String(p.invoiceNumber), p]));
        return { rows: grouped.map((p) => makeRow(String(p.invoiceNumber), [String(p.invoiceNumber), money(p.paid), p.lastPaymentDate, String(p.payments.length)])) };
      }
    }
  }

  /** Transfers the chosen rows of a list to the other side, through the engine and the ledger. */
  async transfer(
    list: ListId,
    ids: string[],
    onEvent: (event: TransferEvent) => void,
    askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>,
    lang: Lang = 'en',
    options: { dryRun?: boolean } = {},
  ): Promise<TransferSummary> {
    const { ledger, concurrency } = this.options;
    const mappings = this.mappings;
    const t = translator(lang);
    // Errors in the user's language; the detail keeps the technical message (endpoint, status) for the log.
    const describeError = (error: unknown) => {
      const e = error as { message?: string; mayHaveBeenApplied?: boolean };
      const message = failureText(error, lang);
      const translated = error instanceof AdministrationError || (error instanceof TransferRefusal && error.reason);
      return { message, detail: translated ? message : (e?.message ?? message), mayHaveBeenApplied: Boolean(e?.mayHaveBeenApplied) };
    };
    let run: TransferRun<unknown, unknown>;
    const common = { ledger, concurrency, onEvent, askConflict, describeError, dryRun: options.dryRun };
    switch (list) {
      case 'severaCustomers': {
        const administration = this.require('administration');
        const items = pick(this.severaCustomers, ids);
        const existing = new Set((await administration.listCustomers()).map((c) => c.number));
        run = new TransferRun({ ...common, items, step: customersToAdministration(administration, mappings, existing) }) as TransferRun<unknown, unknown>;
        break;
      }
      case 'administrationCustomers': {
        const severa = this.require('severa');
        const items = pick(this.administrationCustomers, ids);
        const all = await collect(severa.customers());
        const ref: SeveraReferenceData = {
          currencies: await severa.currencies(),
          languages: [...new Map(all.flatMap((c) => (c.language?.guid && c.language.code ? [[c.language.code, { guid: c.language.guid, code: c.language.code }] as const] : []))).values()],
        };
        const existing = new Set(all.map((c) => String(c.number)));
        run = new TransferRun({ ...common, items, step: customersToSevera(severa, mappings, ref, existing) }) as TransferRun<unknown, unknown>;
        break;
      }
      case 'severaProjects': {
        const administration = this.require('administration');
        const customers = new Set((await administration.listCustomers()).map((c) => c.number));
        const codes = new Set((await administration.listProjects()).map((p) => p.code));
        run = new TransferRun({ ...common, items: pick(this.severaProjects, ids), step: projectsToAdministration(administration, customers, codes) }) as TransferRun<unknown, unknown>;
        break;
      }
      case 'severaInvoices': {
        const severa = this.require('severa');
        const administration = this.require('administration');
        const info = await administration.companyInfo();
        const statuses = this.statuses.length ? this.statuses : await this.invoiceStatuses();
        const after = statuses.find((s) => s.name === this.settings.afterTransferStatus);
        const context = {
          articles: new Set((await administration.listArticles()).map((a) => a.number)),
          customers: new Set((await administration.listCustomers()).map((c) => c.number)),
          projects: info.variant === 500 ? undefined : new Set((await administration.listProjects()).map((p) => p.code)),
          numberPolicy: this.settings.invoiceNumberPolicy,
          mappings: this.mappings,
        };
        const step = invoicesToAdministration({
          severa,
          administration,
          ledger,
          context,
          afterTransferStatus: after ? { guid: after.guid, name: after.name } : undefined,
          onWarning: (text) => onEvent({ type: 'log', level: 'warn', message: text }),
        });
        run = new TransferRun({ ...common, items: pick(this.severaInvoices, ids), step }) as TransferRun<unknown, unknown>;
        break;
      }
      case 'supplierInvoices': {
        const invoices = pick(this.supplierInvoices, ids);
        const items: SupplierInvoiceRowItem[] = invoices.flatMap((invoice) => invoice.rows.map((row) => ({ invoice, row })));
        const perInvoice = supplierInvoiceProgress(invoices, onEvent, t);
        run = new TransferRun({ ...common, onEvent: perInvoice, items, step: supplierInvoiceRowsToSevera(this.require('severa'), ledger, this.settings) }) as TransferRun<unknown, unknown>;
        break;
      }
      case 'history':
        throw new Error('the history is not transferred');
      case 'payments': {
        const statuses = this.statuses.length ? this.statuses : await this.invoiceStatuses();
        const paid = statuses.find((s) => s.name === this.settings.paidStatus);
        if (!paid) throw new Error(`Severa has no invoice status "${this.settings.paidStatus}" to mark invoices paid`);
        run = new TransferRun({ ...common, items: pick(this.payments, ids), step: paymentsToSevera(this.require('severa'), { guid: paid.guid, name: paid.name }) }) as TransferRun<unknown, unknown>;
        break;
      }
    }
    this.run = run;
    try {
      return await run.run();
    } finally {
      this.run = undefined;
    }
  }

  cancel(): void {
    this.run?.cancel();
  }

  private require(side: 'severa'): SeveraClient;
  private require(side: 'administration'): AdministrationPort;
  private require(side: 'severa' | 'administration'): SeveraClient | AdministrationPort {
    const value = side === 'severa' ? this.options.severa : this.options.administration;
    if (!value) throw new Error(`${side === 'severa' ? 'Severa' : 'Administration'} is not connected: ${(side === 'severa' ? this.options.severaProblem : this.options.administrationProblem) ?? 'not configured'}`);
    return value;
  }
}

function pick<T>(records: Map<string, T>, ids: string[]): T[] {
  return ids.map((id) => records.get(id)).filter((r): r is T => r !== undefined);
}

function money(amount: number | null | undefined): string {
  return amount == null ? '' : amount.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The engine reports supplier-invoice rows; the list shows invoices. Row events become one status per
 * invoice: running, done with the fee count, or partly transferred with the first failing row's reason.
 */
function supplierInvoiceProgress(invoices: AdmSupplierInvoice[], onEvent: (e: TransferEvent) => void, t: ReturnType<typeof translator>): (e: TransferEvent) => void {
  const rowsOf = new Map(invoices.map((i) => [String(i.givenNumber), new Map<number, RowStatus>()]));
  return (event) => {
    if (event.type !== 'status') return onEvent(event);
    const [given, position] = event.id.split('/');
    const states = rowsOf.get(given!);
    if (!states) return;
    states.set(Number(position), event.status);
    const total = invoices.find((i) => String(i.givenNumber) === given)!.rows.length;
    const all = [...states.values()];
    let status: RowStatus;
    if (all.length < total || all.some((s) => s.kind === 'running' || s.kind === 'queued')) status = { kind: all.some((s) => s.kind === 'running') ? 'running' : 'queued' };
    else {
      const failed = all.find((s) => s.kind === 'error');
      // A dry run's planned rows count as the fees they would become.
      const planned = all.filter((s) => s.kind === 'planned').length;
      const done = all.filter((s) => s.kind === 'done' || s.kind === 'planned' || (s.kind === 'skipped' && s.reason === 'already')).length;
      const fees = t('status.fees', { count: done });
      if (!failed) {
        status =
          done < total ? { kind: 'skipped', reason: 'cancelled' } : planned > 0 ? { kind: 'planned', action: 'create', targetKey: fees } : { kind: 'done', targetKey: fees, updated: false };
      }
      else {
        const reason = failed.kind === 'error' ? failed.message : '';
        // (done counts planned rows too, so a dry run reports the same "partly" as the real run.)
        const message = done === 0 ? reason : t('status.partly', { done, total, reason });
        status = { kind: 'error', message, detail: all.map((s, i) => `${i + 1}: ${s.kind}${s.kind === 'error' ? ` ${s.message}` : ''}`).join('\n') };
      }
    }
    onEvent({ type: 'status', id: given!, status });
  };
}
