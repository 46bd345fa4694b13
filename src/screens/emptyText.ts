import type { MessageKey, Translate } from '../i18n/index.js';
import { type AppState, type ListId, SOURCE_OF } from '../state/app.js';

const NOTHING_FOUND: Record<ListId, MessageKey> = {
  severaCustomers: 'empty.customers',
  administrationCustomers: 'empty.customers',
  severaProjects: 'empty.projects',
  severaInvoices: 'empty.invoices',
  supplierInvoices: 'empty.supplierInvoices',
  payments: 'empty.payments',
  history: 'empty.history',
};

/** What an empty table says: still loading, nothing matching the filter, or what the load looked for and how to widen it. */
export function emptyListText(state: AppState, id: ListId, t: Translate): string {
  const list = state.lists[id];
  if (list.loading) return t('list.loading');
  if (list.rows.length) return t('list.noMatch');
  if (id === 'severaInvoices' && !state.invoiceStatus) return t('list.pickStatusFirst');
  const asked = list.loadedWith;
  // A list whose side is still connecting loads as soon as it is there.
  if (!asked) return id !== 'history' && state.connections[SOURCE_OF[id]].state === 'connecting' ? t('list.loading') : t('list.empty');
  const status = state.invoiceStatuses.find((s) => s.guid === asked.statusGuid)?.name ?? '?';
  return t(NOTHING_FOUND[id], { since: asked.since, from: asked.since, to: asked.until ?? asked.since, status });
}
