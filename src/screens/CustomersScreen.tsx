import { Box, Text } from 'ink';
import React from 'react';
import type { Translate } from '../i18n/index.js';
import { activeList, type AppState, tableHeight } from '../state/app.js';
import { type Column, WindowedTable } from '../components/WindowedTable.js';

export function customerColumns(t: Translate): Column[] {
  return [
    { header: t('col.number'), weight: 2, min: 6 },
    { header: t('col.name'), weight: 6 },
    { header: t('col.city'), weight: 3 },
    { header: t('col.email'), weight: 5 },
    { header: t('col.changed'), weight: 3, min: 11 },
  ];
}

/** The two customer lists, one in view: Severa's (transfer to Administration) and Administration's (to Severa). */
export function CustomersScreen({ state, t, tick }: { state: AppState; t: Translate; tick: number }) {
  const id = activeList(state);
  const list = state.lists[id];
  const editing = state.focus === 'since';
  const narrow = state.size.columns < 100;
  const since = editing ? state.sinceDraft : state.since[id];
  const side = (which: 'severa' | 'administration') => (
    <Text inverse={state.side === which} bold={state.side === which}>{` ${narrow ? t(`conn.${which}`) : t(which === 'severa' ? 'side.severa' : 'side.administration')} `}</Text>
  );
  const position = t('list.rows', { row: list.visible.length ? list.cursor + 1 : 0, count: list.visible.length });
  return (
    <Box flexDirection="column">
      <Box width={state.size.columns}>
      <Box width={Math.max(10, state.size.columns - position.length - 1)}>
      <Text wrap="truncate-end">
        {side('severa')}
        {side('administration')}
        {`  ${t('list.changedSince')}: `}
        <Text inverse={editing} color={state.sinceError ? 'red' : undefined}>{since}{editing ? '▏' : ''}</Text>
        {!state.sinceError && (state.focus === 'filter' || list.filter) ? (
          <Text>
            {`  ${t('list.filter')}: `}
            <Text color="cyan" inverse={state.focus === 'filter'}>{list.filter}{state.focus === 'filter' ? '▏' : ''}</Text>
          </Text>
        ) : null}
        {list.loading ? <Text color="yellow">{`  ${t('list.loading')}`}</Text> : null}
        {list.error ? <Text color="red">{`  ${list.error}`}</Text> : null}
      </Text>
      </Box>
      {state.sinceError ? null : <Box width={position.length + 1}><Text bold>{` ${position}`}</Text></Box>}
      </Box>
      <WindowedTable
        columns={customerColumns(t)}
        statusHeader={t('col.status')}
        list={list}
        height={tableHeight(state)}
        width={state.size.columns}
        t={t}
        tick={tick}
        emptyText={list.loading ? t('list.loading') : list.rows.length ? t('list.noMatch') : t('list.empty')}
      />
    </Box>
  );
}
