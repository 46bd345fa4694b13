import type { MessageKey, Translate } from '../i18n/index.js';
import type { Difference } from '../services/compare/differences.js';
import { differenceText, fieldLabel } from '../session/compareText.js';
import { makeRow, type Row } from '../state/list.js';
import { FIX_TAGS, kindTag } from '../state/app.js';

interface CompareColumn {
  header: MessageKey;
  weight: number;
  min?: number;
  cell(d: Difference, t: Translate): string;
}

/** The Compare tab's columns: which kind, the record, why it is listed (with what differs), and what sets it right. */
export const COMPARE_COLUMNS: CompareColumn[] = [
  { header: 'compare.column.kind', weight: 1, min: 7, cell: (d, t) => t(`tabShort.${d.kind}`) },
  { header: 'compare.column.key', weight: 1, min: 7, cell: (d) => d.key },
  { header: 'compare.column.name', weight: 3, cell: (d) => d.name },
  {
    header: 'compare.column.difference',
    weight: 6,
    // Records on both sides: which fields differ (both values are in the details); otherwise why it is listed.
    cell: (d, t) =>
      BOTH_SIDES.has(d.reason)
        ? `≠ ${d.fields
            .filter((f) => f.differs)
            .map((f) => fieldLabel(f.field, t))
            .join(', ')}`
        : t(`compare.reason.${d.reason}`, { status: d.fields.find((f) => f.field === 'status')?.severa ?? '' }),
  },
  { header: 'compare.column.action', weight: 4, cell: (d, t) => differenceText(d, t).action },
];

const BOTH_SIDES = new Set(['customerDiffers', 'projectDiffers', 'invoiceDiffers', 'feeDiffers']);

export function compareRows(differences: Difference[], t: Translate): Row[] {
  return differences.map((d) =>
    makeRow(
      d.id,
      COMPARE_COLUMNS.map((c) => c.cell(d, t)),
      [kindTag(d.kind), d.fix ? FIX_TAGS.fixable : FIX_TAGS.byHand],
    ),
  );
}

/** The details view (Enter): both sides of every field, the differing ones marked. */
export function compareDetails(d: Difference, t: Translate): [string, string][] {
  const { reason, action } = differenceText(d, t);
  return [
    [t('compare.column.kind'), t(`compare.kind.${d.kind}`)],
    [t('compare.column.key'), `${d.key} ${d.name}`],
    [t('compare.column.difference'), reason],
    [t('compare.column.action'), action],
    ...d.fields.map((f): [string, string] => [
      `${f.differs ? '≠ ' : '  '}${fieldLabel(f.field, t)}`,
      `${t('compare.field.severa')}: ${f.severa || '–'}   ${t('compare.field.administration')}: ${f.administration || '–'}`,
    ]),
  ];
}
