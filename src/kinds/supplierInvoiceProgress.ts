import { isCostRow } from '../services/transfer/postingRows.js';
import type { translator } from '../i18n/index.js';
import { feesText } from './format.js';
import { statusText } from './statusText.js';
import type { AdmSupplierInvoice } from '../services/administration/models.js';
import type { RowStatus, TransferEvent } from '../services/transfer/engine.js';

/**
 * The engine reports supplier-invoice rows; the list shows invoices. Row events become one status per
 * invoice: running, done with the fee count, or partly transferred with the first failing row's reason.
 */
export function supplierInvoiceProgress(
  invoices: AdmSupplierInvoice[],
  onEvent: (e: TransferEvent) => void,
  t: ReturnType<typeof translator>,
): (e: TransferEvent) => void {
  const rowsOf = new Map(invoices.map((i) => [String(i.givenNumber), new Map<number, RowStatus>()]));
  return (event) => {
    if (event.type !== 'status') return onEvent(event);
    const [given, position] = event.id.split('/');
    const states = rowsOf.get(given!);
    if (!states) return;
    states.set(Number(position), event.status);
    const total = invoices.find((i) => String(i.givenNumber) === given)!.rows.filter(isCostRow).length;
    const all = [...states.values()];
    let status: RowStatus;
    if (all.length < total || all.some((s) => s.kind === 'running' || s.kind === 'queued'))
      status = { kind: all.some((s) => s.kind === 'running') ? 'running' : 'queued' };
    else {
      const failed = all.find((s) => s.kind === 'error');
      // A dry run's planned rows count as the fees they would become.
      const planned = all.filter((s) => s.kind === 'planned').length;
      const already = all.filter((s) => s.kind === 'skipped' && s.reason === 'already').length;
      const done = all.filter((s) => s.kind === 'done' || s.kind === 'planned').length + already;
      const fees = feesText(t, done);
      if (!failed) {
        status =
          done < total
            ? { kind: 'skipped', reason: 'cancelled' }
            : planned > 0
              ? { kind: 'planned', action: 'create', targetKey: fees }
              : // A rerun that found every row in Severa already did nothing, and says so.
                already === total
                ? { kind: 'skipped', reason: 'already', message: t('status.alreadyFees', { fees }) }
                : { kind: 'done', targetKey: fees, updated: false };
      } else {
        const reason = failed.kind === 'error' ? failed.message : '';
        // (done counts planned rows too, so a dry run reports the same "partly" as the real run.)
        const message = done === 0 ? reason : t('status.partly', { done, total, reason });
        status = {
          kind: 'error',
          message,
          detail: [...states.entries()]
            .sort(([a], [b]) => a - b)
            .map(([position, s]) => `${t('status.row', { position })}: ${statusText(s, t, 0).text}`)
            .join('\n'),
        };
      }
    }
    onEvent({ type: 'status', id: given!, status });
  };
}
