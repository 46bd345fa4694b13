import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ProductType } from '../services/severa/schemas/index.js';
import { DEMO_TRANSFER_SETTINGS, type TransferSettings } from '../services/transfer/settings.js';

const TransferSettingsFile = z.object({
  invoiceNumberPolicy: z.enum(['severa', 'administration']),
  // null: the user chose not to move invoices after transfer (a missing key means the default).
  afterTransferStatus: z.string().min(1).nullable(),
  paidStatus: z.string().min(1),
  supplierProductType: ProductType,
  supplierBillable: z.boolean(),
  supplierMarkupPercent: z.number().min(0).max(1000),
});

/**
 * Reads the remembered transfer choices; a missing file gives the defaults. A broken file is an error
 * naming the file and the key, and is never overwritten.
 */
export function readTransferSettings(file: string): TransferSettings {
  if (!existsSync(file)) return { ...DEMO_TRANSFER_SETTINGS };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix or remove it`);
  }
  const parsed = TransferSettingsFile.partial().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: "${issue.path.join('.')}" ${issue.message}; fix or remove it`);
  }
  const { afterTransferStatus, ...rest } = parsed.data;
  return { ...DEMO_TRANSFER_SETTINGS, ...rest, ...(afterTransferStatus === undefined ? {} : { afterTransferStatus: afterTransferStatus ?? undefined }) };
}

export function writeTransferSettings(file: string, settings: TransferSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...settings, afterTransferStatus: settings.afterTransferStatus ?? null }, null, 2) + '\n');
  renameSync(tmp, file);
}
