import type { MessageKey, Translate } from '../i18n/index.js';
import type { HistoryEntry } from '../services/transfer/ledger.js';
import { makeRow, type Row } from '../state/list.js';
import { dayAndTime } from '../kinds/details.js';

interface HistoryColumn {
  header: MessageKey;
  weight: number;
  min?: number;
  cell(entry: HistoryEntry, t: Translate): string;
}

/** The History screen's columns: when, what kind and which way, the result, the record, where it went and why. */
export const HISTORY_COLUMNS: HistoryColumn[] = [
  // The user's local time, as every other time on screen.
  { header: 'col.time', weight: 3, min: 17, cell: (e) => dayAndTime(e.time) },
  { header: 'col.kind', weight: 4, cell: (e, t) => t(`history.${e.kind}.${e.direction}` as MessageKey) },
  { header: 'col.result', weight: 2, min: 10, cell: (e, t) => t(`result.${e.result}`) },
  { header: 'col.record', weight: 5, cell: (e) => e.label },
  { header: 'col.target', weight: 2, cell: (e, t) => targetText(e, t) },
  { header: 'col.reason', weight: 5, cell: (e, t) => reasonText(e.reason, t) },
];

/** The engine's own reasons in the user's words; any other reason is already a sentence. */
const REASONS: Record<string, MessageKey> = {
  conflict: 'reason.conflict',
  cancelled: 'reason.cancelled',
  unchanged: 'reason.unchanged',
};
const reasonText = (reason: string | null, t: Translate) => (reason ? (REASONS[reason] ? t(REASONS[reason]) : reason) : '');

/** Where the record went: a supplier-invoice row's fee is named by its project, not by the fee's id. */
function targetText(e: HistoryEntry, t: Translate): string {
  if (!e.targetKey) return '';
  const fee = e.kind === 'supplier-invoices' ? /^(.*): [0-9a-f-]+$/.exec(e.targetKey) : null;
  return fee ? t('history.feeOn', { project: fee[1]! }) : e.targetKey;
}

export function historyRows(entries: HistoryEntry[], t: Translate): Row[] {
  return entries.map((e) =>
    makeRow(
      String(e.id),
      HISTORY_COLUMNS.map((c) => c.cell(e, t)),
    ),
  );
}
