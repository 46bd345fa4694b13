import { type Translate, translator } from '../i18n/index.js';
import { summaryText } from '../i18n/summary.js';
import { printable } from '../text.js';
import type { SettingsView } from '../services/setup/settingsService.js';
import { cellsOf, kindOf, LIST_IDS } from '../kinds/index.js';
import { statusNamed } from '../services/transfer/statuses.js';
import { loadTab } from './commands.js';
import * as L from './list.js';
import { afterSave, openNextEmpty, settle } from './settings.js';
import { settingsRows } from './settingsRows.js';
import {
  type Action,
  activeList,
  addEffects,
  type AppState,
  type LogEntry,
  loadEffect,
  type TableId,
  tableHeight,
  withTable,
} from './vocabulary.js';

const MAX_LOG = 500;

function addLog(state: AppState, level: LogEntry['level'], text: string, at?: number): AppState {
  const time = at === undefined ? '' : new Date(at).toTimeString().slice(0, 8);
  const log = [...state.log, { time, level, text: printable(text) }];
  return { ...state, log: log.length > MAX_LOG ? log.slice(-MAX_LOG) : log };
}

export function tableName(state: Pick<AppState, 'lang'>, id: TableId): string {
  return translator(state.lang)(id === 'history' ? 'list.history' : id === 'compare' ? 'compare.title' : kindOf(id).title);
}

/** What came back from the world: loads, transfer events, connections, the settings. */
export function onResult(state: AppState, action: Exclude<Action, { type: 'key' }>): AppState {
  const t = translator(state.lang);
  switch (action.type) {
    case 'resize': {
      const next = { ...state, size: { columns: action.columns, rows: action.rows } };
      const h = tableHeight(next);
      const tables = Object.fromEntries(Object.entries(next.tables).map(([id, l]) => [id, L.moveCursor(l, 0, h)])) as AppState['tables'];
      return { ...next, tables };
    }
    case 'invoiceStatuses': {
      // The Invoices tab starts on the status the settings name as "to transfer".
      const preset = state.invoiceStatus ? undefined : statusNamed(action.statuses, state.statusToTransfer)?.guid;
      const next = { ...state, invoiceStatuses: action.statuses, invoiceStatus: state.invoiceStatus ?? preset };
      const list = activeList(next);
      return preset && list && kindOf(list).filter === 'status' ? addEffects(next, ...loadEffect(next, list)) : next;
    }
    case 'loaded':
      return addLog(
        withTable(state, action.table, (l) => ({
          ...L.setRows(l, action.rows, tableHeight(state)),
          banner: action.banner,
          statuses: new Map(action.statuses ?? []),
          loadedWith: action.filter ?? l.loadedWith,
        })),
        'info',
        t('log.loaded', { list: tableName(state, action.table), count: action.rows.length }),
        action.at,
      );
    case 'loadFailed':
      return addLog(
        withTable(state, action.table, (l) => ({ ...l, loading: false, error: action.error })),
        'error',
        t('log.loadFailed', { list: tableName(state, action.table), error: action.error }),
        action.at,
      );
    case 'loadedPage':
      return withTable(state, action.table, (l) =>
        !l.loading
          ? l
          : action.first
            ? { ...L.setRows(l, action.rows, tableHeight(state)), loading: true }
            : L.appendRows(l, action.rows, tableHeight(state)),
      );
    case 'statuses':
      return withTable(state, action.list, (l) => L.setStatuses(l, action.updates));
    case 'recordChanged': {
      const kind = kindOf(action.list);
      return withTable(state, action.list, (l) =>
        L.replaceRow(l, L.makeRow(action.id, cellsOf(kind, action.record, { t, loaded: l.statuses.get(action.id) }))),
      );
    }
    case 'progress':
      return state.transfer ? { ...state, transfer: { ...state.transfer, done: action.done, total: action.total } } : state;
    case 'transferStarted':
      return { ...state, transfer: { list: action.list, done: 0, total: action.total }, notice: undefined };
    case 'transferFinished': {
      const text = summaryText(t, action.summary);
      const overlay = state.overlay.kind === 'confirmCancel' ? { kind: 'none' as const } : state.overlay;
      const next = addLog({ ...state, transfer: undefined, notice: text, overlay }, 'info', text, action.at);
      // What the transfer changed elsewhere is listed anew: the other side's list and the history, where loaded.
      // After the compare's fixes, every list and the compare itself.
      const list = state.transfer?.list;
      const changed: TableId[] =
        list === 'compare' ? [...LIST_IDS, 'history', 'compare'] : [...(list ? (kindOf(list).affects ?? []) : []), 'history'];
      return addEffects(
        next,
        ...changed.filter((id) => next.tables[id].loadedWith && !next.tables[id].loading).flatMap((id) => loadEffect(next, id)),
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
    case 'compareProgress':
      return withTable(state, 'compare', (l) => (l.loading ? { ...l, banner: action.text } : l));
    case 'notice':
      return addLog({ ...state, notice: action.text }, 'warn', action.text, action.at);
    case 'log':
      return addLog(state, action.level, action.text, action.at);
    case 'connection':
      return onConnection(state, action.side, action.connection);
    case 'effectsTaken':
      return { ...state, effects: state.effects.slice(action.count) };
    case 'settingsView': {
      const rows = settingsRows(action.view, t, action.loading);
      // A test (t, r) that came back says what it found, on the bottom line.
      const tested = state.settings.loading && !action.loading ? testedMessage(action.view, t) : undefined;
      const next = { ...state.settings, view: action.view, loading: action.loading, message: tested ?? state.settings.message };
      // The wizard starts by asking for the first thing missing.
      const first = state.settings.setup && !state.settings.view;
      return { ...state, settings: first ? openNextEmpty(next, rows, -1, tableHeight(state)) : settle(next, rows, tableHeight(state)) };
    }
    case 'settingSaved': {
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
      const next = addLog(
        { ...state, settings, afterStatus: s.afterTransferStatus, statusToTransfer: s.invoiceStatusToTransfer },
        'info',
        text,
        action.at,
      );
      return action.reconnecting ? reconnected(next) : next;
    }
    case 'settingRefused':
      return addLog(
        { ...state, settings: { ...state.settings, saving: false, message: { text: action.error, error: true } } },
        'error',
        action.error,
        action.at,
      );
    case 'reconnected':
      return reconnected(state);
  }
}

/** What a live test found: each side ✓ with its name, or ✗ with why. */
function testedMessage(view: SettingsView, t: Translate): { text: string; error: boolean } | undefined {
  const s = view.severaTest;
  const a = view.administrationTest;
  if (!s && !a) return undefined;
  const severa = !s ? '–' : s.authorized ? `✓ ${s.organisation ?? ''}`.trim() : `✗ ${s.error ?? ''}`.trim();
  const administration = !a ? '–' : a.ok ? `✓ ${a.name ?? ''}${a.variant ? ` (${a.variant})` : ''}` : `✗ ${a.error ?? ''}`.trim();
  return { text: t('settings.tested', { severa, administration }), error: Boolean((s && !s.authorized) || (a && !a.ok)) };
}

/** A new connection: what was loaded came from the old one; both sides connect again, then the lists reload with the filters on screen. */
function reconnected(state: AppState): AppState {
  const tables = { ...state.tables };
  for (const id of LIST_IDS) tables[id] = L.emptyList();
  return addEffects(
    {
      ...state,
      tables,
      invoiceStatuses: [],
      invoiceStatus: undefined,
      connections: { severa: { state: 'connecting' }, administration: { state: 'connecting' } },
    },
    { type: 'connect' },
    { type: 'loadSettings' },
  );
}

/**
 * A side answered. Once connected, the open tab's lists of that side load (with the filters on screen, not
 * the ones sevadm started with), and Severa's invoice statuses are fetched.
 */
function onConnection(state: AppState, side: AppState['side'], connection: AppState['connections']['severa']): AppState {
  const next = { ...state, connections: { ...state.connections, [side]: connection } };
  if (connection.state !== 'connected') return next;
  return loadTab(side === 'severa' ? addEffects(next, { type: 'loadStatuses' }) : next);
}
