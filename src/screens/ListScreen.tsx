import { Box, Text } from 'ink';
import { WindowedTable } from '../components/WindowedTable.js';
import type { Translate } from '../i18n/index.js';
import { activeList, type AppState, listName, tableHeight } from '../state/app.js';
import { columnsOf } from './columns.js';
import { emptyListText } from './emptyText.js';

/** One tab's list: its title (or the Severa/Administration switch), its filters and the table. */
export function ListScreen({ state, t, tick }: { state: AppState; t: Translate; tick: number }) {
  const id = activeList(state);
  const list = state.lists[id];
  const narrow = state.size.columns < 100;
  const field = (which: 'since' | 'until', value: string) => {
    const editing = state.focus === which;
    return (
      <Text inverse={editing} color={editing && state.dateError ? 'red' : undefined}>
        {editing ? state.dateDraft : value}
        {editing ? '▏' : ''}
      </Text>
    );
  };
  const side = (which: 'severa' | 'administration') => (
    <Text
      inverse={state.side === which}
      bold={state.side === which}
    >{` ${narrow ? t(`conn.${which}`) : t(which === 'severa' ? 'side.severa' : 'side.administration')} `}</Text>
  );
  const statusName = state.invoiceStatuses.find((s) => s.guid === state.invoiceStatus)?.name;
  const position = t('list.rows', { row: list.visible.length ? list.cursor + 1 : 0, count: list.visible.length });
  return (
    <Box flexDirection="column">
      <Box width={state.size.columns}>
        <Box width={Math.max(10, state.size.columns - position.length - 1)}>
          <Text wrap="truncate-end">
            {state.tab === 'customers' ? (
              <Text>
                {side('severa')}
                {side('administration')}
              </Text>
            ) : (
              <Text bold>{` ${listName(state, id)} `}</Text>
            )}
            {id === 'severaInvoices' ? (
              <Text>
                {`  ${t('list.status')}: `}
                <Text color={statusName ? 'cyan' : 'yellow'}>{statusName ?? t('list.pickStatusFirst')}</Text>
                {`  ${t('list.afterStatus')}: `}
                <Text color="cyan">{state.afterStatus ?? t('list.none')}</Text>
              </Text>
            ) : id === 'supplierInvoices' ? (
              <Text>
                {`  ${t('list.from')}: `}
                {field('since', state.since[id])}
                {`  ${t('list.to')}: `}
                {field('until', state.until)}
              </Text>
            ) : (
              <Text>
                {`  ${t(id === 'payments' ? 'list.paidSince' : 'list.changedSince')}: `}
                {field('since', state.since[id])}
              </Text>
            )}
            {state.focus === 'filter' || list.filter ? (
              <Text>
                {`  ${t('list.filter')}: `}
                <Text color="cyan" inverse={state.focus === 'filter'}>
                  {list.filter}
                  {state.focus === 'filter' ? '▏' : ''}
                </Text>
              </Text>
            ) : null}
            {list.loading ? <Text color="yellow">{`  ${t('list.loading')}`}</Text> : null}
            {list.error ? <Text color="red">{`  ${list.error}`}</Text> : null}
          </Text>
        </Box>
        <Box width={position.length + 1}>
          <Text bold>{` ${position}`}</Text>
        </Box>
      </Box>
      {list.banner ? <Text color="black" backgroundColor="yellow" wrap="truncate-end">{` ${list.banner} `}</Text> : null}
      <WindowedTable
        columns={columnsOf(id, t)}
        statusHeader={t('col.status')}
        list={list}
        height={tableHeight(state) - (list.banner ? 1 : 0)}
        width={state.size.columns}
        t={t}
        tick={tick}
        statusColumn={id !== 'history'}
        emptyText={emptyListText(state, id, t)}
      />
    </Box>
  );
}
