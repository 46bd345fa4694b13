import type { DefaultDates } from '../clock.js';
import type { Lang } from '../i18n/index.js';
import { kindOf, LIST_IDS, type ListId, listsOf, type LoadFilter, type Side, type StatusOption } from '../kinds/index.js';
import { type TabId, TABS } from './tabs.js';
import type { CompareKind } from '../services/compare/differences.js';
import type { SettingsView } from '../services/setup/settingsService.js';
import type { ConflictAnswer, ConflictView, RowStatus, TransferSummary } from '../services/transfer/engine.js';
import type { Connection } from '../session/connection.js';
import type { KeyPress } from './keymap.js';
import * as L from './list.js';
import { emptySettings, type SettingsEffect, type SettingsScreenState } from './settings.js';

export type { Connection, ListId, LoadFilter, Side, StatusOption };

export { type TabId, TABS } from './tabs.js';

/** A table on screen: a kind's list, or the history (a screen of its own, read only). */
/** The kinds' lists, the history, and the compare's differences. */
export type TableId = ListId | 'history' | 'compare';
const TABLE_IDS: readonly TableId[] = [...LIST_IDS, 'history', 'compare'];

/** The Compare tab's filters beside the text filter: one kind, and what sets a difference right. */
export type CompareFix = 'all' | 'fixable' | 'byHand';
export interface CompareFilters {
  kind: CompareKind | undefined;
  fix: CompareFix;
}

/** The tags a difference's row carries, and the filters pick by: its kind, and whether a transfer can fix it. */
export const kindTag = (kind: CompareKind) => `kind:${kind}`;
export const FIX_TAGS: Record<Exclude<CompareFix, 'all'>, string> = { fixable: 'fix:transfer', byHand: 'fix:hand' };

/** The tags a row must carry to show under these filters. */
export function compareOnly(filters: CompareFilters): string[] {
  return [...(filters.kind ? [kindTag(filters.kind)] : []), ...(filters.fix === 'all' ? [] : [FIX_TAGS[filters.fix]])];
}

export interface ConflictPrompt {
  id: string;
  view: ConflictView;
  remaining: number;
  choice: 'update' | 'skip';
  applyToRemaining: boolean;
  source: Side;
}

export type Overlay =
  | { kind: 'none' }
  | { kind: 'help' }
  | { kind: 'palette'; query: string; cursor: number }
  | { kind: 'detail' }
  | { kind: 'confirmQuit' }
  | { kind: 'confirmCancel' }
  | { kind: 'picker'; purpose: 'status' | 'afterStatus'; cursor: number };

export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  text: string;
}

/** What the reducer asks of the world; the app carries it out and answers with actions. */
export type Effect =
  | { type: 'connect' }
  | { type: 'loadStatuses' }
  | { type: 'load'; list: ListId; filter: LoadFilter }
  | { type: 'loadHistory'; since: string }
  | { type: 'remember'; afterStatus: string | undefined }
  | { type: 'transfer'; list: ListId; ids: string[] }
  /** Compare both sides (reads only), differences changed since the date. */
  | { type: 'loadCompare'; since: string }
  /** Set the chosen differences right, each with the transfer that fixes it. */
  | { type: 'fixDifferences'; ids: string[] }
  | { type: 'answerConflict'; answer: ConflictAnswer }
  | { type: 'cancelTransfer' }
  | SettingsEffect;

export interface AppState {
  lang: Lang;
  demo: boolean;
  /** The profile in use, shown in the status bar. */
  profile: string | undefined;
  tab: TabId;
  side: Side;
  tables: Record<TableId, L.ListState>;
  /** Each table's changed-since (or From) date. */
  since: Record<TableId, string>;
  /** The To date of ranged lists (supplier invoices). */
  until: string;
  /** The dates the filters started on (from the one clock; on the demo, from its day). */
  defaults: DefaultDates;
  invoiceStatuses: StatusOption[];
  /** The status whose invoices the Invoices tab lists. */
  invoiceStatus: string | undefined;
  /** Status name set in Severa after an invoice is booked, or none. */
  afterStatus: string | undefined;
  /** Status name the Invoices tab starts on (from the settings). */
  statusToTransfer: string | undefined;
  focus: 'list' | 'filter' | 'since' | 'until';
  /** The date being typed (changed-since, From or To) and why it was refused. */
  dateDraft: string;
  /** The caret in the filter, date or palette field being typed in, counted from the end of its text. */
  caretBack: number;
  /** The field just opened, its date shown whole: what is typed or pasted replaces it. */
  dateFresh: boolean;
  dateError: string | undefined;
  overlay: Overlay;
  conflict: ConflictPrompt | undefined;
  /** The running transfer: a list's, or the compare's fixes. */
  transfer: { list: ListId | 'compare'; done: number; total: number } | undefined;
  compare: CompareFilters;
  notice: string | undefined;
  log: LogEntry[];
  logOpen: boolean;
  connections: Record<Side, Connection>;
  settings: SettingsScreenState;
  size: { columns: number; rows: number };
  effects: Effect[];
  quit: boolean;
}

/** `at`: when it happened (the one clock's milliseconds), stamped by the app as it dispatches. */
export type Action = ActionOf & { at?: number };

type ActionOf =
  | { type: 'key'; input: string; key: KeyPress }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'loaded'; table: TableId; filter?: LoadFilter; rows: L.Row[]; banner?: string; statuses?: [string, RowStatus][] }
  | { type: 'invoiceStatuses'; statuses: StatusOption[] }
  | { type: 'loadFailed'; table: TableId; error: string }
  | { type: 'statuses'; list: ListId | 'compare'; updates: [string, RowStatus][] }
  /** A page of a list still loading: shown at once (the first in place of the rows shown before), the whole list follows as 'loaded'. */
  | { type: 'loadedPage'; table: TableId; rows: L.Row[]; first: boolean }
  | { type: 'recordChanged'; list: ListId; id: string; record: unknown }
  /** Something the user must see now (waiting for another run's lease), on the bottom line and in the log. */
  | { type: 'notice'; text: string }
  /** What the compare is reading now, under its header while it loads. */
  | { type: 'compareProgress'; text: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'transferStarted'; list: ListId | 'compare'; total: number }
  | { type: 'transferFinished'; summary: TransferSummary }
  | { type: 'conflict'; id: string; view: ConflictView; remaining: number; source: Side }
  | { type: 'log'; level: LogEntry['level']; text: string }
  | { type: 'connection'; side: Side; connection: Connection }
  | { type: 'effectsTaken'; count: number }
  | { type: 'settingsView'; view: SettingsView; loading: boolean }
  | { type: 'settingSaved'; view: SettingsView; label: string; reconnecting: boolean }
  | { type: 'settingRefused'; error: string }
  | { type: 'reconnected' };

export const LOG_HEIGHT = 6;

/** The Compare tab's first "changed since": far enough back to mean everything. */
export const COMPARE_SINCE = '2000-01-01';

/** Rows the table body gets: the reducer and the screen must agree on it. */
export function tableHeight(state: Pick<AppState, 'size' | 'logOpen'>): number {
  // tab bar, list header line, column header, two status lines; the log panel and its title when open
  const chrome = 5 + (state.logOpen ? LOG_HEIGHT + 1 : 0);
  return Math.max(3, state.size.rows - chrome);
}

const everyTable = <T>(value: (id: TableId) => T) => Object.fromEntries(TABLE_IDS.map((id) => [id, value(id)])) as Record<TableId, T>;

export function initialState(options: {
  lang: Lang;
  demo: boolean;
  columns: number;
  rows: number;
  dates: DefaultDates;
  afterStatus?: string;
  statusToTransfer?: string;
  profile?: string;
  tab?: TabId;
  setup?: boolean;
}): AppState {
  const tab = options.tab ?? TABS[0]!;
  return {
    lang: options.lang,
    demo: options.demo,
    profile: options.profile,
    tab,
    side: 'severa',
    tables: everyTable(() => L.emptyList()),
    // The compare looks at everything unless told a date: a customer only in Severa may have changed years ago.
    since: everyTable((id) => (id === 'compare' ? COMPARE_SINCE : options.dates.since)),
    until: options.dates.until,
    defaults: options.dates,
    invoiceStatuses: [],
    invoiceStatus: undefined,
    afterStatus: options.afterStatus,
    statusToTransfer: options.statusToTransfer,
    focus: 'list',
    dateDraft: options.dates.since,
    caretBack: 0,
    dateFresh: false,
    dateError: undefined,
    overlay: { kind: 'none' },
    conflict: undefined,
    transfer: undefined,
    compare: { kind: undefined, fix: 'all' },
    notice: undefined,
    log: [],
    logOpen: false,
    connections: { severa: { state: 'connecting' }, administration: { state: 'connecting' } },
    settings: emptySettings(options.setup),
    size: { columns: options.columns, rows: options.rows },
    // Both sides connect first; the lists load as each side is there (see results.ts).
    effects: [{ type: 'connect' }, ...(tab === 'settings' ? [{ type: 'loadSettings' } as const] : [])],
    quit: false,
  };
}

/** The kind's list on this tab (on Customers, the side's); none on History and Settings. */
export function activeList(state: Pick<AppState, 'tab' | 'side'>): ListId | undefined {
  if (state.tab === 'history' || state.tab === 'settings' || state.tab === 'compare') return undefined;
  const lists = listsOf(state.tab);
  return lists.find((id) => kindOf(id).source === state.side) ?? lists[0];
}

/** The table on screen: the tab's list or the history; none on Settings. */
export function tableInView(state: Pick<AppState, 'tab' | 'side'>): TableId | undefined {
  return state.tab === 'history' || state.tab === 'compare' ? state.tab : activeList(state);
}

export function withTable(state: AppState, id: TableId, update: (l: L.ListState) => L.ListState): AppState {
  return { ...state, tables: { ...state.tables, [id]: update(state.tables[id]) } };
}

/** What a list loads with: its dates, or the chosen invoice status. */
export function loadFilter(state: AppState, list: ListId): LoadFilter {
  const { filter } = kindOf(list);
  return {
    since: state.since[list],
    until: filter === 'range' ? state.until : undefined,
    statusGuid: filter === 'status' ? state.invoiceStatus : undefined,
  };
}

/** Loading a table: a list with its filter (invoices once a status is chosen), or the history. */
export function loadEffect(state: AppState, id: TableId): Effect[] {
  if (id === 'history') return [{ type: 'loadHistory', since: state.since.history }];
  if (id === 'compare') return [{ type: 'loadCompare', since: state.since.compare }];
  if (kindOf(id).filter === 'status' && !state.invoiceStatus) return [];
  return [{ type: 'load', list: id, filter: loadFilter(state, id) }];
}

/** Asks for these effects; a table asked to load is marked loading at once, so nothing asks for it twice meanwhile. */
export function addEffects(state: AppState, ...effects: Effect[]): AppState {
  if (!effects.length) return state;
  const tables = { ...state.tables };
  for (const e of effects) {
    const id = e.type === 'load' ? e.list : e.type === 'loadHistory' ? 'history' : e.type === 'loadCompare' ? 'compare' : undefined;
    if (id) tables[id] = { ...tables[id], loading: true, error: undefined };
  }
  return { ...state, tables, effects: [...state.effects, ...effects] };
}
