import type { ProductType } from '../severa/schemas/index.js';

/** Per-profile transfer choices; the demo's defaults until the Settings screen lands. */
export interface TransferSettings {
  /** The Severa status whose invoices the Invoices tab lists first (name), if set. */
  invoiceStatusToTransfer?: string;
  /** Keep Severa's invoice number, or let Administration's number series assign one. */
  invoiceNumberPolicy: 'severa' | 'administration';
  /** After an invoice reaches Administration, move it in Severa to this status (name), if set. */
  afterTransferStatus: string | undefined;
  /** The Severa status that marks an invoice paid. */
  paidStatus: string;
  /** Product type of a fee whose article matches no Severa product. */
  supplierProductType: ProductType;
  supplierBillable: boolean;
  /** Markup on cost for billable fees, in percent. */
  supplierMarkupPercent: number;
  /**
   * The JSON Patch path that moves an invoice's status. Severa's spec publishes no InvoiceInputModel, so this
   * is an assumption (the default, /status/guid); `sevadm doctor --probe-status-change` tries it on one invoice.
   */
  invoiceStatusPath: string;
}

export const DEFAULT_INVOICE_STATUS_PATH = '/status/guid';

export const DEMO_TRANSFER_SETTINGS: TransferSettings = {
  invoiceStatusToTransfer: 'Ready for transfer',
  invoiceNumberPolicy: 'severa',
  afterTransferStatus: 'Transferred',
  paidStatus: 'Paid',
  supplierProductType: 'Subcontracting',
  supplierBillable: false,
  supplierMarkupPercent: 0,
  invoiceStatusPath: DEFAULT_INVOICE_STATUS_PATH,
};

/** The choices as a file keeps them: null is "no status after transfer" as chosen; a missing key is the default. */
export type StoredTransferSettings = Partial<Omit<TransferSettings, 'afterTransferStatus'>> & { afterTransferStatus?: string | null };

export function settingsFromStored(stored: StoredTransferSettings = {}): TransferSettings {
  const { afterTransferStatus, ...rest } = stored;
  return {
    ...DEMO_TRANSFER_SETTINGS,
    ...rest,
    ...(afterTransferStatus === undefined ? {} : { afterTransferStatus: afterTransferStatus ?? undefined }),
  };
}

export function settingsToStored(settings: TransferSettings): StoredTransferSettings {
  return { ...settings, afterTransferStatus: settings.afterTransferStatus ?? null };
}
