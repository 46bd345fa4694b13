import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { ReactNode } from 'react';
import { WindowedTable } from '../components/WindowedTable.js';
import type { Translate } from '../i18n/index.js';
import { type AppState, type TableId, tableHeight } from '../state/app.js';
import { emptyListText } from './emptyText.js';
import { tableColumns } from './rows.js';
import { withCaret } from '../state/textEdit.js';

/** A date being shown, or typed into (inverse, red while refused). */
export function DateField({ state, which, value }: { state: AppState; which: 'since' | 'until'; value: string }) {
  const editing = state.focus === which;
  return (
    <Text inverse={editing} color={editing && state.dateError ? 'red' : undefined}>
      {editing ? withCaret(state.dateDraft, state.dateFresh ? 0 : state.caretBack) : value}
    </Text>
  );
}

/** A table with its header line: the title and filters on the left, the row position on the right, a banner under it. */
export function TableScreen({
  state,
  id,
  t,
  tick,
  title,
  filters,
}: {
  state: AppState;
  id: TableId;
  t: Translate;
  tick: number;
  title: ReactNode;
  filters: ReactNode;
}) {
  const table = state.tables[id];
  const position = t('list.rows', { row: table.visible.length ? table.cursor + 1 : 0, count: table.visible.length });
  return (
    <Box flexDirection="column">
      <Box width={state.size.columns}>
        <Box width={Math.max(10, state.size.columns - position.length - 1)}>
          <Text wrap="truncate-end">
            {title}
            {filters}
            {state.focus === 'filter' || table.filter ? (
              <Text>
                {`  ${t('list.filter')}: `}
                <Text color="cyan" inverse={state.focus === 'filter'}>
                  {state.focus === 'filter' ? withCaret(table.filter, state.caretBack) : table.filter}
                </Text>
              </Text>
            ) : null}
            {table.loading ? <Text color="yellow">{`  ${t('list.loading')}`}</Text> : null}
            {table.error ? <Text color="red">{`  ${table.error}`}</Text> : null}
          </Text>
        </Box>
        <Box width={position.length + 1}>
          <Text bold>{` ${position}`}</Text>
        </Box>
      </Box>
      {table.banner ? <Text color="black" backgroundColor="yellow" wrap="truncate-end">{` ${table.banner} `}</Text> : null}
      <WindowedTable
        columns={tableColumns(id, t)}
        statusHeader={t('col.status')}
        list={table}
        height={tableHeight(state) - (table.banner ? 1 : 0)}
        width={state.size.columns}
        t={t}
        tick={tick}
        statusColumn={id !== 'history'}
        emptyText={emptyListText(state, id, t)}
      />
    </Box>
  );
}
