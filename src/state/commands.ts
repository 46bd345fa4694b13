import { isIsoDate } from '../clock.js';
import { type Translate, translator } from '../i18n/index.js';
import { COMPARE_KINDS } from '../services/compare/differences.js';
import { kindOf, listsOf } from '../kinds/index.js';
import { disabledReason, screenContext } from './hints.js';
import { type Command, KEYMAP } from './keymap.js';
import * as L from './list.js';
import { pickerOptions } from './dialogs.js';
import { editField } from './textEdit.js';

/** YYYY-MM-DD. */
const DATE_LENGTH = 10;
import {
  activeList,
  addEffects,
  type AppState,
  type CompareFix,
  compareOnly,
  FIX_TAGS,
  loadEffect,
  type Side,
  type TabId,
  type TableId,
  TABS,
  tableHeight,
  tableInView,
  withTable,
} from './vocabulary.js';

/** The tab's tables that have not loaded yet and can: a list once its side is connected, the history at once. */
export function loadTab(state: AppState): AppState {
  const tables: TableId[] =
    state.tab === 'history' || state.tab === 'compare' ? [state.tab] : state.tab === 'settings' ? [] : listsOf(state.tab);
  const waiting = tables.filter((id) => {
    const l = state.tables[id];
    if (l.rows.length || l.loading || l.error || l.loadedWith) return false;
    if (id === 'compare') return state.connections.severa.state === 'connected' && state.connections.administration.state === 'connected';
    return id === 'history' || state.connections[kindOf(id).source].state === 'connected';
  });
  return addEffects(state, ...waiting.flatMap((id) => loadEffect(state, id)));
}

/** Switching to a tab loads its tables the first time (the Invoices tab once a status is chosen). */
export function openTab(state: AppState, tab: TabId): AppState {
  const next = { ...state, tab, notice: undefined };
  if (tab !== 'settings') return loadTab(next);
  if (next.settings.view || next.settings.loading) return next;
  return addEffects({ ...next, settings: { ...next.settings, loading: true } }, { type: 'loadSettings' });
}

/** Typing into the filter or a date field. */
export function onFieldCommand(state: AppState, command: Command, text: string): AppState {
  const id = tableInView(state)!;
  const h = tableHeight(state);
  if (state.focus === 'filter') {
    if (command === 'dismiss') return withTable({ ...state, focus: 'list' }, id, (l) => L.setFilter(l, '', h));
    if (command === 'accept') return { ...state, focus: 'list' };
    const edited = editField({ text: state.tables[id].filter, back: state.caretBack }, command, text);
    if (edited === undefined) return state;
    const next = { ...state, caretBack: edited.back };
    return edited.text === state.tables[id].filter ? next : withTable(next, id, (l) => L.setFilter(l, edited.text, h));
  }
  const editingUntil = state.focus === 'until';
  switch (command) {
    case 'dismiss':
      return { ...state, focus: 'list', dateDraft: editingUntil ? state.until : state.since[id], dateError: undefined };
    case 'accept': {
      const t = translator(state.lang);
      if (!isIsoDate(state.dateDraft)) return { ...state, dateError: t('date.invalid', { example: state.defaults.since }) };
      const from = editingUntil ? state.since[id] : state.dateDraft;
      const to = editingUntil ? state.dateDraft : state.until;
      const ranged = id !== 'history' && id !== 'compare' && kindOf(id).filter === 'range';
      if (ranged && from > to) return { ...state, dateError: t('date.fromAfterTo', { from, to }) };
      const next: AppState = editingUntil
        ? { ...state, focus: 'list', dateError: undefined, until: state.dateDraft }
        : { ...state, focus: 'list', dateError: undefined, since: { ...state.since, [id]: state.dateDraft } };
      return addEffects(next, ...loadEffect(next, id));
    }
    default: {
      // The date as the field opened is replaced by what is typed or pasted over it.
      // (A caret move first means the user edits the date rather than replaces it.)
      const replacing = state.dateFresh && !command.startsWith('caret');
      const edited = editField({ text: replacing ? '' : state.dateDraft, back: replacing ? 0 : state.caretBack }, command, text);
      if (edited === undefined) return state;
      if (edited.text.length > DATE_LENGTH)
        return { ...state, dateError: translator(state.lang)('date.tooLong', { example: state.defaults.since }) };
      return { ...state, dateDraft: edited.text, caretBack: edited.back, dateFresh: false, dateError: undefined };
    }
  }
}

/** Another tab; while a transfer runs, not one that would load a list under it (its results stay on screen). */
function switchTab(state: AppState, tab: TabId): AppState {
  const opened = openTab(state, tab);
  if (state.transfer && opened.effects.length > state.effects.length)
    return { ...state, notice: translator(state.lang)('off.transferRunning') };
  return opened;
}

/** The binding a command has on this screen, to ask whether it is on here. */
function screenBinding(state: AppState, command: Command) {
  const screen = screenContext(state);
  return KEYMAP.find((b) => b.command === command && (b.context === screen || b.context === 'global'));
}

/** What a command does on a list or the history; keys and the palette both come here. */
export function runCommand(state: AppState, command: Command): AppState {
  const t = translator(state.lang);
  const binding = screenBinding(state, command);
  const off = binding && disabledReason(state, binding);
  if (off) return { ...state, notice: off };
  const id = tableInView(state);
  const list = activeList(state);
  const h = tableHeight(state);
  const table = (update: (l: L.ListState) => L.ListState) => (id ? withTable({ ...state, notice: undefined }, id, update) : state);
  const tab = /^tab(\d+)$/.exec(command);
  if (tab) return TABS[Number(tab[1]) - 1] ? switchTab(state, TABS[Number(tab[1]) - 1]!) : state;
  switch (command) {
    case 'tabNext':
    case 'tabPrev': {
      const step = command === 'tabNext' ? 1 : TABS.length - 1;
      return switchTab(state, TABS[(TABS.indexOf(state.tab) + step) % TABS.length]!);
    }
    case 'pickStatus':
    case 'pickAfterStatus': {
      const purpose = command === 'pickStatus' ? 'status' : 'afterStatus';
      const options = pickerOptions(state, purpose);
      const current =
        purpose === 'status'
          ? options.findIndex((o) => o.guid === state.invoiceStatus)
          : options.findIndex((o) => (o.guid ? o.name === state.afterStatus : !state.afterStatus));
      return { ...state, overlay: { kind: 'picker', purpose, cursor: Math.max(0, current) } };
    }
    case 'editUntil':
      return { ...state, focus: 'until', dateDraft: state.until, dateFresh: true, dateError: undefined };
    case 'editSince':
      return id ? { ...state, focus: 'since', dateDraft: state.since[id], dateFresh: true, dateError: undefined } : state;
    case 'up':
      return table((l) => L.moveCursor(l, -1, h));
    case 'down':
      return table((l) => L.moveCursor(l, 1, h));
    case 'pageUp':
      return table((l) => L.moveCursor(l, -h, h));
    case 'pageDown':
      return table((l) => L.moveCursor(l, h, h));
    case 'home':
      return table((l) => L.moveCursor(l, 'home', h));
    case 'end':
      return table((l) => L.moveCursor(l, 'end', h));
    case 'toggle':
      return table(L.toggleRow);
    case 'selectAll':
      return table(L.selectAll);
    case 'range':
      return table(L.rangeMark);
    case 'extendUp':
      return table((l) => L.extend(l, -1, h));
    case 'extendDown':
      return table((l) => L.extend(l, 1, h));
    case 'details':
      return id && L.currentRow(state.tables[id]) ? { ...state, overlay: { kind: 'detail' } } : state;
    case 'refresh':
      if (!id) return state;
      if (list && kindOf(list).filter === 'status' && !state.invoiceStatus) return { ...state, notice: t('list.pickStatusFirst') };
      return addEffects(state, ...loadEffect(state, id));
    case 'filter':
      return id ? { ...state, focus: 'filter' } : state;
    case 'switchSide':
      return loadTab({ ...state, side: (state.side === 'severa' ? 'administration' : 'severa') satisfies Side });
    case 'compareKind':
    case 'compareFix': {
      if (id !== 'compare') return state;
      const compare =
        command === 'compareKind'
          ? { ...state.compare, kind: COMPARE_KINDS[COMPARE_KINDS.indexOf(state.compare.kind!) + 1] }
          : { ...state.compare, fix: FIX_FILTERS[(FIX_FILTERS.indexOf(state.compare.fix) + 1) % FIX_FILTERS.length]! };
      return withTable({ ...state, compare, notice: undefined }, 'compare', (l) => L.setOnly(l, compareOnly(compare), h));
    }
    case 'transfer': {
      if (id === 'compare') return fixDifferences(state, t);
      if (!list) return state;
      if (state.transfer) return { ...state, notice: t('transfer.busy') };
      const banner = state.tables[list].banner;
      if (banner) return { ...state, notice: banner };
      const target: Side = kindOf(list).source === 'severa' ? 'administration' : 'severa';
      const unavailable = sideUnavailable(state, target, t);
      if (unavailable) return { ...state, notice: unavailable };
      // A list still loading is not the list the marks were made on.
      if (state.tables[list].loading) return { ...state, notice: t('transfer.stillLoading') };
      // With a filter on, only the marked rows in view go: what the status bar counts.
      const ids = L.markedShown(state.tables[list]);
      if (ids.length === 0) return { ...state, notice: t('transfer.nothingSelected') };
      return addEffects({ ...state, notice: undefined }, { type: 'transfer', list, ids });
    }
    case 'cancelTransfer':
      return state.transfer ? { ...state, overlay: { kind: 'confirmCancel' } } : state;
    case 'log':
      return { ...state, logOpen: !state.logOpen };
    case 'help':
      return { ...state, overlay: { kind: 'help' } };
    case 'palette':
      return { ...state, overlay: { kind: 'palette', query: '', cursor: 0 } };
    case 'quit':
      return state.transfer ? { ...state, overlay: { kind: 'confirmQuit' } } : { ...state, quit: true };
    case 'back': {
      if (!id) return state;
      const l = state.tables[id];
      if (l.anchor !== undefined) return withTable(state, id, (x) => ({ ...x, anchor: undefined }));
      if (l.filter) return withTable(state, id, (x) => L.setFilter(x, '', h));
      if (state.logOpen) return { ...state, logOpen: false };
      return { ...state, notice: undefined };
    }
    default:
      return state;
  }
}

const FIX_FILTERS: CompareFix[] = ['all', 'fixable', 'byHand'];

/** Why a transfer cannot write to this side now (not connected), or undefined when it can. */
function sideUnavailable(state: AppState, side: Side, t: Translate): string | undefined {
  const conn = state.connections[side];
  return conn.state === 'connected' ? undefined : t('transfer.unavailable', { side: t(`conn.${side}`), reason: conn.reason ?? conn.state });
}

/** t on the Compare tab: the marked differences in view that a transfer can fix, each through its transfer. */
function fixDifferences(state: AppState, t: Translate): AppState {
  if (state.transfer) return { ...state, notice: t('transfer.busy') };
  const unavailable = sideUnavailable(state, 'severa', t) ?? sideUnavailable(state, 'administration', t);
  if (unavailable) return { ...state, notice: unavailable };
  const table = state.tables.compare;
  if (table.loading) return { ...state, notice: t('transfer.stillLoading') };
  const marked = L.markedShown(table);
  if (marked.length === 0) return { ...state, notice: t('transfer.nothingSelected') };
  const fixable = new Set(table.rows.filter((r) => r.tags?.includes(FIX_TAGS.fixable)).map((r) => r.id));
  const ids = marked.filter((id) => fixable.has(id));
  if (ids.length === 0) return { ...state, notice: t('compare.nothingFixable') };
  return addEffects({ ...state, notice: undefined }, { type: 'fixDifferences', ids });
}
