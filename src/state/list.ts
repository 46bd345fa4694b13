import type { RowStatus } from '../services/transfer/engine.js';

export interface Row {
  id: string;
  cells: string[];
  /** What a list's `only` filter picks rows by (the Compare tab: the difference's kind, and how it is set right). */
  tags?: string[];
}

export interface ListState {
  rows: Row[];
  /** Indexes into rows that pass the filter, in order. */
  visible: number[];
  /** Position in `visible`. */
  cursor: number;
  /** First visible position drawn. */
  offset: number;
  /** Ids whose mark differs from the default: marked ones, or (when `invert`) unmarked ones. */
  selected: Set<string>;
  /** Ctrl+A on the whole list sets this instead of listing every id: O(1) at any size. */
  invert: boolean;
  /** Start of a range mark (position in `visible`), while one is open. */
  anchor: number | undefined;
  statuses: Map<string, RowStatus>;
  /** Tags a row must carry to be shown (see setOnly). */
  only?: string[];
  filter: string;
  loading: boolean;
  error: string | undefined;
  /** Why the whole list cannot be transferred (e.g. projects on Administration 500). */
  banner?: string;
  /** The filter of the last load that came back: what an empty list says it looked for. */
  loadedWith?: { since: string; until?: string; statusGuid?: string };
}

export function emptyList(): ListState {
  return {
    rows: [],
    visible: [],
    cursor: 0,
    offset: 0,
    selected: new Set(),
    invert: false,
    anchor: undefined,
    statuses: new Map(),
    filter: '',
    loading: false,
    error: undefined,
  };
}

export function makeRow(id: string, cells: string[], tags?: string[]): Row {
  return tags ? { id, cells, tags } : { id, cells };
}

/**
 * The lower-cased text the filter matches a row against, made the first time the list is filtered: 100,000 rows
 * listed and never filtered do not carry a second copy of their text.
 */
function searchText(row: Row & { search?: string }): string {
  // Kept on the row itself once made (a memo, not state): a property read is what a keystroke over 100,000 rows can afford.
  return (row.search ??= row.cells.join('\u0000').toLowerCase());
}

function visibleOf(rows: Row[], filter: string, only: readonly string[] = []): number[] {
  const needle = filter.trim().toLowerCase();
  if (!needle && !only.length) return Array.from(rows.keys());
  const out: number[] = [];
  // The text filter alone (every list but Compare) is the loop a keystroke runs over 100,000 rows: kept bare.
  if (!only.length) {
    for (let i = 0; i < rows.length; i++) if (searchText(rows[i]!).includes(needle)) out.push(i);
    return out;
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (only.some((tag) => !row.tags?.includes(tag))) continue;
    if (!needle || searchText(row).includes(needle)) out.push(i);
  }
  return out;
}

/** Keeps the cursor inside the list and the window around the cursor; height is the drawn rows. */
function follow(list: ListState, cursor: number, height: number): ListState {
  const last = Math.max(0, list.visible.length - 1);
  const c = Math.min(Math.max(0, cursor), last);
  let offset = list.offset;
  if (c < offset) offset = c;
  if (c >= offset + height) offset = c - height + 1;
  offset = Math.min(Math.max(0, offset), Math.max(0, list.visible.length - height));
  return { ...list, cursor: c, offset };
}

/** One row as its record is now; its place, mark and status stay (it never vanishes under the cursor). */
export function replaceRow(list: ListState, row: Row): ListState {
  const index = list.rows.findIndex((r) => r.id === row.id);
  if (index < 0) return list;
  const rows = list.rows.slice();
  rows[index] = row;
  return { ...list, rows };
}

/**
 * A list loaded again (a refresh, another date, status or range): only rows that were listed and marked stay
 * marked. Ctrl+A's "all" meant the rows on screen then, never rows that arrive later.
 */
export function setRows(list: ListState, rows: Row[], height: number): ListState {
  const wasMarked = new Set(markedIds(list));
  const selected = new Set(rows.filter((r) => wasMarked.has(r.id)).map((r) => r.id));
  const next = {
    ...list,
    rows,
    visible: visibleOf(rows, list.filter, list.only),
    selected,
    invert: false,
    loading: false,
    error: undefined,
    anchor: undefined,
  };
  return follow(next, list.cursor, height);
}

/** Rows of a page that arrived while the list loads, after the ones shown; cursor and marks stay. */
export function appendRows(list: ListState, rows: Row[], height: number): ListState {
  const start = list.rows.length;
  const all = [...list.rows, ...rows];
  const added = visibleOf(rows, list.filter, list.only).map((i) => start + i);
  return follow({ ...list, rows: all, visible: [...list.visible, ...added] }, list.cursor, height);
}

export function setFilter(list: ListState, filter: string, height: number): ListState {
  return refilter(list, filter, list.only, height);
}

/** Shows only the rows carrying every one of `only`'s tags (beside the text filter). */
export function setOnly(list: ListState, only: string[], height: number): ListState {
  return refilter(list, list.filter, only, height);
}

/** The rows the filters let through, the cursor kept on its row when that row still shows. */
function refilter(list: ListState, filter: string, only: string[] | undefined, height: number): ListState {
  const currentId = list.rows[list.visible[list.cursor] ?? -1]?.id;
  const visible = visibleOf(list.rows, filter, only);
  const keep = currentId ? visible.findIndex((i) => list.rows[i]!.id === currentId) : -1;
  return follow({ ...list, filter, only, visible, anchor: undefined, offset: 0 }, keep >= 0 ? keep : 0, height);
}

export function moveCursor(list: ListState, delta: number | 'home' | 'end', height: number): ListState {
  const target = delta === 'home' ? 0 : delta === 'end' ? list.visible.length - 1 : list.cursor + delta;
  return follow(list, target, height);
}

export function isMarked(list: ListState, id: string): boolean {
  return list.invert !== list.selected.has(id);
}

export function markedCount(list: ListState): number {
  return list.invert ? list.rows.length - list.selected.size : list.selected.size;
}

export function markedIds(list: ListState): string[] {
  return list.rows.filter((r) => isMarked(list, r.id)).map((r) => r.id);
}

/** How many rows are shown and how many of them are marked (O(1) without a filter, at any size). */
export function shownCount(list: ListState): { marked: number; shown: number } {
  if (list.visible.length === list.rows.length) return { marked: markedCount(list), shown: list.rows.length };
  return { marked: list.visible.reduce((n, i) => n + (isMarked(list, list.rows[i]!.id) ? 1 : 0), 0), shown: list.visible.length };
}

/** The marked rows among those shown: with a filter on, what the status bar counts and `t` transfers. */
export function markedShown(list: ListState): string[] {
  if (list.visible.length === list.rows.length) return markedIds(list);
  return list.visible.map((i) => list.rows[i]!.id).filter((id) => isMarked(list, id));
}

/** Marks or unmarks one id, whichever way the selection is stored. */
function mark(selected: Set<string>, invert: boolean, id: string, on: boolean): void {
  if (on !== invert) selected.add(id);
  else selected.delete(id);
}

export function currentRow(list: ListState): Row | undefined {
  return list.rows[list.visible[list.cursor] ?? -1];
}

export function toggleRow(list: ListState): ListState {
  const row = currentRow(list);
  if (!row) return list;
  const selected = new Set(list.selected);
  mark(selected, list.invert, row.id, !isMarked(list, row.id));
  return { ...list, selected };
}

/** Marks the current row (never unmarks) and moves: shift+arrows. */
export function extend(list: ListState, delta: number, height: number): ListState {
  const row = currentRow(list);
  if (!row) return list;
  const selected = new Set(list.selected);
  mark(selected, list.invert, row.id, true);
  return moveCursor({ ...list, selected }, delta, height);
}

/** Ctrl+A: all visible rows; again (all already marked): none. */
export function selectAll(list: ListState): ListState {
  const unfiltered = list.visible.length === list.rows.length;
  const allMarked =
    list.visible.length > 0 &&
    (unfiltered ? markedCount(list) === list.rows.length : list.visible.every((i) => isMarked(list, list.rows[i]!.id)));
  if (unfiltered) return { ...list, selected: new Set(), invert: !allMarked };
  const selected = new Set(list.selected);
  for (const i of list.visible) mark(selected, list.invert, list.rows[i]!.id, !allMarked);
  return { ...list, selected };
}

/** v opens a range at the cursor; v again marks every row between it and the cursor. */
export function rangeMark(list: ListState): ListState {
  if (list.anchor === undefined) return { ...list, anchor: list.cursor };
  const [from, to] = list.anchor < list.cursor ? [list.anchor, list.cursor] : [list.cursor, list.anchor];
  const selected = new Set(list.selected);
  for (let p = from; p <= to; p++) mark(selected, list.invert, list.rows[list.visible[p]!]!.id, true);
  return { ...list, selected, anchor: undefined };
}

/**
 * A batch of row statuses from a running transfer. The map is updated in place (the one exception to copying
 * state): a run's 20,000 statuses copied for every batch cost more than drawing them. The list itself is new, so
 * the screen knows it changed; a row's status is a new object, so only the rows that changed draw again.
 */
export function setStatuses(list: ListState, updates: [string, RowStatus][]): ListState {
  for (const [id, status] of updates) list.statuses.set(id, status);
  return { ...list };
}
