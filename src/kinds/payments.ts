import { detailLines, detailList } from './details.js';
import { type PaidInvoice, paidInvoices, paymentsToSevera } from '../services/transfer/paymentSteps.js';
import { statusNamed } from '../services/transfer/statuses.js';
import { money } from './format.js';
import { runOf } from './run.js';
import type { Kind } from './types.js';

/** Invoices paid in full in Administration since a date get the paid status in Severa. */
export const payments: Kind<PaidInvoice> = {
  list: 'payments',
  name: 'payments',
  source: 'administration',
  filter: 'since',
  title: 'list.payments',
  empty: 'empty.payments',
  dateLabel: 'list.paidSince',
  columns: [
    { header: 'col.invoice', weight: 2, min: 7, cell: (p) => String(p.invoiceNumber) },
    { header: 'col.paid', weight: 3, min: 13, align: 'right', cell: (p) => money(p.paid) },
    { header: 'col.lastPayment', weight: 3, min: 11, cell: (p) => p.lastPaymentDate },
    { header: 'col.payments', weight: 2, cell: (p) => String(p.payments.length) },
  ],
  details: (p, { t }) => [
    ...detailLines(t, [
      ['field.invoice', p.invoiceNumber],
      ['field.paid', money(p.paid)],
      ['field.lastPayment', p.lastPaymentDate],
    ]),
    ...detailList(
      t,
      'field.payments',
      p.payments.map((x) => `${x.date} · ${money(x.amount)}${x.cancelled ? ` · ${t('detail.cancelled')}` : ''}`),
    ),
  ],
  affects: ['invoices'],
  id: (p) => String(p.invoiceNumber),
  keys: (p) => [String(p.invoiceNumber)],
  async load(ctx, filter) {
    return { records: paidInvoices(await ctx.administration().listCustomerPayments(filter.since)) };
  },
  async run(ctx, records, request) {
    const paid = statusNamed(await ctx.invoiceStatuses(), ctx.settings.paidStatus);
    if (!paid) throw new Error(`Severa has no invoice status "${ctx.settings.paidStatus}" to mark invoices paid`);
    return runOf(
      ctx,
      request,
      records,
      paymentsToSevera(ctx.severa(), { guid: paid.guid, name: paid.name }, ctx.settings.invoiceStatusPath),
    );
  },
};
