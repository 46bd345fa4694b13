import type { MessageKey, Translate } from '../i18n/index.js';
import type { HistoryEntry } from '../services/transfer/ledger.js';
import { makeRow, type Row } from '../state/list.js';

interface HistoryColumn {
  header: MessageKey;
  weight: number;
  min?: number;
  cell(entry: HistoryEntry, t: Translate): string;
}

/** The History screen's columns: when, what kind and which way, the result, the record, where it went and why. */
export const HISTORY_COLUMNS: HistoryColumn[] = [
  { header: 'col.time', weight: 3, min: 17, cell: (e) => e.time.slice(0, 16).replace('T', ' ') },
  { header: 'col.kind', weight: 3, cell: (e, t) => `${t(`kind.${e.kind}`)} ${e.direction === 'to-severa' ? '→ Severa' : '→ Adm.'}` },
  { header: 'col.result', weight: 2, min: 8, cell: (e) => e.result },
  { header: 'col.record', weight: 5, cell: (e) => e.label },
  { header: 'col.target', weight: 2, cell: (e) => e.targetKey ?? '' },
  { header: 'col.reason', weight: 5, cell: (e) => e.reason ?? '' },
];

export function historyRows(entries: HistoryEntry[], t: Translate): Row[] {
  return entries.map((e) =>
    makeRow(
      String(e.id),
      HISTORY_COLUMNS.map((c) => c.cell(e, t)),
    ),
  );
}
