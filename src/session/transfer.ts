import { statusNamed } from '../services/transfer/statuses.js';
import { localDay } from '../clock.js';
import { failureText } from '../i18n/failures.js';
import { type Lang, translator } from '../i18n/index.js';
import { AdministrationError } from '../services/administration/errors.js';
import { collect } from '../services/severa/index.js';
import type { SeveraReferenceData } from '../services/transfer/customerMapping.js';
import { customersToAdministration, customersToSevera } from '../services/transfer/customerSteps.js';
import { type ConflictAnswer, type ConflictQuestion, type TransferEvent, TransferRun } from '../services/transfer/engine.js';
import { invoicesToAdministration } from '../services/transfer/invoiceSteps.js';
import { paymentsToSevera } from '../services/transfer/paymentSteps.js';
import { projectsToAdministration } from '../services/transfer/projectSteps.js';
import { TransferRefusal } from '../services/transfer/refusal.js';
import { type SupplierInvoiceRowItem, supplierInvoiceRowsToSevera } from '../services/transfer/supplierInvoiceSteps.js';
import type { ListId } from '../state/app.js';
import type { SessionContext } from './context.js';
import { pick } from './records.js';
import { supplierInvoiceProgress } from './supplierInvoiceProgress.js';

/** Which rows of which list go, and where the run reports to. */
export interface TransferRequest {
  list: ListId;
  ids: string[];
  onEvent: (event: TransferEvent) => void;
  askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>;
  lang: Lang;
  dryRun?: boolean;
}

/** The engine run that transfers the chosen rows of a list to the other side (not started yet). */
export async function transferRunFor(ctx: SessionContext, request: TransferRequest): Promise<TransferRun<unknown, unknown>> {
  const { list, ids, onEvent, askConflict, lang } = request;
  const { ledger, concurrency, mappings, settings } = ctx;
  const t = translator(lang);
  // Errors in the user's language; the detail keeps the technical message (endpoint, status) for the log.
  const describeError = (error: unknown) => {
    const e = error as { message?: string; mayHaveBeenApplied?: boolean };
    const message = failureText(error, lang);
    const translated = error instanceof AdministrationError || (error instanceof TransferRefusal && error.reason);
    return { message, detail: translated ? message : (e?.message ?? message), mayHaveBeenApplied: Boolean(e?.mayHaveBeenApplied) };
  };
  let run: TransferRun<unknown, unknown>;
  const common = { ledger, concurrency, onEvent, askConflict, describeError, dryRun: request.dryRun };
  switch (list) {
    case 'severaCustomers': {
      const administration = ctx.administration();
      const items = pick(ctx.records.severaCustomers, ids);
      const existing = new Set((await administration.listCustomers()).map((c) => c.number));
      run = new TransferRun({ ...common, items, step: customersToAdministration(administration, mappings, existing) }) as TransferRun<
        unknown,
        unknown
      >;
      break;
    }
    case 'administrationCustomers': {
      const severa = ctx.severa();
      const items = pick(ctx.records.administrationCustomers, ids);
      const all = await collect(severa.customers());
      const ref: SeveraReferenceData = {
        currencies: await severa.currencies(),
        languages: [
          ...new Map(
            all.flatMap((c) =>
              c.language?.guid && c.language.code ? [[c.language.code, { guid: c.language.guid, code: c.language.code }] as const] : [],
            ),
          ).values(),
        ],
      };
      const existing = new Set(all.map((c) => String(c.number)));
      run = new TransferRun({ ...common, items, step: customersToSevera(severa, mappings, ref, existing) }) as TransferRun<
        unknown,
        unknown
      >;
      break;
    }
    case 'severaProjects': {
      const administration = ctx.administration();
      const customers = new Set((await administration.listCustomers()).map((c) => c.number));
      const codes = new Set((await administration.listProjects()).map((p) => p.code));
      run = new TransferRun({
        ...common,
        items: pick(ctx.records.severaProjects, ids),
        step: projectsToAdministration(administration, customers, codes),
      }) as TransferRun<unknown, unknown>;
      break;
    }
    case 'severaInvoices': {
      const severa = ctx.severa();
      const administration = ctx.administration();
      const info = await administration.companyInfo();
      const statuses = await ctx.invoiceStatuses();
      const after = statusNamed(statuses, settings.afterTransferStatus);
      const context = {
        articles: new Set((await administration.listArticles()).map((a) => a.number)),
        customers: new Set((await administration.listCustomers()).map((c) => c.number)),
        projects: info.variant === 500 ? undefined : new Set((await administration.listProjects()).map((p) => p.code)),
        numberPolicy: settings.invoiceNumberPolicy,
        today: localDay(ctx.clock.now()),
        mappings: mappings,
      };
      const step = invoicesToAdministration({
        severa,
        administration,
        ledger,
        context,
        afterTransferStatus: after ? { guid: after.guid, name: after.name } : undefined,
        onWarning: (text) => onEvent({ type: 'log', level: 'warn', message: text }),
      });
      run = new TransferRun({ ...common, items: pick(ctx.records.severaInvoices, ids), step }) as TransferRun<unknown, unknown>;
      break;
    }
    case 'supplierInvoices': {
      const invoices = pick(ctx.records.supplierInvoices, ids);
      const items: SupplierInvoiceRowItem[] = invoices.flatMap((invoice) => invoice.rows.map((row) => ({ invoice, row })));
      const perInvoice = supplierInvoiceProgress(invoices, onEvent, t);
      run = new TransferRun({
        ...common,
        onEvent: perInvoice,
        items,
        step: supplierInvoiceRowsToSevera(ctx.severa(), ledger, settings),
      }) as TransferRun<unknown, unknown>;
      break;
    }
    case 'history':
      throw new Error('the history is not transferred');
    case 'payments': {
      const statuses = await ctx.invoiceStatuses();
      const paid = statusNamed(statuses, settings.paidStatus);
      if (!paid) throw new Error(`Severa has no invoice status "${settings.paidStatus}" to mark invoices paid`);
      run = new TransferRun({
        ...common,
        items: pick(ctx.records.payments, ids),
        step: paymentsToSevera(ctx.severa(), { guid: paid.guid, name: paid.name }),
      }) as TransferRun<unknown, unknown>;
      break;
    }
  }
  return run;
}
