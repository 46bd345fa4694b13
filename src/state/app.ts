import { type Lang, translator } from '../i18n/index.js';
import type { ConflictAnswer, ConflictView, RowStatus, TransferSummary } from '../services/transfer/engine.js';
import { daysAgo, isIsoDate } from './dates.js';
import { type Command, commandFor, KEYMAP, type KeyPress } from './keymap.js';
import * as L from './list.js';

export type TabId = 'customers' | 'projects' | 'invoices' | 'supplierInvoices';
export const TABS: TabId[] = ['customers', 'projects', 'invoices', 'supplierInvoices'];
export type Side = 'severa' | 'administration';
export type ListId = 'severaCustomers' | 'administrationCustomers';
export const LIST_OF_SIDE: Record<Side, ListId> = { severa: 'severaCustomers', administration: 'administrationCustomers' };

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
  | { kind: 'confirmCancel' };

export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  text: string;
}

export type Effect =
  | { type: 'load'; list: ListId; since: string }
  | { type: 'transfer'; list: ListId; ids: string[] }
  | { type: 'answerConflict'; answer: ConflictAnswer }
  | { type: 'cancelTransfer' };

export interface AppState {
  lang: Lang;
  demo: boolean;
  tab: TabId;
  side: Side;
  lists: Record<ListId, L.ListState>;
  since: Record<ListId, string>;
  focus: 'list' | 'filter' | 'since';
  sinceDraft: string;
  sinceError: string | undefined;
  overlay: Overlay;
  conflict: ConflictPrompt | undefined;
  transfer: { list: ListId; done: number; total: number } | undefined;
  notice: string | undefined;
  log: LogEntry[];
  logOpen: boolean;
  connections: Record<Side, Connection>;
  size: { columns: number; rows: number };
  effects: Effect[];
  quit: boolean;
}

export type Action =
  | { type: 'key'; input: string; key: KeyPress }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'loading'; list: ListId }
  | { type: 'loaded'; list: ListId; rows: L.Row[] }
  | { type: 'loadFailed'; list: ListId; error: string }
  | { type: 'status'; list: ListId; id: string; status: RowStatus }
  | { type: 'progress'; done: number; total: number }
  | { type: 'transferStarted'; list: ListId; total: number }
  | { type: 'transferFinished'; summary: TransferSummary }
  | { type: 'conflict'; id: string; view: ConflictView; remaining: number; source: Side }
  | { type: 'log'; level: LogEntry['level']; text: string }
  | { type: 'connection'; side: Side; connection: Connection }
  | { type: 'effectsTaken'; count: number };

export const LOG_HEIGHT = 6;
const MAX_LOG = 500;

/** Rows the table body gets: the reducer and the screen must agree on it. */
export function tableHeight(state: Pick<AppState, 'size' | 'logOpen'>): number {
  // tab bar, list header line, column header, two status lines; the log panel and its title when open
  const chrome = 5 + (state.logOpen ? LOG_HEIGHT + 1 : 0);
  return Math.max(3, state.size.rows - chrome);
}

export function initialState(options: { lang: Lang; demo: boolean; columns: number; rows: number; now?: Date }): AppState {
  const since = daysAgo(30, options.now);
  return {
    lang: options.lang,
    demo: options.demo,
    tab: 'customers',
    side: 'severa',
    lists: { severaCustomers: L.emptyList(), administrationCustomers: L.emptyList() },
    since: { severaCustomers: since, administrationCustomers: since },
    focus: 'list',
    sinceDraft: since,
    sinceError: undefined,
    overlay: { kind: 'none' },
    conflict: undefined,
    transfer: undefined,
    notice: undefined,
    log: [],
    logOpen: false,
    connections: { severa: { state: 'connecting' }, administration: { state: 'connecting' } },
    size: { columns: options.columns, rows: options.rows },
    effects: [],
    quit: false,
  };
}

export function activeList(state: AppState): ListId {
  return LIST_OF_SIDE[state.side];
}

function withList(state: AppState, id: ListId, update: (l: L.ListState) => L.ListState): AppState {
  return { ...state, lists: { ...state.lists, [id]: update(state.lists[id]) } };
}

function addLog(state: AppState, level: LogEntry['level'], text: string): AppState {
  const log = [...state.log, { time: new Date().toTimeString().slice(0, 8), level, text }];
  return { ...state, log: log.length > MAX_LOG ? log.slice(-MAX_LOG) : log };
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key':
      // Several printable keys in one chunk (fast typing, tmux) arrive as one input: replay them one by one.
      if (action.input.length > 1 && !action.key.ctrl && !action.key.meta && !action.input.startsWith('[') && !action.input.startsWith('\x1b')) {
        return [...action.input].reduce((s, ch) => onKey(s, ch, { ...action.key, shift: /[A-ZÅÄÖ]/.test(ch) }), state);
      }
      return onKey(state, action.input, action.key);
    case 'resize': {
      const next = { ...state, size: { columns: action.columns, rows: action.rows } };
      const h = tableHeight(next);
      return { ...next, lists: { severaCustomers: L.moveCursor(next.lists.severaCustomers, 0, h), administrationCustomers: L.moveCursor(next.lists.administrationCustomers, 0, h) } };
    }
    case 'loading':
      return withList(state, action.list, (l) => ({ ...l, loading: true, error: undefined }));
    case 'loaded':
      return addLog(withList(state, action.list, (l) => L.setRows(l, action.rows, tableHeight(state))), 'info', translator(state.lang)('log.loaded', { list: listName(state, action.list), count: action.rows.length }));
    case 'loadFailed':
      return addLog(withList(state, action.list, (l) => ({ ...l, loading: false, error: action.error })), 'error', translator(state.lang)('log.loadFailed', { list: listName(state, action.list), error: action.error }));
    case 'status':
      return withList(state, action.list, (l) => L.setStatus(l, action.id, action.status));
    case 'progress':
      return state.transfer ? { ...state, transfer: { ...state.transfer, done: action.done, total: action.total } } : state;
    case 'transferStarted':
      return { ...state, transfer: { list: action.list, done: 0, total: action.total }, notice: undefined };
    case 'transferFinished': {
      const t = translator(state.lang);
      const s = action.summary;
      const text = t('transfer.summary', { ...s, cancelled: s.cancelled ? t('transfer.summaryCancelled', { cancelled: s.cancelled }) : '' });
      return addLog({ ...state, transfer: undefined, notice: text, overlay: state.overlay.kind === 'confirmCancel' ? { kind: 'none' } : state.overlay }, 'info', text);
    }
    case 'conflict':
      return { ...state, conflict: { id: action.id, view: action.view, remaining: action.remaining, choice: 'update', applyToRemaining: false, source: action.source } };
    case 'log':
      return addLog(state, action.level, action.text);
    case 'connection':
      return { ...state, connections: { ...state.connections, [action.side]: action.connection } };
    case 'effectsTaken':
      return { ...state, effects: state.effects.slice(action.count) };
  }
}

function listName(state: AppState, id: ListId): string {
  return translator(state.lang)(id === 'severaCustomers' ? 'side.severa' : 'side.administration');
}

const printable = (input: string, key: KeyPress) => input.length === 1 && !key.ctrl && !key.meta && input >= ' ';
const isBackspace = (key: KeyPress) => Boolean(key.backspace || key.delete);

function onKey(state: AppState, input: string, key: KeyPress): AppState {
  // Ctrl+C works wherever focus is; during a conflict it skips the rest and stops the run.
  if (key.ctrl && input === 'c') {
    if (state.conflict) {
      return { ...state, conflict: undefined, quit: true, effects: [...state.effects, { type: 'answerConflict', answer: { decision: 'skip', applyToRemaining: true } }, { type: 'cancelTransfer' }] };
    }
    return runCommand({ ...state, focus: 'list', overlay: { kind: 'none' } }, 'quit');
  }
  if (state.conflict) return onConflictKey(state, input, key);
  switch (state.overlay.kind) {
    case 'confirmQuit':
      if (['y', 'j'].includes(input.toLowerCase())) return { ...state, quit: true, effects: [...state.effects, { type: 'cancelTransfer' }] };
      return key.escape || input.toLowerCase() === 'n' ? { ...state, overlay: { kind: 'none' } } : state;
    case 'confirmCancel':
      if (['y', 'j'].includes(input.toLowerCase())) return { ...state, overlay: { kind: 'none' }, effects: [...state.effects, { type: 'cancelTransfer' }] };
      return key.escape || input.toLowerCase() === 'n' ? { ...state, overlay: { kind: 'none' } } : state;
    case 'help':
      return key.escape || input === '?' ? { ...state, overlay: { kind: 'none' } } : state;
    case 'detail':
      return key.escape || key.return ? { ...state, overlay: { kind: 'none' } } : state;
    case 'palette':
      return onPaletteKey(state, state.overlay, input, key);
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
  if (state.focus === 'since') {
    const id = activeList(state);
    if (key.escape) return { ...state, focus: 'list', sinceDraft: state.since[id], sinceError: undefined };
    if (key.return) {
      if (!isIsoDate(state.sinceDraft)) return { ...state, sinceError: translator(state.lang)('date.invalid', { example: daysAgo(30) }) };
      const next = { ...state, focus: 'list' as const, sinceError: undefined, since: { ...state.since, [id]: state.sinceDraft } };
      return { ...next, effects: [...state.effects, { type: 'load', list: id, since: state.sinceDraft }] };
    }
    if (isBackspace(key)) return { ...state, sinceDraft: state.sinceDraft.slice(0, -1), sinceError: undefined };
    if (printable(input, key) && state.sinceDraft.length < 10) return { ...state, sinceDraft: state.sinceDraft + input, sinceError: undefined };
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
  if (key.leftArrow || key.rightArrow || key.tab) return { ...state, conflict: { ...c, choice: c.choice === 'update' ? 'skip' : 'update' } };
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

function onPaletteKey(state: AppState, palette: { query: string; cursor: number }, input: string, key: KeyPress): AppState {
  const matches = paletteMatches(state, palette.query);
  if (key.escape) return { ...state, overlay: { kind: 'none' } };
  if (key.upArrow) return { ...state, overlay: { ...palette, kind: 'palette', cursor: Math.max(0, palette.cursor - 1) } };
  if (key.downArrow) return { ...state, overlay: { ...palette, kind: 'palette', cursor: Math.min(matches.length - 1, palette.cursor + 1) } };
  if (key.return) {
    const chosen = matches[palette.cursor];
    const closed = { ...state, overlay: { kind: 'none' } as Overlay };
    return chosen ? runCommand(closed, chosen.command) : closed;
  }
  if (isBackspace(key)) return { ...state, overlay: { kind: 'palette', query: palette.query.slice(0, -1), cursor: 0 } };
  if (printable(input, key)) return { ...state, overlay: { kind: 'palette', query: palette.query + input, cursor: 0 } };
  return state;
}

/** What a command does; keys and the palette both come here. */
export function runCommand(state: AppState, command: Command): AppState {
  const t = translator(state.lang);
  const id = activeList(state);
  const h = tableHeight(state);
  const onList = state.tab === 'customers';
  const list = (update: (l: L.ListState) => L.ListState) => (onList ? withList({ ...state, notice: undefined }, id, update) : state);
  switch (command) {
    case 'tab1':
    case 'tab2':
    case 'tab3':
    case 'tab4':
      return { ...state, tab: TABS[Number(command.slice(3)) - 1]! };
    case 'tabNext':
    case 'tabPrev': {
      const step = command === 'tabNext' ? 1 : TABS.length - 1;
      return { ...state, tab: TABS[(TABS.indexOf(state.tab) + step) % TABS.length]! };
    }
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
      return onList && L.currentRow(state.lists[id]) ? { ...state, overlay: { kind: 'detail' } } : state;
    case 'refresh':
      return onList ? { ...state, effects: [...state.effects, { type: 'load', list: id, since: state.since[id] }] } : state;
    case 'filter':
      return onList ? { ...state, focus: 'filter' } : state;
    case 'editSince':
      return onList ? { ...state, focus: 'since', sinceDraft: state.since[id], sinceError: undefined } : state;
    case 'switchSide':
      return onList ? { ...state, side: state.side === 'severa' ? 'administration' : 'severa', sinceDraft: state.since[LIST_OF_SIDE[state.side === 'severa' ? 'administration' : 'severa']] } : state;
    case 'transfer': {
      if (!onList) return state;
      if (state.transfer) return { ...state, notice: t('transfer.busy') };
      const target: Side = state.side === 'severa' ? 'administration' : 'severa';
      const conn = state.connections[target];
      if (conn.state !== 'connected') return { ...state, notice: t('transfer.unavailable', { side: t(`conn.${target}`), reason: conn.reason ?? conn.state }) };
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
      if (onList && l.anchor !== undefined) return withList(state, id, (x) => ({ ...x, anchor: undefined }));
      if (onList && l.filter) return withList(state, id, (x) => L.setFilter(x, '', h));
      if (state.logOpen) return { ...state, logOpen: false };
      return { ...state, notice: undefined };
    }
  }
}
