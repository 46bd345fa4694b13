import type { AdministrationPort } from '../administration/port.js';
import { collect, type SeveraClient } from '../severa/index.js';
import type { InvoiceOutputModel, InvoiceRowOutputModel, InvoiceStatusModel } from '../severa/schemas/index.js';
import type { TransferStep } from './engine.js';
import { type InvoiceContext, invoiceIneligibility, severaInvoiceToAdministration } from './invoiceRules.js';
import type { Ledger } from './ledger.js';
import { refuse } from './refusal.js';

export interface InvoiceStepOptions {
  severa: SeveraClient;
  administration: AdministrationPort;
  ledger: Ledger;
  context: Omit<InvoiceContext, 'creditedDocumentNumber'>;
  /** Move the Severa invoice here after it reached Administration. */
  afterTransferStatus?: InvoiceStatusModel;
  /** The invoice is booked but its Severa status could not be moved: worth telling, not a failed row. */
  onWarning?: (text: string) => void;
  /** The Severa invoice as it is after its status moved. */
  onMoved?: (invoice: InvoiceOutputModel) => void;
}

/**
 * Severa invoices into Administration, never twice: the ledger, and a lookup in Administration by the
 * Severa guid written on the head (which holds even with the ledger deleted).
 */
export function invoicesToAdministration(o: InvoiceStepOptions): TransferStep<InvoiceOutputModel, never> {
  // Rows and the credited invoice are read once, in check, so a dry run refuses exactly what a real run would.
  const prepared = new Map<string, { rows: InvoiceRowOutputModel[]; ctx: InvoiceContext }>();
  const alreadyIn = async (guid: string): Promise<number | undefined> => {
    const done = o.ledger.lastDone('invoices', 'to-administration', guid);
    if (done?.targetKey) return Number(done.targetKey);
    return (await o.administration.findInvoicesByReference(guid))[0]?.documentNumber;
  };
  return {
    kind: 'invoices',
    direction: 'to-administration',
    sourceId: (i) => i.guid,
    label: (i) => `${i.number ?? '-'} ${i.customer?.name ?? ''}`,
    plannedKey: (i) => (o.context.numberPolicy === 'severa' && i.number != null ? String(i.number) : null),
    async check(i) {
      const existing = await alreadyIn(i.guid);
      if (existing !== undefined)
        throw refuse('refusal.alreadyInvoice', { number: String(existing) }, `already transferred as invoice ${existing}`, true);
      const rows = await collect(o.severa.invoiceRows(i.guid));
      const credited = i.isCreditNote && i.reimburseInvoice?.guid ? await alreadyIn(i.reimburseInvoice.guid) : undefined;
      const ctx: InvoiceContext = { ...o.context, creditedDocumentNumber: credited };
      const refusal = invoiceIneligibility(i, rows, ctx);
      if (refusal) throw refusal;
      prepared.set(i.guid, { rows, ctx });
    },
    find: async () => null,
    async create(i) {
      const { rows, ctx } = prepared.get(i.guid)!;
      const added = await o.administration.addInvoice(severaInvoiceToAdministration(i, rows, ctx));
      if (o.afterTransferStatus && i.status?.guid !== o.afterTransferStatus.guid) {
        try {
          const moved = await o.severa.setInvoiceStatus(i.guid, o.afterTransferStatus.guid);
          o.onMoved?.(moved);
        } catch (error) {
          o.onWarning?.(
            `invoice ${i.number}: booked as ${added.documentNumber}, but its Severa status stayed: ${(error as Error).message}`,
          );
        }
      }
      return String(added.documentNumber);
    },
    update: async () => {
      throw new Error('invoices are never updated');
    },
    conflictView: () => ({ title: '', fields: [] }),
    async findByPlannedKey(guid) {
      const found = await o.administration.findInvoicesByReference(guid);
      return found[0] ? String(found[0].documentNumber) : null;
    },
  };
}
