import { Box } from 'ink';
import { Text } from './Text.js';
import { memo, useMemo } from 'react';
import type { Translate } from '../i18n/index.js';
import type { RowStatus } from '../services/transfer/engine.js';
import { isMarked, type ListState, type Row } from '../state/list.js';
import { columnWidths, fit, fitRight } from '../text.js';
import { statusText } from '../kinds/statusText.js';

export interface Column {
  header: string;
  weight: number;
  /** Columns that must not be cut (numbers, dates). */
  min?: number;
  /** Amounts line up on the right. */
  align?: 'right';
}

const MARKER = 3;

interface RowProps {
  row: Row;
  widths: number[];
  /** 'r' for each right-aligned column, else 'l' (a string, so the memoised rows compare it cheaply). */
  aligns: string;
  statusWidth: number;
  active: boolean;
  marked: boolean;
  inRange: boolean;
  status: RowStatus | undefined;
  t: Translate;
  tick: number;
}

const TableRow = memo(function TableRow({ row, widths, aligns, statusWidth, active, marked, inRange, status, t, tick }: RowProps) {
  const cells = widths.map((w, i) => (aligns[i] === 'r' ? fitRight : fit)(row.cells[i] ?? '', w - 1) + ' ').join('');
  // Trailing blanks still cost ink a width lookup per character; an empty status needs none.
  const s = statusText(status, t, tick);
  return (
    <Text inverse={active} wrap="truncate-end">
      {marked ? <Text color="green">{`${active ? '›' : ' '}● `}</Text> : `${active ? '›' : ' '}${inRange ? '┆' : ' '} `}
      {cells}
      {s.text ? <Text color={s.color}>{fit(s.text, statusWidth).trimEnd()}</Text> : null}
    </Text>
  );
});

export interface WindowedTableProps {
  columns: Column[];
  statusHeader: string;
  list: ListState;
  height: number;
  width: number;
  t: Translate;
  tick: number;
  emptyText: string;
  /** Lists that are never transferred (the history) have no status column. */
  statusColumn?: boolean;
}

/** A table that draws only the rows in view: cost per key press does not grow with the row count. */
export function WindowedTable({ columns, statusHeader, list, height, width, t, tick, emptyText, statusColumn = true }: WindowedTableProps) {
  // An empty Status column gives its room to the data until a row has a status to show.
  const statusWidth = !statusColumn
    ? 0
    : list.statuses.size
      ? Math.max(14, Math.min(40, Math.floor(width * 0.26)))
      : Math.min(statusHeader.length + 1, 14);
  // Each header whole when there is room for all of them; else only the columns' own minimums hold.
  const room = width - MARKER - statusWidth;
  const whole = columns.map((c) => Math.max(c.min ?? 3, c.header.length + 1));
  const mins = whole.reduce((a, b) => a + b, 0) <= room ? whole : columns.map((c) => c.min ?? 3);
  const layout = columns.map((c, i) => `${c.weight}/${mins[i]}`).join(',');
  // Stable widths keep every memoised row from drawing again on each key.
  const widths = useMemo(
    () =>
      columnWidths(
        room,
        columns.map((c) => c.weight),
        mins,
      ),
    [room, layout],
  );
  const aligns = columns.map((c) => (c.align === 'right' ? 'r' : 'l')).join('');
  const header =
    ' '.repeat(MARKER) +
    columns.map((c, i) => (c.align === 'right' ? fitRight : fit)(c.header, widths[i]! - 1) + ' ').join('') +
    fit(statusHeader, statusWidth);
  const slice = list.visible.slice(list.offset, list.offset + height);
  const [from, to] =
    list.anchor === undefined ? [-1, -1] : list.anchor < list.cursor ? [list.anchor, list.cursor] : [list.cursor, list.anchor];
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold wrap="truncate-end">
        {header}
      </Text>
      {slice.length === 0 ? (
        <Text color="gray">{emptyText}</Text>
      ) : (
        slice.map((index, i) => {
          const row = list.rows[index]!;
          const position = list.offset + i;
          const status = list.statuses.get(row.id);
          return (
            <TableRow
              key={row.id}
              row={row}
              widths={widths}
              aligns={aligns}
              statusWidth={statusWidth}
              active={position === list.cursor}
              marked={isMarked(list, row.id)}
              inRange={position >= from && position <= to}
              status={status}
              t={t}
              tick={status?.kind === 'running' ? tick : 0}
            />
          );
        })
      )}
    </Box>
  );
}
