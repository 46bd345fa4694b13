import { type Clock, type DefaultDates, defaultDates, processClock, startOfDay } from './clock.js';
import type { ConfigurationStore } from './config/configurationStore.js';
import { failureText } from './i18n/failures.js';
import { isMessageKey, type Lang, type Translate } from './i18n/index.js';
import type { AdministrationPort } from './services/administration/port.js';
import { SettingsService } from './services/setup/settingsService.js';
import type { SeveraClient, SeveraEvent } from './services/severa/index.js';
import type { ConflictAnswer, ConflictQuestion, TransferEvent, TransferRun, TransferSummary } from './services/transfer/engine.js';
import type { Ledger } from './services/transfer/ledger.js';
import type { Mappings } from './services/transfer/mappings.js';
import { type CompareRequest, type CompareResult, compareSides } from './services/compare/compare.js';
import type { Difference, Fix } from './services/compare/differences.js';
import { DEMO_TRANSFER_SETTINGS, type TransferSettings } from './services/transfer/settings.js';
import { translator } from './i18n/index.js';
import { type CellView, type KindContext, kindOf, type ListId, type Loaded, type LoadFilter, type StatusOption } from './kinds/index.js';
import { dayAndTime, type DetailLine } from './kinds/details.js';
import type { LeaseHolder } from './services/administration/models.js';
import { type HeldLease, holdLease, LeaseHeldError } from './session/lease.js';
import type { HistoryEntry } from './services/transfer/ledger.js';
import type { Connection } from './session/connection.js';
import { LoadedRecords } from './session/records.js';

export interface SessionOptions {
  severa: SeveraClient | undefined;
  /** Why there is no Severa client (configuration), when there is none. */
  severaProblem?: string;
  administration: AdministrationPort | undefined;
  administrationProblem?: string;
  ledger: Ledger;
  mappings: Mappings;
  settings?: TransferSettings;
  /** Where the settings screen reads and saves; without it there is no settings screen. */
  configuration?: ConfigurationStore;
  /** New clients after the connection was edited (from the store and the environment). */
  reconnect?: () => Promise<Sides> | Sides;
  concurrency?: number;
  /** Today and the ledger's timestamps (default: the program's clock). */
  clock?: Clock;
  /** The instant the default filters count back from when not now: the demo's day, so they find its data. */
  defaultsAt?: number;
}

/** Both sides' clients, or why one is missing. */
export interface Sides {
  severa: SeveraClient | undefined;
  severaProblem?: string;
  administration: AdministrationPort | undefined;
  administrationProblem?: string;
}

export type { Connection };

/**
 * The services behind the screens: connections, the loaded records and transfers. No React here; the
 * app calls it from effects and gets results back as values and events.
 */
export interface TransferOptions {
  dryRun?: boolean;
  /** How long to wait for the company's lease while another run holds it, in ms (default: refuse at once). */
  waitMs?: number;
  onWaiting?: (holder: LeaseHolder) => void;
}

/** A lease holder as the catalogues' texts name it: what, who, since when (local time). */
export function leaseWords(holder: LeaseHolder, t: Translate): Record<string, string> {
  const kind = `kind.${holder.kind}`;
  return { kind: isMessageKey(kind) ? t(kind) : holder.kind, who: holder.who, pid: String(holder.pid), since: dayAndTime(holder.since) };
}

/** The order differences are set right in: what a later list needs is in Administration first. */
const FIX_ORDER: Fix['list'][] = ['severa-customers', 'administration-customers', 'projects', 'invoices', 'supplier-invoices', 'payments'];

export class Session {
  private readonly records = new LoadedRecords();
  private statuses: StatusOption[] = [];
  settings: TransferSettings;
  private run: TransferRun<unknown, unknown> | undefined;
  /** Set by cancel(): ends a wait for the lease too. */
  private cancelling = false;
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
    this.statuses = (await this.require('severa').invoiceStatuses())
      .filter((s) => s.isActive !== false)
      .map((s) => ({ guid: s.guid, name: s.name }));
    return this.statuses;
  }

  rememberAfterStatus(name: string | undefined): void {
    this.settings = { ...this.settings, afterTransferStatus: name };
    this.options.configuration?.saveSettings(this.settings);
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
        : event.type === 'bad-record'
          ? `Severa ${event.endpoint}: record ${event.record} left out of the list, its field ${event.field} is not as expected (${event.problem})`
          : `Severa: new access token (${event.reason})`;
    // A record left out of a list is an error (the user does not see it); a retry only a warning.
    const level = event.type === 'token' ? 'info' : event.type === 'retry' ? 'warn' : 'error';
    for (const listener of this.logListeners) listener(level, text);
  };

  /** A loaded record as it came from its side, for `sevadm show --json`. */
  record(list: ListId, id: string): unknown {
    return this.records.get(list, id);
  }

  /** A loaded record's details view, labelled in the user's language; nothing once it is no longer loaded. */
  details(list: ListId, id: string, view: CellView): DetailLine[] {
    const record = this.records.get(list, id);
    return record === undefined ? [] : kindOf(list).details(record as never, view);
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

  /** The filters' default dates: 30 days back (from the demo's day on the demo) up to today. */
  defaultDates(): DefaultDates {
    return defaultDates(this.clock.now(), this.options.defaultsAt);
  }

  get clock(): Clock {
    return this.options.clock ?? processClock();
  }

  /** Loads one list's records with its filter (dates YYYY-MM-DD, local midnight) and keeps them for a transfer. */
  async load(list: ListId, filter: LoadFilter, lang: Lang = 'en', onPage?: (page: unknown[]) => void): Promise<Loaded<unknown>> {
    const kind = kindOf(list);
    const loaded = await kind.load(this.context(), filter, translator(lang), onPage);
    this.records.keep(list, loaded.records, kind.id);
    return loaded;
  }

  /** Past transfers since a date, newest first: what an operator looks for after a run. */
  history(since: string): HistoryEntry[] {
    return this.options.ledger.history({ since: startOfDay(since) }).reverse();
  }

  /** Transfers the chosen rows of a list to the other side, through the engine and the ledger. */
  transfer(
    list: ListId,
    ids: string[],
    onEvent: (event: TransferEvent) => void,
    askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>,
    lang: Lang = 'en',
    options: TransferOptions = {},
  ): Promise<TransferSummary> {
    return this.transferRecords(list, ids, () => this.records.pick(list, ids), onEvent, askConflict, lang, options);
  }

  /**
   * Compares both sides (reads only: nothing is written anywhere, the ledger included). `onProgress` is told what is
   * being read.
   */
  compare(request: Omit<CompareRequest, 'mappings' | 'settings'> = {}): Promise<CompareResult> {
    return compareSides(this.require('severa'), this.require('administration'), {
      ...request,
      mappings: this.mappings,
      settings: this.settings,
    });
  }

  /**
   * Sets differences right with the transfers that fix them, list by list in the order the books need (customers,
   * then projects, invoices, supplier invoices, payments), each through the engine, the ledger and the lease as any
   * transfer. Statuses come back under the differences' ids.
   */
  async fix(
    differences: Difference[],
    onEvent: (event: TransferEvent) => void,
    askConflict: (question: ConflictQuestion, list: ListId) => Promise<ConflictAnswer>,
    lang: Lang = 'en',
    options: TransferOptions = {},
  ): Promise<TransferSummary> {
    const total: TransferSummary = { transferred: 0, updated: 0, skipped: 0, failed: 0, cancelled: 0 };
    for (const list of FIX_ORDER) {
      const group = differences.filter((d) => d.fix?.list === list);
      if (!group.length || this.cancelling) continue;
      const byRecord = new Map<string, string[]>();
      for (const d of group) byRecord.set(d.fix!.id, [...(byRecord.get(d.fix!.id) ?? []), d.id]);
      const records = [...new Map(group.map((d) => [d.fix!.id, d.fix!.record])).values()];
      const relay = (event: TransferEvent) => {
        if (event.type !== 'status' && event.type !== 'record') return onEvent(event);
        for (const id of byRecord.get(event.id) ?? []) onEvent({ ...event, id });
      };
      const ids = [...byRecord.keys()];
      const ask = (question: ConflictQuestion) => askConflict({ ...question, id: byRecord.get(question.id)?.[0] ?? question.id }, list);
      const summary = await this.transferRecords(list, ids, () => records, relay, ask, lang, options);
      for (const key of Object.keys(total) as (keyof TransferSummary)[]) total[key] += summary[key];
    }
    return total;
  }

  private async transferRecords(
    list: ListId,
    ids: string[],
    records: () => unknown[],
    onEvent: (event: TransferEvent) => void,
    askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>,
    lang: Lang,
    options: TransferOptions,
  ): Promise<TransferSummary> {
    this.cancelling = false;
    // One transfer at a time into the company, whoever starts it; a dry run writes nothing and needs none.
    let lease: HeldLease | undefined;
    if (!options.dryRun) {
      try {
        lease = await holdLease(this.require('administration'), kindOf(list).name, {
          waitMs: options.waitMs ?? 0,
          onWaiting: options.onWaiting,
          onTakeover: (from) =>
            onEvent({ type: 'log', level: 'warn', message: translator(lang)('lease.tookOver', leaseWords(from, translator(lang))) }),
          cancelled: () => this.cancelling,
        });
      } catch (error) {
        if (!(error instanceof LeaseHeldError) || !this.cancelling) throw error;
        // Cancelled while waiting: nothing was tried.
        for (const id of ids) onEvent({ type: 'status', id, status: { kind: 'skipped', reason: 'cancelled' } });
        return { transferred: 0, updated: 0, skipped: 0, failed: 0, cancelled: ids.length };
      }
    }
    try {
      return await this.runHeld(list, records(), onEvent, askConflict, lang, options, lease);
    } finally {
      await lease?.release();
    }
  }

  private async runHeld(
    list: ListId,
    records: unknown[],
    onEvent: (event: TransferEvent) => void,
    askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>,
    lang: Lang,
    options: TransferOptions,
    lease: HeldLease | undefined,
  ): Promise<TransferSummary> {
    // A record the run changed replaces the loaded one, and is told after its row's result, so the row
    // shows both (the invoice's new Severa status beside the number it got in Administration).
    const changed = new Map<string, unknown>();
    let stopped = false;
    const relay = (event: TransferEvent) => {
      // Another run took the lease over (this one stopped renewing it): finish the rows in flight and stop.
      if (lease?.lost && !stopped) {
        stopped = true;
        this.run?.cancel();
        onEvent({ type: 'log', level: 'error', message: translator(lang)('lease.lost') });
      }
      if (event.type === 'record') {
        this.records.replace(list, event.id, event.record);
        changed.set(event.id, event.record);
        return;
      }
      onEvent(event);
      const record = event.type === 'status' ? changed.get(event.id) : undefined;
      if (record !== undefined && event.type === 'status' && event.status.kind !== 'running') {
        changed.delete(event.id);
        onEvent({ type: 'record', id: event.id, record });
      }
    };
    const run = await kindOf(list).run(this.context(), records, {
      onEvent: relay,
      askConflict,
      lang,
      dryRun: options.dryRun,
    });
    this.run = run;
    try {
      return await run.run();
    } finally {
      this.run = undefined;
    }
  }

  /** What loading and transferring need, as the session holds it now. */
  private context(): KindContext {
    return {
      ledger: this.options.ledger,
      severa: () => this.require('severa'),
      administration: () => this.require('administration'),
      settings: this.settings,
      mappings: this.mappings,
      concurrency: this.options.concurrency,
      clock: this.clock,
      invoiceStatuses: async () => (this.statuses.length ? this.statuses : this.invoiceStatuses()),
    };
  }

  cancel(): void {
    this.cancelling = true;
    this.run?.cancel();
  }

  private require(side: 'severa'): SeveraClient;
  private require(side: 'administration'): AdministrationPort;
  private require(side: 'severa' | 'administration'): SeveraClient | AdministrationPort {
    const value = side === 'severa' ? this.options.severa : this.options.administration;
    if (!value)
      throw new Error(
        `${side === 'severa' ? 'Severa' : 'Administration'} is not connected: ${(side === 'severa' ? this.options.severaProblem : this.options.administrationProblem) ?? 'not configured'}`,
      );
    return value;
  }
}
