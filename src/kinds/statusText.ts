import type { Translate } from '../i18n/index.js';
import { printable } from '../text.js';
import type { RowStatus } from '../services/transfer/engine.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A row's status as the Status column, the details view and a supplier invoice's row list say it. */
export function statusText(status: RowStatus | undefined, t: Translate, tick: number): { text: string; color?: string } {
  if (!status) return { text: '' };
  switch (status.kind) {
    case 'queued':
      return { text: `· ${t('status.queued')}`, color: 'gray' };
    case 'running':
      return { text: `${SPINNER[tick % SPINNER.length]} ${t('status.running')}`, color: 'cyan' };
    case 'done':
      return { text: t(status.updated ? 'status.updated' : 'status.done', { key: status.targetKey }), color: 'green' };
    case 'skipped':
      if (status.reason === 'already' && status.message) return { text: `⤼ ${printable(status.message)}`, color: 'yellow' };
      return {
        text: t(status.reason === 'cancelled' ? 'status.cancelled' : status.reason === 'unchanged' ? 'status.unchanged' : 'status.skipped'),
        color: status.reason === 'unchanged' ? 'gray' : 'yellow',
      };
    case 'error':
      return { text: t('status.error', { message: printable(status.message) }), color: 'red' };
    case 'planned':
      return { text: `→ ${status.action}${status.targetKey ? ` ${status.targetKey}` : ''}`, color: 'cyan' };
  }
}
