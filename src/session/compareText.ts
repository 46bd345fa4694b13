import type { Translate } from '../i18n/index.js';
import { isMessageKey } from '../i18n/index.js';
import type { Difference } from '../services/compare/differences.js';

/** A difference in the user's words: why it is listed, and what sets it right (a transfer, or a person). */
export function differenceText(d: Difference, t: Translate): { reason: string; action: string } {
  const status = d.fields.find((f) => f.field === 'status')?.severa ?? '';
  const reason = t(`compare.reason.${d.reason}` as never, { status });
  const later = d.changedLater
    ? ` (${t('compare.changedLater', { side: d.changedLater === 'severa' ? 'Severa' : 'Administration' })})`
    : '';
  const byHand = `compare.byHand.${d.reason}`;
  const action = d.fix ? t(`compare.fix.${d.fix.list}` as never) : isMessageKey(byHand) ? t(byHand) : '';
  return { reason: reason + later, action };
}

/** A compared field's name in the user's words (the details' labels), else as the compare names it. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** The fields that differ, as "field: Severa → Administration". */
export function differingFields(d: Difference, t: Translate): string {
  return d.fields
    .filter((f) => f.differs)
    .map((f) => `${fieldLabel(f.field, t)}: ${f.severa || '–'} → ${f.administration || '–'}`)
    .join('; ');
}
