import { hasProjects } from '../services/administration/models.js';
import { dayAndTime, detailLines, joined } from './details.js';
import { localDay } from '../clock.js';
import type { InvoiceOutputModel } from '../services/severa/schemas/index.js';
import type { RowStatus } from '../services/transfer/engine.js';
import { invoicesToAdministration } from '../services/transfer/invoiceSteps.js';
import { statusNamed } from '../services/transfer/statuses.js';
import { money } from './format.js';
import { runOf } from './run.js';
import { collect } from '../services/severa/index.js';
import type { Kind } from './types.js';

/** Severa's invoices in one status to Administration, never twice. */
export const invoices: Kind<InvoiceOutputModel> = {
  list: 'invoices',
  name: 'invoices',
  source: 'severa',
  filter: 'status',
  title: 'list.invoices',
  empty: 'empty.invoices',
  columns: [
    { header: 'col.number', weight: 2, min: 6, cell: (i) => String(i.number ?? '') },
    { header: 'col.date', weight: 3, min: 11, cell: (i) => i.date ?? '' },
    { header: 'col.customer', weight: 6, cell: (i) => i.customer?.name ?? '' },
    { header: 'col.total', weight: 3, min: 13, align: 'right', cell: (i) => money(i.totalIncludingTax?.amount) },
    { header: 'col.currency', weight: 1, min: 4, cell: (i) => i.currency?.code ?? '' },
    { header: 'col.severaStatus', weight: 3, cell: (i) => i.status?.name ?? '' },
    // The invoice Administration already has for it, as the ledger knew when the list loaded.
    { header: 'col.transferred', weight: 2, min: 6, cell: (_i, { loaded }) => (loaded?.kind === 'done' ? loaded.targetKey : '') },
  ],
  details: (i, { t, loaded }) =>
    detailLines(t, [
      ['field.number', i.number],
      ['field.referenceNumber', i.referenceNumber],
      ['field.date', i.date],
      ['field.dueDate', i.dueDate],
      ['field.customer', joined(' ', i.customer?.number != null ? String(i.customer.number) : '', i.customer?.name)],
      [
        'field.projects',
        (i.projects ?? [])
          .map((p) => p.name)
          .filter(Boolean)
          .join(', '),
      ],
      ['field.severaStatus', i.status?.name],
      ['field.totalExcludingTax', joined(' ', money(i.totalExcludingTax?.amount), i.currency?.code)],
      ['field.tax', joined(' ', money(i.totalTax?.amount), i.currency?.code)],
      ['field.totalIncludingTax', joined(' ', money(i.totalIncludingTax?.amount), i.currency?.code)],
      ['field.creditNote', i.isCreditNote ? true : undefined],
      ['field.ourReference', i.ourReference],
      ['field.yourReference', i.yourReference],
      ['field.transferred', loaded?.kind === 'done' ? loaded.targetKey : undefined],
      ['field.changed', dayAndTime(i.lastUpdatedDateTime)],
    ]),
  id: (i) => i.guid,
  keys: (i) => [String(i.number ?? '')],
  async load(ctx, filter, _t, onPage) {
    if (!filter.statusGuid) return { records: [] };
    // Checked, not trusted: only invoices that are in the status asked for.
    const inStatus = (page: InvoiceOutputModel[]) => page.filter((i) => i.status?.guid === filter.statusGuid);
    const records = inStatus(
      await collect(ctx.severa().invoices({ invoiceStatusGuids: [filter.statusGuid] }), (page) => onPage?.(inStatus(page))),
    );
    const statuses: [string, RowStatus][] = [];
    for (const i of records) {
      const done = ctx.ledger.lastDone('invoices', 'to-administration', i.guid)?.targetKey;
      if (done) statuses.push([i.guid, { kind: 'done', targetKey: done, updated: false }]);
    }
    return { records, statuses };
  },
  async run(ctx, records, request) {
    const { settings } = ctx;
    const administration = ctx.administration();
    const info = await administration.companyInfo();
    const after = statusNamed(await ctx.invoiceStatuses(), settings.afterTransferStatus);
    const context = {
      articles: new Set((await administration.listArticles()).map((a) => a.number)),
      customers: new Set((await administration.listCustomers()).map((c) => c.number)),
      projects: !hasProjects(info.variant) ? undefined : new Set((await administration.listProjects()).map((p) => p.code)),
      numberPolicy: settings.invoiceNumberPolicy,
      today: localDay(ctx.clock.now()),
      mappings: ctx.mappings,
    };
    const step = invoicesToAdministration({
      severa: ctx.severa(),
      administration,
      ledger: ctx.ledger,
      context,
      afterTransferStatus: after ? { guid: after.guid, name: after.name } : undefined,
      statusPath: settings.invoiceStatusPath,
      onMoved: (invoice) => request.onEvent({ type: 'record', id: invoice.guid, record: invoice }),
      dryRun: request.dryRun,
    });
    return runOf(ctx, request, records, step);
  },
};
