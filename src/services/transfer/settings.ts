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
}

export const DEMO_TRANSFER_SETTINGS: TransferSettings = {
  invoiceStatusToTransfer: 'Ready for transfer',
  invoiceNumberPolicy: 'severa',
  afterTransferStatus: 'Transferred',
  paidStatus: 'Paid',
  supplierProductType: 'Subcontracting',
  supplierBillable: false,
  supplierMarkupPercent: 0,
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
