import { type Lang, translator } from './i18n/index.js';
import { AdministrationError } from './services/administration/errors.js';
import type { AdmCustomer } from './services/administration/models.js';
import { TransferRefusal } from './services/transfer/refusal.js';
import type { AdministrationPort } from './services/administration/port.js';
import { collect, type SeveraClient, type SeveraEvent } from './services/severa/index.js';
import type { CustomerModel } from './services/severa/schemas/index.js';
import type { SeveraReferenceData } from './services/transfer/customerMapping.js';
import { customersToAdministration, customersToSevera } from './services/transfer/customerSteps.js';
import { type ConflictAnswer, type ConflictQuestion, type TransferEvent, TransferRun, type TransferSummary } from './services/transfer/engine.js';
import type { Ledger } from './services/transfer/ledger.js';
import type { CustomerMappings } from './services/transfer/mappings.js';
import type { Connection, ListId } from './state/app.js';
import { makeRow, type Row } from './state/list.js';

export interface SessionOptions {
  severa: SeveraClient | undefined;
  /** Why there is no Severa client (configuration), when there is none. */
  severaProblem?: string;
  administration: AdministrationPort | undefined;
  administrationProblem?: string;
  ledger: Ledger;
  mappings: CustomerMappings;
  concurrency?: number;
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
const reason = (error: unknown) => {
  const e = error as { short?: string; message?: string };
  return e?.short ?? e?.message ?? String(error);
};

/**
 * The services behind the screens: connections, the loaded records and transfers. No React here; the
 * app calls it from effects and gets results back as values and events.
 */
export class Session {
  private severaCustomers = new Map<string, CustomerModel>();
  private administrationCustomers = new Map<string, AdmCustomer>();
  private run: TransferRun<unknown, unknown> | undefined;
  private logListeners = new Set<(level: 'info' | 'warn' | 'error', text: string) => void>();

  constructor(private readonly options: SessionOptions) {}

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

  /** Every field of a loaded record, for the details view. */
  details(list: ListId, id: string): [string, string][] {
    const record: object | undefined = list === 'severaCustomers' ? this.severaCustomers.get(id) : this.administrationCustomers.get(id);
    if (!record) return [];
    return Object.entries(record)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [k, typeof v === 'object' ? flat(v) : String(v)]);
  }

  async connectSevera(): Promise<Connection> {
    const { severa, severaProblem } = this.options;
    if (!severa) return { state: 'disconnected', reason: severaProblem ?? 'not configured' };
    try {
      const organization = await severa.organizationDetails();
      return { state: 'connected', name: organization.name ?? '?' };
    } catch (error) {
      return { state: 'disconnected', reason: reason(error) };
    }
  }

  async connectAdministration(): Promise<Connection> {
    const { administration, administrationProblem } = this.options;
    if (!administration) return { state: 'disconnected', reason: administrationProblem ?? 'not configured' };
    try {
      const info = await administration.companyInfo();
      return { state: 'connected', name: `${info.name} (${info.variant})` };
    } catch (error) {
      return { state: 'disconnected', reason: reason(error) };
    }
  }

  /** Loads one list, changed since a date (YYYY-MM-DD, local midnight). */
  async load(list: ListId, since: string, onPage?: (rows: Row[]) => void): Promise<Row[]> {
    const changedSince = new Date(`${since}T00:00:00`).toISOString();
    if (list === 'severaCustomers') {
      const severa = this.require('severa');
      const rows: Row[] = [];
      this.severaCustomers = new Map();
      for await (const page of severa.customers({ changedSince })) {
        for (const c of page) {
          this.severaCustomers.set(c.guid, c);
          rows.push(makeRow(c.guid, [String(c.number ?? ''), c.name, c.headquarterAddress?.city ?? '', c.email ?? '', day(c.lastUpdatedDateTime)]));
        }
        onPage?.([...rows]);
      }
      return rows;
    }
    const administration = this.require('administration');
    const customers = await administration.listCustomers({ changedSince });
    this.administrationCustomers = new Map(customers.map((c) => [c.number, c]));
    return customers.map((c) => makeRow(c.number, [c.number, c.name, c.city ?? '', c.email ?? '', day(c.timestamp)]));
  }

  /** Transfers the chosen rows of a list to the other side, through the engine and the ledger. */
  async transfer(
    list: ListId,
    ids: string[],
    onEvent: (event: TransferEvent) => void,
    askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>,
    lang: Lang = 'en',
  ): Promise<TransferSummary> {
    const { ledger, mappings } = this.options;
    const t = translator(lang);
    // Errors in the user's language: refusals from the catalogue, ADK errors in their own two languages.
    const describeError = (error: unknown) => {
      const e = error as { short?: string; message?: string; mayHaveBeenApplied?: boolean };
      let message = e?.short ?? e?.message ?? String(error);
      if (error instanceof TransferRefusal && error.reason) message = t(error.reason.key, error.reason.params);
      else if (error instanceof AdministrationError) message = error.text(lang);
      return { message, detail: error instanceof AdministrationError ? error.text(lang) : (e?.message ?? message), mayHaveBeenApplied: Boolean(e?.mayHaveBeenApplied) };
    };
    const concurrency = this.options.concurrency;
    let run: TransferRun<unknown, unknown>;
    if (list === 'severaCustomers') {
      const administration = this.require('administration');
      const items = ids.map((id) => this.severaCustomers.get(id)).filter((c): c is CustomerModel => Boolean(c));
      const existing = new Set((await administration.listCustomers()).map((c) => c.number));
      run = new TransferRun({ items, step: customersToAdministration(administration, mappings, existing), ledger, concurrency, onEvent, askConflict, describeError }) as TransferRun<unknown, unknown>;
    } else {
      const severa = this.require('severa');
      const items = ids.map((id) => this.administrationCustomers.get(id)).filter((c): c is AdmCustomer => Boolean(c));
      const all = await collect(severa.customers());
      const ref: SeveraReferenceData = {
        currencies: await severa.currencies(),
        languages: [...new Map(all.flatMap((c) => (c.language?.guid && c.language.code ? [[c.language.code, { guid: c.language.guid, code: c.language.code }] as const] : []))).values()],
      };
      const existing = new Set(all.map((c) => String(c.number)));
      run = new TransferRun({ items, step: customersToSevera(severa, mappings, ref, existing), ledger, concurrency, onEvent, askConflict, describeError }) as TransferRun<unknown, unknown>;
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
