import type { Translate } from '../i18n/index.js';
import { kindOf } from '../kinds/index.js';
import type { AppState, TableId } from '../state/app.js';

/** What an empty table says: still loading, nothing matching the filter, or what the load looked for and how to widen it. */
export function emptyListText(state: AppState, id: TableId, t: Translate): string {
  const table = state.tables[id];
  if (table.loading) return t('list.loading');
  if (table.rows.length) return t('list.noMatch');
  if (id === 'compare') return table.loadedWith ? t('compare.empty') : t('list.loading');
  const kind = id === 'history' ? undefined : kindOf(id);
  if (kind?.filter === 'status' && !state.invoiceStatus) return t('list.pickStatusFirst');
  const asked = table.loadedWith;
  // A list whose side is still connecting loads as soon as it is there.
  if (!asked) return kind && state.connections[kind.source].state === 'connecting' ? t('list.loading') : t('list.empty');
  const status = state.invoiceStatuses.find((s) => s.guid === asked.statusGuid)?.name ?? '?';
  return t(kind?.empty ?? 'empty.history', { since: asked.since, from: asked.since, to: asked.until ?? asked.since, status });
}
