import type { AdministrationPort } from '../administration/port.js';
import { collect, type SeveraClient } from '../severa/index.js';
import type { InvoiceOutputModel, InvoiceRowOutputModel, InvoiceStatusModel } from '../severa/schemas/index.js';
import type { TransferStep } from './engine.js';
import { type InvoiceContext, invoiceIneligibility, severaInvoiceToAdministration } from './invoiceRules.js';
import type { Ledger } from './ledger.js';
import { IncompleteTransfer, refuse } from './refusal.js';

export interface InvoiceStepOptions {
  severa: SeveraClient;
  administration: AdministrationPort;
  ledger: Ledger;
  context: Omit<InvoiceContext, 'creditedDocumentNumber'>;
  /** Move the Severa invoice here after it reached Administration. */
  afterTransferStatus?: InvoiceStatusModel;
  /** The patch path that moves the status (a setting: Severa's spec does not publish it). */
  statusPath?: string;
  /** The Severa invoice as it is after its status moved. */
  onMoved?: (invoice: InvoiceOutputModel) => void;
  /** A plan only: a status that is behind is said, not moved. */
  dryRun?: boolean;
}

const STATUS_MOVE = 'severa-status';

/** The status move a booked invoice waits for: to where, and from the status it was booked in. */
interface StatusMove {
  to: { guid: string; name: string };
  from: string | null;
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
  /** The invoice's second write: its Severa status. Refused or lost, the row fails saying so; the next run moves it. */
  const moveStatus = async (guid: string, to: StatusMove['to'], booked: string) => {
    try {
      // (Moved first, told after: an optional call would skip the write with nobody listening.)
      const moved = await o.severa.setInvoiceStatus(guid, to.guid, o.statusPath);
      o.onMoved?.(moved);
    } catch (error) {
      throw new IncompleteTransfer(
        booked,
        `booked as invoice ${booked}, but Severa did not move its status to ${to.name}: ${(error as Error).message}`,
        { key: 'refusal.statusNotMoved', params: { number: booked, status: to.name } },
        error,
      );
    }
  };
  return {
    kind: 'invoices',
    direction: 'to-administration',
    sourceId: (i) => i.guid,
    label: (i) => `${i.number ?? '-'} ${i.customer?.name ?? ''}`,
    plannedKey: (i) => (o.context.numberPolicy === 'severa' && i.number != null ? String(i.number) : null),
    async check(i) {
      const existing = await alreadyIn(i.guid);
      if (existing !== undefined) {
        // Booked by a run that did not get to move its Severa status (it died, or Severa refused): move it now.
        if (o.afterTransferStatus && i.status?.guid !== o.afterTransferStatus.guid) {
          if (o.dryRun)
            throw refuse(
              'refusal.alreadyInvoiceWouldMove',
              { number: String(existing), status: o.afterTransferStatus.name },
              `already transferred as invoice ${existing}; its Severa status would be moved to ${o.afterTransferStatus.name}`,
              true,
            );
          await moveStatus(i.guid, o.afterTransferStatus, String(existing));
          throw refuse(
            'refusal.alreadyInvoiceMoved',
            { number: String(existing), status: o.afterTransferStatus.name },
            `already transferred as invoice ${existing}; its Severa status is now ${o.afterTransferStatus.name}`,
            true,
          );
        }
        throw refuse('refusal.alreadyInvoice', { number: String(existing) }, `already transferred as invoice ${existing}`, true);
      }
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
      return String(added.documentNumber);
    },
    // Its Severa status moves once it is booked: a step of its own on the ledger, so a run that dies between the two
    // writes, or a Severa that refuses the second, leaves it pending for the next run to make.
    followUps(i) {
      const to = o.afterTransferStatus;
      if (!to || i.status?.guid === to.guid) return [];
      const detail: StatusMove = { to, from: i.status?.guid ?? null };
      return [{ name: STATUS_MOVE, detail: JSON.stringify(detail) }];
    },
    async makeFollowUp(f, fresh) {
      const { to, from } = JSON.parse(f.detail) as StatusMove;
      if (!fresh) {
        // Moved only from the status it was booked in: one that someone has moved since is left where they put it.
        const now = await o.severa.getInvoice(f.sourceId).catch((error: unknown) => {
          throw new IncompleteTransfer(
            f.targetKey,
            `booked as invoice ${f.targetKey}, but its Severa status could not be read: ${(error as Error).message}`,
            { key: 'refusal.statusNotMoved', params: { number: f.targetKey, status: to.name } },
            error,
          );
        });
        if (!now || now.status?.guid !== from) return;
      }
      await moveStatus(f.sourceId, to, f.targetKey);
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
