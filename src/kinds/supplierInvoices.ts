import { costRows, postingRowKind } from '../services/transfer/postingRows.js';
import { detailLines, detailList, joined } from './details.js';
import { translator } from '../i18n/index.js';
import type { AdmSupplierInvoice } from '../services/administration/models.js';
import type { RowStatus } from '../services/transfer/engine.js';
import { rowId, type SupplierInvoiceRowItem, supplierInvoiceRowsToSevera } from '../services/transfer/supplierInvoiceSteps.js';
import { feesText, money } from './format.js';
import { runOf } from './run.js';
import { supplierInvoiceProgress } from './supplierInvoiceProgress.js';
import type { Kind } from './types.js';

/** Administration's supplier invoices dated From–To; each cost row becomes a fee on its project in Severa. */
export const supplierInvoices: Kind<AdmSupplierInvoice> = {
  list: 'supplier-invoices',
  name: 'supplier-invoices',
  source: 'administration',
  filter: 'range',
  title: 'list.supplier-invoices',
  empty: 'empty.supplier-invoices',
  columns: [
    { header: 'col.given', weight: 2, min: 5, cell: (i) => String(i.givenNumber) },
    { header: 'col.supplier', weight: 6, cell: (i) => i.supplierName },
    { header: 'col.supplierInvoice', weight: 3, cell: (i) => i.invoiceNumber },
    { header: 'col.date', weight: 3, min: 11, cell: (i) => i.invoiceDate },
    { header: 'col.total', weight: 3, min: 13, align: 'right', cell: (i) => money(i.total) },
    {
      header: 'col.projects',
      weight: 3,
      cell: (i) =>
        [
          ...new Set(
            costRows(i)
              .map((r) => r.project || i.project)
              .filter(Boolean),
          ),
        ].join(', '),
    },
  ],
  details: (i, { t }) => [
    ...detailLines(t, [
      ['field.given', i.givenNumber],
      ['field.supplier', joined(' ', i.supplierNumber, i.supplierName)],
      ['field.supplierInvoice', i.invoiceNumber],
      ['field.date', i.invoiceDate],
      ['field.dueDate', i.dueDate],
      ['field.total', joined(' ', money(i.total), i.currencyCode)],
      ['field.vatAmount', money(i.vatAmount)],
      ['field.project', i.project],
      ['field.cancelled', i.cancelled ? true : undefined],
    ]),
    ...detailList(
      t,
      'field.rows',
      i.rows.map((r) => {
        const kind = postingRowKind(r);
        return (
          `${r.position}. ` +
          joined(
            ' · ',
            r.text,
            r.accountNumber && t('detail.account', { account: r.accountNumber }),
            kind === 'cost' && (r.project || i.project) ? t('detail.project', { project: r.project || i.project || '' }) : undefined,
            r.articleNumber && t('detail.article', { article: r.articleNumber }),
            money(r.amount),
            // The rows that stay behind, and why.
            kind === 'cost' ? undefined : t(`detail.notFee.${kind}`),
          )
        );
      }),
    ),
  ],
  id: (i) => String(i.givenNumber),
  keys: (i) => [String(i.givenNumber)],
  async load(ctx, filter, t) {
    const records = await ctx.administration().listSupplierInvoices(filter.since, filter.until ?? filter.since);
    const statuses: [string, RowStatus][] = [];
    for (const i of records) {
      const costs = costRows(i);
      const done = costs.filter((r) => ctx.ledger.lastDone('supplier-invoices', 'to-severa', rowId(i.givenNumber, r.position))).length;
      if (done === 0) continue;
      statuses.push([
        String(i.givenNumber),
        done === costs.length
          ? { kind: 'done', targetKey: feesText(t, done), updated: false }
          : { kind: 'error', message: t('status.partlyDone', { done, total: costs.length }) },
      ]);
    }
    return { records, statuses };
  },
  async run(ctx, records, request) {
    const items: SupplierInvoiceRowItem[] = records.flatMap((invoice) => costRows(invoice).map((row) => ({ invoice, row })));
    // The engine goes row by row; the list shows one status per invoice.
    const perInvoice = supplierInvoiceProgress(records, request.onEvent, translator(request.lang));
    return runOf(ctx, request, items, supplierInvoiceRowsToSevera(ctx.severa(), ctx.ledger, ctx.settings), perInvoice);
  },
};
