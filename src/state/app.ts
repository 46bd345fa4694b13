import { statusNamed } from '../services/transfer/statuses.js';
import { type Lang, translator } from '../i18n/index.js';
import type { ConflictAnswer, ConflictView, RowStatus, TransferSummary } from '../services/transfer/engine.js';
import { type DefaultDates, isIsoDate } from '../clock.js';
import { type Command, commandFor, KEYMAP, type KeyPress } from './keymap.js';
import * as L from './list.js';
import type { SettingsView } from '../services/setup/settingsService.js';
import {
  afterSave,
  emptySettings,
  onSettingsKey,
  openNextEmpty,
  type SettingsEffect,
  type SettingsScreenState,
  settle,
} from './settings.js';
import { settingsRows } from './settingsRows.js';

export type TabId = 'customers' | 'projects' | 'invoices' | 'supplierInvoices' | 'payments' | 'history' | 'settings';
export const TABS: TabId[] = ['customers', 'projects', 'invoices', 'supplierInvoices', 'payments', 'history', 'settings'];
export type Side = 'severa' | 'administration';
export type ListId =
  'severaCustomers' | 'administrationCustomers' | 'severaProjects' | 'severaInvoices' | 'supplierInvoices' | 'payments' | 'history';
export const LIST_IDS: ListId[] = [
  'severaCustomers',
  'administrationCustomers',
  'severaProjects',
  'severaInvoices',
  'supplierInvoices',
  'payments',
  'history',
];
export const LIST_OF_SIDE: Record<Side, ListId> = { severa: 'severaCustomers', administration: 'administrationCustomers' };
/** Where each list's records come from; they go to the other side. */
export const SOURCE_OF: Record<ListId, Side> = {
  severaCustomers: 'severa',
  administrationCustomers: 'administration',
  severaProjects: 'severa',
  severaInvoices: 'severa',
  supplierInvoices: 'administration',
  payments: 'administration',
  // The history is read from the local ledger; it is never transferred.
  history: 'administration',
};
/** Lists filtered by a from/to range rather than a changed-since date. */
const RANGED: ListId[] = ['supplierInvoices'];

export interface StatusOption {
  guid: string;
  name: string;
}

/** What a list is loaded with. */
export interface LoadFilter {
  since: string;
  until?: string;
  statusGuid?: string;
}

export interface Connection {
  state: 'connecting' | 'connected' | 'disconnected';
  name?: string;
  reason?: string;
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

export type Effect =
  | { type: 'load'; list: ListId; filter: LoadFilter }
  | { type: 'remember'; afterStatus: string | undefined }
  | { type: 'transfer'; list: ListId; ids: string[] }
  | { type: 'answerConflict'; answer: ConflictAnswer }
  | { type: 'cancelTransfer' }
  | SettingsEffect;

export interface AppState {
  lang: Lang;
  demo: boolean;
  /** The profile in use, shown in the tab bar. */
  profile: string | undefined;
  tab: TabId;
  side: Side;
  lists: Record<ListId, L.ListState>;
  since: Record<ListId, string>;
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
  dateDraft: string;
  dateError: string | undefined;
  overlay: Overlay;
  conflict: ConflictPrompt | undefined;
  transfer: { list: ListId; done: number; total: number } | undefined;
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
  | { type: 'loading'; list: ListId }
  | { type: 'loaded'; list: ListId; filter?: LoadFilter; rows: L.Row[]; banner?: string; statuses?: [string, RowStatus][] }
  | { type: 'invoiceStatuses'; statuses: StatusOption[] }
  | { type: 'loadFailed'; list: ListId; error: string }
  | { type: 'status'; list: ListId; id: string; status: RowStatus }
  | { type: 'progress'; done: number; total: number }
  | { type: 'transferStarted'; list: ListId; total: number }
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
const MAX_LOG = 500;

/** Rows the table body gets: the reducer and the screen must agree on it. */
export function tableHeight(state: Pick<AppState, 'size' | 'logOpen'>): number {
  // tab bar, list header line, column header, two status lines; the log panel and its title when open
  const chrome = 5 + (state.logOpen ? LOG_HEIGHT + 1 : 0);
  return Math.max(3, state.size.rows - chrome);
}

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
  const since = options.dates.since;
  const lists = Object.fromEntries(LIST_IDS.map((id) => [id, L.emptyList()])) as Record<ListId, L.ListState>;
  return {
    lang: options.lang,
    demo: options.demo,
    profile: options.profile,
    tab: options.tab ?? 'customers',
    side: 'severa',
    lists,
    since: Object.fromEntries(LIST_IDS.map((id) => [id, since])) as Record<ListId, string>,
    until: options.dates.until,
    defaults: options.dates,
    invoiceStatuses: [],
    invoiceStatus: undefined,
    afterStatus: options.afterStatus,
    statusToTransfer: options.statusToTransfer,
    focus: 'list',
    dateDraft: since,
    dateError: undefined,
    overlay: { kind: 'none' },
    conflict: undefined,
    transfer: undefined,
    notice: undefined,
    log: [],
    logOpen: false,
    connections: { severa: { state: 'connecting' }, administration: { state: 'connecting' } },
    settings: emptySettings(options.setup),
    size: { columns: options.columns, rows: options.rows },
    effects: [],
    quit: false,
  };
}

export function activeList(state: Pick<AppState, 'tab' | 'side'>): ListId {
  switch (state.tab) {
    case 'customers':
      return LIST_OF_SIDE[state.side];
    case 'projects':
      return 'severaProjects';
    case 'invoices':
      return 'severaInvoices';
    case 'supplierInvoices':
      return 'supplierInvoices';
    case 'payments':
      return 'payments';
    case 'history':
    // falls through: the settings screen has no list; the history's stands in where one is asked for.
    case 'settings':
      return 'history';
  }
}

export function loadFilter(state: AppState, list: ListId): LoadFilter {
  return {
    since: state.since[list],
    until: RANGED.includes(list) ? state.until : undefined,
    statusGuid: list === 'severaInvoices' ? state.invoiceStatus : undefined,
  };
}

function loadEffect(state: AppState, list: ListId): Effect[] {
  if (list === 'severaInvoices' && !state.invoiceStatus) return [];
  return [{ type: 'load', list, filter: loadFilter(state, list) }];
}

function withList(state: AppState, id: ListId, update: (l: L.ListState) => L.ListState): AppState {
  return { ...state, lists: { ...state.lists, [id]: update(state.lists[id]) } };
}

function addLog(state: AppState, level: LogEntry['level'], text: string, at?: number): AppState {
  const time = at === undefined ? '' : new Date(at).toTimeString().slice(0, 8);
  const log = [...state.log, { time, level, text }];
  return { ...state, log: log.length > MAX_LOG ? log.slice(-MAX_LOG) : log };
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key':
      // Several printable keys in one chunk (fast typing, tmux) arrive as one input: replay them one by one.
      if (
        action.input.length > 1 &&
        !action.key.ctrl &&
        !action.key.meta &&
        !action.input.startsWith('[') &&
        !action.input.startsWith('\x1b')
      ) {
        // A pasted line may end with Enter: that one is a key of its own.
        return [...action.input].reduce(
          (s, ch) =>
            ch === '\r' || ch === '\n'
              ? onKey(s, '', { return: true })
              : onKey(s, ch, { ...action.key, return: false, shift: /[A-ZÅÄÖ]/.test(ch) }),
          state,
        );
      }
      return onKey(state, action.input, action.key);
    case 'resize': {
      const next = { ...state, size: { columns: action.columns, rows: action.rows } };
      const h = tableHeight(next);
      return {
        ...next,
        lists: Object.fromEntries(LIST_IDS.map((id) => [id, L.moveCursor(next.lists[id], 0, h)])) as Record<ListId, L.ListState>,
      };
    }
    case 'invoiceStatuses': {
      // The Invoices tab starts on the status the settings name as "to transfer".
      const preset = state.invoiceStatus ? undefined : statusNamed(action.statuses, state.statusToTransfer)?.guid;
      const next = { ...state, invoiceStatuses: action.statuses, invoiceStatus: state.invoiceStatus ?? preset };
      return preset && state.tab === 'invoices' ? { ...next, effects: [...next.effects, ...loadEffect(next, 'severaInvoices')] } : next;
    }
    case 'loading':
      return withList(state, action.list, (l) => ({ ...l, loading: true, error: undefined }));
    case 'loaded':
      return addLog(
        withList(state, action.list, (l) => ({
          ...L.setRows(l, action.rows, tableHeight(state)),
          banner: action.banner,
          statuses: new Map(action.statuses ?? []),
          loadedWith: action.filter ?? l.loadedWith,
        })),
        'info',
        translator(state.lang)('log.loaded', { list: listName(state, action.list), count: action.rows.length }),
        action.at,
      );
    case 'loadFailed':
      return addLog(
        withList(state, action.list, (l) => ({ ...l, loading: false, error: action.error })),
        'error',
        translator(state.lang)('log.loadFailed', { list: listName(state, action.list), error: action.error }),
        action.at,
      );
    case 'status':
      return withList(state, action.list, (l) => L.setStatus(l, action.id, action.status));
    case 'progress':
      return state.transfer ? { ...state, transfer: { ...state.transfer, done: action.done, total: action.total } } : state;
    case 'transferStarted':
      return { ...state, transfer: { list: action.list, done: 0, total: action.total }, notice: undefined };
    case 'transferFinished': {
      const t = translator(state.lang);
      const s = action.summary;
      const text = t('transfer.summary', {
        ...s,
        cancelled: s.cancelled ? t('transfer.summaryCancelled', { cancelled: s.cancelled }) : '',
      });
      return addLog(
        { ...state, transfer: undefined, notice: text, overlay: state.overlay.kind === 'confirmCancel' ? { kind: 'none' } : state.overlay },
        'info',
        text,
        action.at,
      );
    }
    case 'conflict':
      return {
        ...state,
        conflict: {
          id: action.id,
          view: action.view,
          remaining: action.remaining,
          choice: 'update',
          applyToRemaining: false,
          source: action.source,
        },
      };
    case 'log':
      return addLog(state, action.level, action.text, action.at);
    case 'connection': {
      const next = { ...state, connections: { ...state.connections, [action.side]: action.connection } };
      // A tab opened while its side was still connecting loads once the side is there.
      const id = activeList(next);
      if (state.tab === 'customers' || SOURCE_OF[id] !== action.side || action.connection.state !== 'connected') return next;
      return openTab(next, next.tab);
    }
    case 'effectsTaken':
      return { ...state, effects: state.effects.slice(action.count) };
    case 'settingsView': {
      const rows = settingsRows(action.view, translator(state.lang), action.loading);
      const next = { ...state.settings, view: action.view, loading: action.loading };
      // The wizard starts by asking for the first thing missing.
      const first = state.settings.setup && !state.settings.view;
      return { ...state, settings: first ? openNextEmpty(next, rows, -1, tableHeight(state)) : settle(next, rows, tableHeight(state)) };
    }
    case 'settingSaved': {
      const t = translator(state.lang);
      const text = t(action.reconnecting ? 'settings.savedReconnect' : 'settings.saved', { label: action.label });
      // The lists and tests fetched before still hold unless the connection changed.
      const before = state.settings.view;
      const view =
        action.reconnecting || !before
          ? action.view
          : { ...action.view, choices: before.choices, severaTest: before.severaTest, administrationTest: before.administrationTest };
      const settings = afterSave(state.settings, view, text, t, tableHeight(state), action.reconnecting);
      const s = action.view.settings;
      // The Invoices tab follows the saved statuses.
      return addLog(
        { ...state, settings, afterStatus: s.afterTransferStatus, statusToTransfer: s.invoiceStatusToTransfer },
        'info',
        text,
        action.at,
      );
    }
    case 'settingRefused':
      return addLog(
        { ...state, settings: { ...state.settings, saving: false, message: { text: action.error, error: true } } },
        'error',
        action.error,
        action.at,
      );
    case 'reconnected': {
      // What was loaded came from the old connection.
      const lists = Object.fromEntries(LIST_IDS.map((id) => [id, id === 'history' ? state.lists.history : L.emptyList()])) as Record<
        ListId,
        L.ListState
      >;
      return {
        ...state,
        lists,
        invoiceStatuses: [],
        invoiceStatus: undefined,
        connections: { severa: { state: 'connecting' }, administration: { state: 'connecting' } },
      };
    }
  }
}

const LIST_TITLE = {
  severaCustomers: 'side.severa',
  administrationCustomers: 'side.administration',
  severaProjects: 'list.severaProjects',
  severaInvoices: 'list.severaInvoices',
  supplierInvoices: 'list.supplierInvoices',
  payments: 'list.payments',
  history: 'list.history',
} as const;

export function listName(state: Pick<AppState, 'lang'>, id: ListId): string {
  return translator(state.lang)(LIST_TITLE[id]);
}

const printable = (input: string, key: KeyPress) => input.length === 1 && !key.ctrl && !key.meta && input >= ' ';
const isBackspace = (key: KeyPress) => Boolean(key.backspace || key.delete);

function onKey(state: AppState, input: string, key: KeyPress): AppState {
  // Ctrl+C works wherever focus is; during a conflict it skips the rest and stops the run.
  if (key.ctrl && input === 'c') {
    if (state.conflict) {
      return {
        ...state,
        conflict: undefined,
        quit: true,
        effects: [
          ...state.effects,
          { type: 'answerConflict', answer: { decision: 'skip', applyToRemaining: true } },
          { type: 'cancelTransfer' },
        ],
      };
    }
    return runCommand({ ...state, focus: 'list', overlay: { kind: 'none' } }, 'quit');
  }
  if (state.conflict) return onConflictKey(state, input, key);
  if (state.tab === 'settings' && state.overlay.kind === 'none') {
    const result = onSettingsKey(state.settings, input, key, translator(state.lang), tableHeight(state));
    if (result.handled)
      return { ...state, settings: result.state, effects: result.effect ? [...state.effects, result.effect] : state.effects };
    // Only the app-wide commands reach past the settings screen.
    const command = commandFor(input, key);
    return command && GLOBAL_COMMANDS.includes(command) ? runCommand(state, command) : state;
  }
  switch (state.overlay.kind) {
    case 'confirmQuit':
      if (['y', 'j'].includes(input.toLowerCase()))
        return { ...state, quit: true, effects: [...state.effects, { type: 'cancelTransfer' }] };
      return key.escape || input.toLowerCase() === 'n' ? { ...state, overlay: { kind: 'none' } } : state;
    case 'confirmCancel':
      if (['y', 'j'].includes(input.toLowerCase()))
        return { ...state, overlay: { kind: 'none' }, effects: [...state.effects, { type: 'cancelTransfer' }] };
      return key.escape || input.toLowerCase() === 'n' ? { ...state, overlay: { kind: 'none' } } : state;
    case 'help':
      return key.escape || input === '?' ? { ...state, overlay: { kind: 'none' } } : state;
    case 'detail':
      return key.escape || key.return ? { ...state, overlay: { kind: 'none' } } : state;
    case 'palette':
      return onPaletteKey(state, state.overlay, input, key);
    case 'picker':
      return onPickerKey(state, state.overlay, key);
    case 'none':
      break;
  }
  if (state.focus === 'filter') {
    const id = activeList(state);
    const h = tableHeight(state);
    if (key.escape) return withList({ ...state, focus: 'list' }, id, (l) => L.setFilter(l, '', h));
    if (key.return) return { ...state, focus: 'list' };
    if (isBackspace(key)) return withList(state, id, (l) => L.setFilter(l, l.filter.slice(0, -1), h));
    if (printable(input, key)) return withList(state, id, (l) => L.setFilter(l, l.filter + input, h));
    return state;
  }
  if (state.focus === 'since' || state.focus === 'until') {
    const id = activeList(state);
    const t = translator(state.lang);
    const editingUntil = state.focus === 'until';
    if (key.escape) return { ...state, focus: 'list', dateDraft: editingUntil ? state.until : state.since[id], dateError: undefined };
    if (key.return) {
      if (!isIsoDate(state.dateDraft)) return { ...state, dateError: t('date.invalid', { example: state.defaults.since }) };
      const from = editingUntil ? state.since[id] : state.dateDraft;
      const to = editingUntil ? state.dateDraft : state.until;
      if (RANGED.includes(id) && from > to) return { ...state, dateError: t('date.fromAfterTo', { from, to }) };
      const next: AppState = editingUntil
        ? { ...state, focus: 'list', dateError: undefined, until: state.dateDraft }
        : { ...state, focus: 'list', dateError: undefined, since: { ...state.since, [id]: state.dateDraft } };
      return { ...next, effects: [...state.effects, ...loadEffect(next, id)] };
    }
    if (isBackspace(key)) return { ...state, dateDraft: state.dateDraft.slice(0, -1), dateError: undefined };
    if (printable(input, key) && state.dateDraft.length < 10) return { ...state, dateDraft: state.dateDraft + input, dateError: undefined };
    return state;
  }
  const command = commandFor(input, key);
  return command ? runCommand(state, command) : state;
}

function onConflictKey(state: AppState, input: string, key: KeyPress): AppState {
  const c = state.conflict!;
  const answer = (decision: 'update' | 'skip', applyToRemaining: boolean): AppState => ({
    ...state,
    conflict: undefined,
    effects: [...state.effects, { type: 'answerConflict', answer: { decision, applyToRemaining } }],
  });
  if (key.leftArrow || key.rightArrow || key.tab)
    return { ...state, conflict: { ...c, choice: c.choice === 'update' ? 'skip' : 'update' } };
  if (input === ' ') return { ...state, conflict: { ...c, applyToRemaining: !c.applyToRemaining } };
  if (key.return) return answer(c.choice, c.applyToRemaining);
  if (input.toLowerCase() === 'u') return answer('update', c.applyToRemaining);
  if (input.toLowerCase() === 's') return answer('skip', c.applyToRemaining);
  if (key.escape) return answer('skip', false);
  return state;
}

export function paletteMatches(state: AppState, query: string) {
  const t = translator(state.lang);
  const q = query.trim().toLowerCase();
  return KEYMAP.filter((b) => !q || `${t(b.label)} ${b.command} ${b.display}`.toLowerCase().includes(q));
}

function onPickerKey(state: AppState, picker: { purpose: 'status' | 'afterStatus'; cursor: number }, key: KeyPress): AppState {
  // The after-transfer picker starts with "(none)".
  const options = pickerOptions(state, picker.purpose);
  if (key.escape) return { ...state, overlay: { kind: 'none' } };
  if (key.upArrow) return { ...state, overlay: { kind: 'picker', purpose: picker.purpose, cursor: Math.max(0, picker.cursor - 1) } };
  if (key.downArrow)
    return { ...state, overlay: { kind: 'picker', purpose: picker.purpose, cursor: Math.min(options.length - 1, picker.cursor + 1) } };
  if (!key.return) return state;
  const chosen = options[picker.cursor];
  const closed: AppState = { ...state, overlay: { kind: 'none' } };
  if (picker.purpose === 'afterStatus') {
    const afterStatus = chosen?.guid ? chosen.name : undefined;
    return { ...closed, afterStatus, effects: [...state.effects, { type: 'remember', afterStatus }] };
  }
  if (!chosen?.guid) return closed;
  const next: AppState = { ...closed, invoiceStatus: chosen.guid };
  return { ...next, effects: [...state.effects, ...loadEffect(next, 'severaInvoices')] };
}

export function pickerOptions(state: AppState, purpose: 'status' | 'afterStatus'): { guid: string | undefined; name: string }[] {
  const statuses = state.invoiceStatuses.map((s) => ({ guid: s.guid as string | undefined, name: s.name }));
  return purpose === 'afterStatus' ? [{ guid: undefined, name: translator(state.lang)('list.none') }, ...statuses] : statuses;
}

function onPaletteKey(state: AppState, palette: { query: string; cursor: number }, input: string, key: KeyPress): AppState {
  const matches = paletteMatches(state, palette.query);
  if (key.escape) return { ...state, overlay: { kind: 'none' } };
  if (key.upArrow) return { ...state, overlay: { ...palette, kind: 'palette', cursor: Math.max(0, palette.cursor - 1) } };
  if (key.downArrow)
    return { ...state, overlay: { ...palette, kind: 'palette', cursor: Math.min(matches.length - 1, palette.cursor + 1) } };
  if (key.return) {
    const chosen = matches[palette.cursor];
    const closed = { ...state, overlay: { kind: 'none' } as Overlay };
    return chosen ? runCommand(closed, chosen.command) : closed;
  }
  if (isBackspace(key)) return { ...state, overlay: { kind: 'palette', query: palette.query.slice(0, -1), cursor: 0 } };
  if (printable(input, key)) return { ...state, overlay: { kind: 'palette', query: palette.query + input, cursor: 0 } };
  return state;
}

const GLOBAL_COMMANDS: Command[] = [
  'tab1',
  'tab2',
  'tab3',
  'tab4',
  'tab5',
  'tab6',
  'tab7',
  'tabNext',
  'tabPrev',
  'log',
  'help',
  'palette',
  'quit',
];

/** Switching to a tab loads its list the first time (the Invoices tab once a status is chosen). */
function openTab(state: AppState, tab: TabId): AppState {
  const next = { ...state, tab, notice: undefined };
  if (tab === 'settings') {
    if (next.settings.view || next.settings.loading) return next;
    return { ...next, settings: { ...next.settings, loading: true }, effects: [...next.effects, { type: 'loadSettings' }] };
  }
  const id = activeList(next);
  const l = next.lists[id];
  if (l.rows.length || l.loading || l.error || (id !== 'history' && next.connections[SOURCE_OF[id]].state !== 'connected')) return next;
  return { ...next, effects: [...next.effects, ...loadEffect(next, id)] };
}

/** What a command does; keys and the palette both come here. */
export function runCommand(state: AppState, command: Command): AppState {
  const t = translator(state.lang);
  const id = activeList(state);
  const h = tableHeight(state);
  const list = (update: (l: L.ListState) => L.ListState) => withList({ ...state, notice: undefined }, id, update);
  switch (command) {
    case 'tab1':
    case 'tab2':
    case 'tab3':
    case 'tab4':
    case 'tab5':
    case 'tab6':
    case 'tab7':
      return openTab(state, TABS[Number(command.slice(3)) - 1]!);
    case 'tabNext':
    case 'tabPrev': {
      const step = command === 'tabNext' ? 1 : TABS.length - 1;
      return openTab(state, TABS[(TABS.indexOf(state.tab) + step) % TABS.length]!);
    }
    case 'pickStatus':
    case 'pickAfterStatus': {
      if (state.tab !== 'invoices') return state;
      const purpose = command === 'pickStatus' ? 'status' : 'afterStatus';
      const options = pickerOptions(state, purpose);
      const current =
        purpose === 'status'
          ? options.findIndex((o) => o.guid === state.invoiceStatus)
          : options.findIndex((o) => (o.guid ? o.name === state.afterStatus : !state.afterStatus));
      return { ...state, overlay: { kind: 'picker', purpose, cursor: Math.max(0, current) } };
    }
    case 'editUntil':
      return RANGED.includes(id) ? { ...state, focus: 'until', dateDraft: state.until, dateError: undefined } : state;
    case 'up':
      return list((l) => L.moveCursor(l, -1, h));
    case 'down':
      return list((l) => L.moveCursor(l, 1, h));
    case 'pageUp':
      return list((l) => L.moveCursor(l, -h, h));
    case 'pageDown':
      return list((l) => L.moveCursor(l, h, h));
    case 'home':
      return list((l) => L.moveCursor(l, 'home', h));
    case 'end':
      return list((l) => L.moveCursor(l, 'end', h));
    case 'toggle':
      return list(L.toggleRow);
    case 'selectAll':
      return list(L.selectAll);
    case 'range':
      return list(L.rangeMark);
    case 'extendUp':
      return list((l) => L.extend(l, -1, h));
    case 'extendDown':
      return list((l) => L.extend(l, 1, h));
    case 'details':
      return L.currentRow(state.lists[id]) ? { ...state, overlay: { kind: 'detail' } } : state;
    case 'refresh':
      if (id === 'severaInvoices' && !state.invoiceStatus) return { ...state, notice: t('list.pickStatusFirst') };
      return { ...state, effects: [...state.effects, ...loadEffect(state, id)] };
    case 'filter':
      return { ...state, focus: 'filter' };
    case 'editSince':
      return id === 'severaInvoices' ? state : { ...state, focus: 'since', dateDraft: state.since[id], dateError: undefined };
    case 'switchSide':
      return state.tab === 'customers' ? { ...state, side: state.side === 'severa' ? 'administration' : 'severa' } : state;
    case 'transfer': {
      if (id === 'history') return { ...state, notice: t('history.readOnly') };
      if (state.transfer) return { ...state, notice: t('transfer.busy') };
      const banner = state.lists[id].banner;
      if (banner) return { ...state, notice: banner };
      const target: Side = SOURCE_OF[id] === 'severa' ? 'administration' : 'severa';
      const conn = state.connections[target];
      if (conn.state !== 'connected')
        return { ...state, notice: t('transfer.unavailable', { side: t(`conn.${target}`), reason: conn.reason ?? conn.state }) };
      const l = state.lists[id];
      const ids = L.markedIds(l);
      if (ids.length === 0) return { ...state, notice: t('transfer.nothingSelected') };
      return { ...state, notice: undefined, effects: [...state.effects, { type: 'transfer', list: id, ids }] };
    }
    case 'log':
      return { ...state, logOpen: !state.logOpen };
    case 'help':
      return { ...state, overlay: { kind: 'help' } };
    case 'palette':
      return { ...state, overlay: { kind: 'palette', query: '', cursor: 0 } };
    case 'quit':
      return state.transfer ? { ...state, overlay: { kind: 'confirmQuit' } } : { ...state, quit: true };
    case 'back': {
      if (state.transfer) return { ...state, overlay: { kind: 'confirmCancel' } };
      const l = state.lists[id];
      if (l.anchor !== undefined) return withList(state, id, (x) => ({ ...x, anchor: undefined }));
      if (l.filter) return withList(state, id, (x) => L.setFilter(x, '', h));
      if (state.logOpen) return { ...state, logOpen: false };
      return { ...state, notice: undefined };
    }
  }
}
