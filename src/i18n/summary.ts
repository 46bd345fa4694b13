import type { TransferSummary } from '../services/transfer/engine.js';
import type { MessageKey, Translate } from './index.js';

const COUNTS = ['transferred', 'updated', 'skipped', 'failed'] as const;

/** "Done: 1 transferred, …" with each count's word agreeing with it ("1 överförd", "2 överförda"). */
export function summaryText(t: Translate, summary: TransferSummary): string {
  const part = (name: (typeof COUNTS)[number] | 'cancelled') =>
    t(`summary.${name}${summary[name] === 1 ? 'One' : ''}` as MessageKey, { count: summary[name] });
  const parts = COUNTS.map(part);
  if (summary.cancelled) parts.push(part('cancelled'));
  return t('transfer.summary', { parts: parts.join(', ') });
}
