import type { Lang } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import { collect } from '../services/severa/index.js';
import type { RowStatus } from '../services/transfer/engine.js';
import { paidInvoices } from '../services/transfer/paymentSteps.js';
import { projectIneligibility } from '../services/transfer/projectRules.js';
import { rowId } from '../services/transfer/supplierInvoiceSteps.js';
import type { LoadFilter } from '../state/app.js';
import type { ListId } from '../state/app.js';
import { makeRow, type Row } from '../state/list.js';
import type { SessionContext } from './context.js';
import { day, money } from './format.js';

export interface LoadResult {
  rows: Row[];
  banner?: string;
  statuses?: [string, RowStatus][];
}

/** Loads one list with its filter (dates YYYY-MM-DD, local midnight) and keeps its records for a transfer. */
export async function loadList(ctx: SessionContext, list: ListId, filter: LoadFilter, lang: Lang = 'en'): Promise<LoadResult> {
  const t = translator(lang);
  const changedSince = new Date(`${filter.since}T00:00:00`).toISOString();
  switch (list) {
    case 'severaCustomers': {
      const rows: Row[] = [];
      ctx.records.severaCustomers = new Map();
      for await (const page of ctx.severa().customers({ changedSince })) {
        for (const c of page) {
          ctx.records.severaCustomers.set(c.guid, c);
          rows.push(
            makeRow(c.guid, [String(c.number ?? ''), c.name, c.headquarterAddress?.city ?? '', c.email ?? '', day(c.lastUpdatedDateTime)]),
          );
        }
      }
      return { rows };
    }
    case 'administrationCustomers': {
      const customers = await ctx.administration().listCustomers({ changedSince });
      ctx.records.administrationCustomers = new Map(customers.map((c) => [c.number, c]));
      return { rows: customers.map((c) => makeRow(c.number, [c.number, c.name, c.city ?? '', c.email ?? '', day(c.timestamp)])) };
    }
    case 'severaProjects': {
      const projects = await collect(ctx.severa().projects({ changedSince }));
      ctx.records.severaProjects = new Map(projects.map((p) => [p.guid, p]));
      const administration = ctx.administration();
      const info = await administration.companyInfo();
      const rows = projects.map((p) =>
        makeRow(p.guid, [
          String(p.number ?? ''),
          p.name,
          p.customer?.name ?? '',
          p.startDate ?? '',
          p.deadline ?? '',
          t(p.isClosed ? 'state.closed' : 'state.open'),
        ]),
      );
      if (info.variant === 500) return { rows, banner: t('refusal.projectsNeed1000', { variant: String(info.variant) }) };
      // Rows that cannot go are marked with the reason before any transfer.
      const customers = new Set((await administration.listCustomers()).map((c) => c.number));
      const statuses: [string, RowStatus][] = [];
      for (const p of projects) {
        const refusal = projectIneligibility(p, customers);
        if (refusal?.reason) statuses.push([p.guid, { kind: 'error', message: t(refusal.reason.key, refusal.reason.params) }]);
      }
      return { rows, statuses };
    }
    case 'severaInvoices': {
      if (!filter.statusGuid) return { rows: [] };
      const invoices = await collect(ctx.severa().invoices({ invoiceStatusGuids: [filter.statusGuid] }));
      ctx.records.severaInvoices = new Map(invoices.map((i) => [i.guid, i]));
      const statuses: [string, RowStatus][] = [];
      const rows = invoices.map((i) => {
        const done = ctx.ledger.lastDone('invoices', 'to-administration', i.guid)?.targetKey ?? '';
        if (done) statuses.push([i.guid, { kind: 'done', targetKey: done, updated: false }]);
        return makeRow(i.guid, [
          String(i.number ?? ''),
          i.date ?? '',
          i.customer?.name ?? '',
          money(i.totalIncludingTax?.amount),
          i.currency?.code ?? '',
          i.status?.name ?? '',
          done,
        ]);
      });
      return { rows, statuses };
    }
    case 'supplierInvoices': {
      const invoices = await ctx.administration().listSupplierInvoices(filter.since, filter.until ?? filter.since);
      ctx.records.supplierInvoices = new Map(invoices.map((i) => [String(i.givenNumber), i]));
      const statuses: [string, RowStatus][] = [];
      const rows = invoices.map((i) => {
        const done = i.rows.filter((r) => ctx.ledger.lastDone('supplier-invoices', 'to-severa', rowId(i.givenNumber, r.position))).length;
        if (done > 0) {
          statuses.push([
            String(i.givenNumber),
            done === i.rows.length
              ? { kind: 'done', targetKey: t('status.fees', { count: done }), updated: false }
              : { kind: 'error', message: t('status.partlyDone', { done, total: i.rows.length }) },
          ]);
        }
        const projects = [...new Set(i.rows.map((r) => r.project || i.project).filter(Boolean))].join(', ');
        return makeRow(String(i.givenNumber), [
          String(i.givenNumber),
          i.supplierName,
          i.invoiceNumber,
          i.invoiceDate,
          money(i.total),
          projects,
        ]);
      });
      return { rows, statuses };
    }
    case 'history': {
      // Newest first: what an operator looks for after a run.
      const entries = ctx.ledger.history({ since: changedSince }).reverse();
      ctx.records.history = new Map(entries.map((e) => [String(e.id), e]));
      return {
        rows: entries.map((e) =>
          makeRow(String(e.id), [
            e.time.slice(0, 16).replace('T', ' '),
            `${e.kind} ${e.direction === 'to-severa' ? '→ Severa' : '→ Adm.'}`,
            e.result,
            e.label,
            e.targetKey ?? '',
            e.reason ?? '',
          ]),
        ),
      };
    }
    case 'payments': {
      const grouped = paidInvoices(await ctx.administration().listCustomerPayments(filter.since));
      ctx.records.payments = new Map(grouped.map((p) => [String(p.invoiceNumber), p]));
      return {
        rows: grouped.map((p) =>
          makeRow(String(p.invoiceNumber), [String(p.invoiceNumber), money(p.paid), p.lastPaymentDate, String(p.payments.length)]),
        ),
      };
    }
  }
}
