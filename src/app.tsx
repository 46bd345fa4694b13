import { Box, useApp, useInput, useStdout } from 'ink';
import { Text } from './components/Text.js';
import { RowStatusBatch } from './rowStatusBatch.js';
import React, { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { CommandPalette } from './components/CommandPalette.js';
import { ConflictDialog } from './components/ConflictDialog.js';
import { DetailView } from './components/DetailView.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { LogPanel } from './components/LogPanel.js';
import { StatusBar } from './components/StatusBar.js';
import { TabBar } from './components/TabBar.js';
import { translator } from './i18n/index.js';
import { SettingRefused } from './errors.js';
import { failureText } from './i18n/failures.js';
import { Picker } from './components/Picker.js';
import { historyRows } from './screens/history.js';
import { HistoryScreen } from './screens/HistoryScreen.js';
import { CompareScreen } from './screens/CompareScreen.js';
import { compareDetails, compareRows } from './screens/compare.js';
import type { Difference } from './services/compare/differences.js';
import { rowsOf, tableColumns } from './screens/rows.js';
import { kindOf, type ListId, type LoadFilter } from './kinds/index.js';
import { ListScreen } from './screens/ListScreen.js';
import { SettingsScreen } from './screens/SettingsScreen.js';
import { disabledReason, keyLabel } from './state/hints.js';
import type { ConflictAnswer, ConflictQuestion, TransferEvent, TransferSummary } from './services/transfer/engine.js';
import { leaseWords, type Session, type TransferOptions } from './session.js';
import {
  type Action,
  type AppState,
  type TableId,
  type Effect,
  helpGroups,
  hintLine,
  LOG_HEIGHT,
  paletteMatches,
  pickerOptions,
  reducer,
  tableHeight,
  tableInView,
} from './state/app.js';
import { currentRow, shownCount } from './state/list.js';

export interface AppProps {
  session: Session;
  initial: AppState;
  /** Test hook: every action the app dispatches. */
  onAction?: (action: Action) => void;
}

function useTerminalSize(dispatch: (a: Action) => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', columns: stdout.columns || 100, rows: stdout.rows || 30 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch]);
}

/** The root: one key handler that only dispatches, one reducer, and the effects that call the session. */
export function App({ session, initial, onAction }: AppProps) {
  const [state, rawDispatch] = useReducer(reducer, initial);
  // Every action carries its time from the one clock, so the reducer stays pure and the log shows it.
  const dispatch = useMemo(
    () => (a: Action) => {
      const stamped = { ...a, at: session.clock.now() };
      onAction?.(stamped);
      rawDispatch(stamped);
    },
    [onAction, session],
  );
  const { exit } = useApp();
  const answer = useRef<((a: ConflictAnswer) => void) | undefined>(undefined);
  const settingsFetch = useRef(0);
  const [tick, setTick] = useState(0);
  const t = useMemo(() => translator(state.lang), [state.lang]);

  useInput((input, key) => dispatch({ type: 'key', input, key }));
  useTerminalSize(dispatch);

  // Each load answers with its table's rows, made from the kind's columns in the user's language (the reducer
  // marked the table loading when it asked).
  // Only a table's newest load may land: pages of one begun before a refresh or another date are dropped.
  const loads = useRef(new Map<TableId, number>());
  /** Starts a load of the table: whether it is still the newest, when its answer comes. */
  const newestLoad = (table: TableId) => {
    const generation = (loads.current.get(table) ?? 0) + 1;
    loads.current.set(table, generation);
    return () => loads.current.get(table) === generation;
  };
  const load = (list: ListId, filter: LoadFilter) => {
    const current = newestLoad(list);
    let first = true;
    const onPage = (page: unknown[]) => {
      if (current()) dispatch({ type: 'loadedPage', table: list, rows: rowsOf(list, { records: page }, t), first });
      first = false;
    };
    session.load(list, filter, state.lang, onPage).then(
      (loaded) => {
        if (current())
          dispatch({
            type: 'loaded',
            table: list,
            filter,
            rows: rowsOf(list, loaded, t),
            banner: loaded.banner,
            statuses: loaded.statuses,
          });
      },
      (error: unknown) => {
        if (current()) dispatch({ type: 'loadFailed', table: list, error: failureText(error, state.lang) });
      },
    );
  };
  const loadHistory = (since: string) => {
    try {
      dispatch({ type: 'loaded', table: 'history', filter: { since }, rows: historyRows(session.history(since), t) });
    } catch (error) {
      dispatch({ type: 'loadFailed', table: 'history', error: failureText(error, state.lang) });
    }
  };

  useEffect(() => session.onLog((level, text) => dispatch({ type: 'log', level, text })), [session]);

  const connectBoth = () => {
    void session.connectSevera(state.lang).then((connection) => dispatch({ type: 'connection', side: 'severa', connection }));
    void session
      .connectAdministration(state.lang)
      .then((connection) => dispatch({ type: 'connection', side: 'administration', connection }));
  };

  /** The settings as stored at once, then again with both sides' lists and the live tests. */
  const loadSettings = () => {
    const setup = session.setup;
    if (!setup) return;
    dispatch({ type: 'settingsView', view: setup.view(), loading: true });
    // Only the newest fetch may land: a slow one begun before a connection line was saved would bring back
    // lists of the connection as it was ("not configured").
    const asked = ++settingsFetch.current;
    setup.liveView().then(
      (view) => asked === settingsFetch.current && dispatch({ type: 'settingsView', view, loading: false }),
      (error: unknown) => asked === settingsFetch.current && dispatch({ type: 'settingRefused', error: (error as Error).message }),
    );
  };

  // The Compare tab's differences as last read, by id: what its rows show and what `t` fixes.
  const differences = useRef(new Map<string, Difference>());

  /** A transfer on screen: its rows' statuses a frame at a time, its conflicts asked, its end told. */
  const runTransfer = (
    list: ListId | 'compare',
    ids: string[],
    start: (
      onEvent: (event: TransferEvent) => void,
      ask: (question: ConflictQuestion, from: ListId) => Promise<ConflictAnswer>,
      options: TransferOptions,
    ) => Promise<TransferSummary>,
  ) => {
    dispatch({ type: 'transferStarted', list, total: ids.length });
    const statuses = new RowStatusBatch((updates) => dispatch({ type: 'statuses', list, updates }));
    start(
      (event) => {
        if (event.type === 'status') return statuses.add(event.id, event.status);
        statuses.flush();
        if (event.type === 'record') {
          if (list !== 'compare') dispatch({ type: 'recordChanged', list, id: event.id, record: event.record });
        } else if (event.type === 'progress') dispatch({ type: 'progress', done: event.done, total: event.total });
        else dispatch({ type: 'log', level: event.level, text: event.message });
      },
      (question, from) =>
        new Promise<ConflictAnswer>((resolve) => {
          statuses.flush();
          answer.current = resolve;
          dispatch({
            type: 'conflict',
            id: question.id,
            view: question.view,
            remaining: question.remaining(),
            source: kindOf(from).source,
          });
        }),
      {
        waitMs: Infinity,
        onWaiting: (holder) =>
          dispatch({ type: 'notice', text: `${t('lease.waiting', leaseWords(holder, t))} (${t('lease.escCancels')})` }),
      },
    ).then(
      (summary) => {
        statuses.flush();
        dispatch({ type: 'transferFinished', summary });
      },
      (error: unknown) => {
        statuses.flush();
        dispatch({ type: 'log', level: 'error', text: (error as Error).message });
        dispatch({ type: 'transferFinished', summary: { transferred: 0, updated: 0, skipped: 0, failed: ids.length, cancelled: 0 } });
      },
    );
  };

  useEffect(() => {
    if (state.effects.length === 0) return;
    const effects: Effect[] = state.effects;
    dispatch({ type: 'effectsTaken', count: effects.length });
    for (const effect of effects) {
      switch (effect.type) {
        case 'connect':
          connectBoth();
          break;
        case 'loadStatuses':
          session.invoiceStatuses().then(
            (statuses) => dispatch({ type: 'invoiceStatuses', statuses }),
            (error: unknown) => dispatch({ type: 'log', level: 'error', text: (error as Error).message }),
          );
          break;
        case 'load':
          load(effect.list, effect.filter);
          break;
        case 'loadHistory':
          loadHistory(effect.since);
          break;
        case 'remember':
          session.rememberAfterStatus(effect.afterStatus);
          break;
        case 'answerConflict':
          answer.current?.(effect.answer);
          answer.current = undefined;
          break;
        case 'loadSettings':
          loadSettings();
          break;
        case 'saveSetting': {
          const setup = session.setup;
          if (!setup) break;
          const reconnecting = effect.change.kind === 'connection';
          setup.apply(effect.change).then(
            () => {
              // A new connection: the reducer has both sides connect again and the lists reload.
              dispatch({ type: 'settingSaved', view: setup.view(), label: effect.label, reconnecting });
            },
            (error: unknown) =>
              dispatch({
                type: 'settingRefused',
                error: error instanceof SettingRefused ? t(error.key, error.params) : (error as Error).message,
              }),
          );
          break;
        }
        case 'cancelTransfer':
          session.cancel();
          // A conflict waiting for an answer would hold the run: skip it.
          answer.current?.({ decision: 'skip', applyToRemaining: true });
          answer.current = undefined;
          break;
        case 'transfer':
          runTransfer(effect.list, effect.ids, (onEvent, ask, options) =>
            session.transfer(effect.list, effect.ids, onEvent, (q) => ask(q, effect.list), state.lang, options),
          );
          break;
        case 'loadCompare': {
          const current = newestLoad('compare');
          session
            .compare({
              since: effect.since,
              onProgress: (what, count) => current() && dispatch({ type: 'compareProgress', text: t('compare.reading', { what, count }) }),
            })
            .then(
              ({ differences: found }) => {
                if (!current()) return;
                differences.current = new Map(found.map((d) => [d.id, d]));
                dispatch({ type: 'loaded', table: 'compare', filter: { since: effect.since }, rows: compareRows(found, t) });
              },
              (error: unknown) => current() && dispatch({ type: 'loadFailed', table: 'compare', error: failureText(error, state.lang) }),
            );
          break;
        }
        case 'fixDifferences': {
          const chosen = effect.ids.flatMap((id) => differences.current.get(id) ?? []);
          runTransfer('compare', effect.ids, (onEvent, ask, options) => session.fix(chosen, onEvent, ask, state.lang, options));
          break;
        }
      }
    }
  }, [state.effects]);

  useEffect(() => {
    if (!state.transfer) return;
    const timer = setInterval(() => setTick((n) => n + 1), 120);
    return () => clearInterval(timer);
  }, [Boolean(state.transfer)]);

  useEffect(() => {
    if (state.quit && !state.transfer) exit();
  }, [state.quit, Boolean(state.transfer)]);

  const { columns, rows } = state.size;
  const mainHeight = tableHeight(state) + 2;
  const id = tableInView(state);
  const table = id ? state.tables[id] : undefined;
  const shown = table ? shownCount(table) : undefined;
  // A running transfer's progress comes first, so a narrow status bar never cuts it off.
  const middle = [
    state.transfer ? t('transfer.progress', { done: state.transfer.done, total: state.transfer.total }) : '',
    id && id !== 'history' && table ? t('list.selected', { selected: shown!.marked, count: shown!.shown }) : '',
  ]
    .filter(Boolean)
    .join(' │ ');
  const hints = state.dateError
    ? state.dateError
    : state.notice
      ? state.notice
      : table?.anchor !== undefined && state.focus === 'list' && !state.conflict && state.overlay.kind === 'none'
        ? t('list.range', { row: table.anchor + 1 })
        : hintLine(state, columns - 1);
  const current = table ? currentRow(table) : undefined;

  let main: React.ReactNode;
  // Asked to confirm (quitting from the conflict dialog too): the question is on top.
  if (state.overlay.kind === 'confirmQuit' || state.overlay.kind === 'confirmCancel')
    main = (
      <Box height={mainHeight} borderStyle="round" borderColor="yellow" paddingX={1}>
        <Text bold>{t(state.overlay.kind === 'confirmQuit' ? 'confirm.quit' : 'confirm.cancel')}</Text>
      </Box>
    );
  else if (state.conflict)
    main = <ConflictDialog conflict={state.conflict} hints={hintLine(state)} height={mainHeight} width={columns} t={t} />;
  else if (state.overlay.kind === 'help') main = <HelpOverlay groups={helpGroups(state)} height={mainHeight} width={columns} t={t} />;
  else if (state.overlay.kind === 'palette')
    main = (
      <CommandPalette
        query={state.overlay.query}
        caretBack={state.caretBack}
        cursor={state.overlay.cursor}
        matches={paletteMatches(state, state.overlay.query).map((b) => ({
          binding: b,
          keys: keyLabel(b.display, t),
          off: disabledReason(state, b),
        }))}
        height={mainHeight}
        width={columns}
        t={t}
      />
    );
  else if (state.overlay.kind === 'detail' && id && current)
    main = (
      <DetailView
        lines={
          id === 'history'
            ? tableColumns(id, t).map((c, i) => [c.header, current.cells[i] ?? ''])
            : id === 'compare'
              ? compareDetails(differences.current.get(current.id)!, t)
              : session.details(id, current.id, { t, loaded: table!.statuses.get(current.id) })
        }
        status={table!.statuses.get(current.id)}
        height={mainHeight}
        width={columns}
        t={t}
      />
    );
  else if (state.overlay.kind === 'picker')
    main = (
      <Picker
        title={t(state.overlay.purpose === 'status' ? 'picker.status' : 'picker.afterStatus')}
        options={pickerOptions(state, state.overlay.purpose).map((o) => o.name)}
        cursor={state.overlay.cursor}
        height={mainHeight}
        t={t}
      />
    );
  else if (state.tab === 'settings')
    main = session.setup ? <SettingsScreen state={state} t={t} /> : <Text>{t('settings.unavailable')}</Text>;
  else if (state.tab === 'history') main = <HistoryScreen state={state} t={t} />;
  else if (state.tab === 'compare') main = <CompareScreen state={state} t={t} tick={tick} />;
  else main = <ListScreen state={state} t={t} tick={tick} />;

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TabBar tab={state.tab} demo={state.demo} width={columns} t={t} />
      <Box height={mainHeight} flexDirection="column">
        {main}
      </Box>
      {state.logOpen ? <LogPanel log={state.log} height={LOG_HEIGHT} t={t} /> : null}
      <StatusBar
        connections={state.connections}
        middle={middle}
        width={columns}
        hints={hints}
        hintsAreError={Boolean(state.dateError)}
        profile={state.profile}
        t={t}
      />
    </Box>
  );
}
