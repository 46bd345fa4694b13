import type { Column } from '../components/WindowedTable.js';
import type { Translate } from '../i18n/index.js';
import type { ListId } from '../state/app.js';

/** The columns of each list, in the order the session fills the cells. */
export function columnsOf(list: ListId, t: Translate): Column[] {
  switch (list) {
    case 'severaCustomers':
    case 'administrationCustomers':
      return [
        { header: t('col.number'), weight: 2, min: 6 },
        { header: t('col.name'), weight: 6 },
        { header: t('col.city'), weight: 3 },
        { header: t('col.email'), weight: 5 },
        { header: t('col.changed'), weight: 3, min: 11 },
      ];
    case 'severaProjects':
      return [
        { header: t('col.number'), weight: 2, min: 5 },
        { header: t('col.name'), weight: 6 },
        { header: t('col.customer'), weight: 5 },
        { header: t('col.start'), weight: 3, min: 11 },
        { header: t('col.end'), weight: 3, min: 11 },
        { header: t('col.state'), weight: 2, min: 7 },
      ];
    case 'severaInvoices':
      return [
        { header: t('col.number'), weight: 2, min: 6 },
        { header: t('col.date'), weight: 3, min: 11 },
        { header: t('col.customer'), weight: 6 },
        { header: t('col.total'), weight: 3, min: 13 },
        { header: t('col.currency'), weight: 1, min: 4 },
        { header: t('list.status'), weight: 3 },
        { header: t('col.transferred'), weight: 2, min: 6 },
      ];
    case 'supplierInvoices':
      return [
        { header: t('col.given'), weight: 2, min: 5 },
        { header: t('col.supplier'), weight: 6 },
        { header: t('col.supplierInvoice'), weight: 3 },
        { header: t('col.date'), weight: 3, min: 11 },
        { header: t('col.total'), weight: 3, min: 13 },
        { header: t('col.projects'), weight: 3 },
      ];
    case 'history':
      return [
        { header: t('col.time'), weight: 3, min: 17 },
        { header: t('col.kind'), weight: 3 },
        { header: t('col.result'), weight: 2, min: 8 },
        { header: t('col.record'), weight: 5 },
        { header: t('col.target'), weight: 2 },
        { header: t('col.reason'), weight: 5 },
      ];
    case 'payments':
      return [
        { header: t('col.invoice'), weight: 2, min: 7 },
        { header: t('col.paid'), weight: 3, min: 13 },
        { header: t('col.lastPayment'), weight: 3, min: 11 },
        { header: t('col.payments'), weight: 2 },
      ];
  }
}
