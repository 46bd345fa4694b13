import type { Column } from '../components/WindowedTable.js';
import type { Translate } from '../i18n/index.js';
import { cellsOf, kindOf, type ListId, type Loaded } from '../kinds/index.js';
import { makeRow, type Row } from '../state/list.js';
import type { TableId } from '../state/app.js';
import { HISTORY_COLUMNS } from './history.js';
import { COMPARE_COLUMNS } from './compare.js';

/** A loaded list's rows, each made from the kind's columns (cells beside their headers in the kind). */
export function rowsOf(list: ListId, loaded: Loaded<unknown>, t: Translate): Row[] {
  const kind = kindOf(list);
  const statuses = new Map(loaded.statuses);
  return loaded.records.map((record) => {
    const id = kind.id(record);
    return makeRow(id, cellsOf(kind, record, { t, loaded: statuses.get(id) }));
  });
}

/** A table's headers and widths, in the user's language. */
export function tableColumns(id: TableId, t: Translate): Column[] {
  const columns = id === 'history' ? HISTORY_COLUMNS : id === 'compare' ? COMPARE_COLUMNS : kindOf(id).columns;
  return columns.map((c) => ({ header: t(c.header), weight: c.weight, min: c.min, align: 'align' in c ? c.align : undefined }));
}
