import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ProductType } from '../services/severa/schemas/index.js';
import { Mappings } from '../services/transfer/mappings.js';
import { settingsFromStored, settingsToStored, type TransferSettings } from '../services/transfer/settings.js';

const SettingsFile = z
  .object({
    invoiceStatusToTransfer: z.string().min(1),
    invoiceNumberPolicy: z.enum(['severa', 'administration']),
    // null: the user chose not to move invoices after transfer (a missing key means the default).
    afterTransferStatus: z.string().min(1).nullable(),
    paidStatus: z.string().min(1),
    supplierProductType: ProductType,
    supplierBillable: z.boolean(),
    supplierMarkupPercent: z.number().min(0).max(1000),
    invoiceStatusPath: z.string().regex(/^(\/[A-Za-z0-9]+)+$/),
    // Strict: a key it does not know ("vat" for vatCodes) is named, not dropped.
    mappings: Mappings.strict(),
  })
  .partial();

export interface SettingsFileContents {
  settings: TransferSettings;
  /** Absent until the user maps something in the settings screen. */
  mappings: Mappings | undefined;
}

/**
 * Reads the remembered transfer choices and mappings (demo and bare environment); a missing file gives the
 * defaults. A broken file is an error naming the file and the key, and is never overwritten.
 */
export function readSettingsFile(file: string): SettingsFileContents {
  if (!existsSync(file)) return { settings: settingsFromStored(), mappings: undefined };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix or remove it`, { cause: error });
  }
  const parsed = SettingsFile.safeParse(json);
  if (!parsed.success) {
    // A key it does not know is named first (a misspelt "vat" is why "vatCodes" seems missing).
    const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    const said = issues.slice(0, 3).map((i) => `"${i.path.join('.')}" ${i.message}`);
    throw new Error(`${file}: ${said.join('; ')}; fix or remove it`);
  }
  const { mappings, ...stored } = parsed.data;
  return { settings: settingsFromStored(stored), mappings };
}

export function writeSettingsFile(file: string, contents: SettingsFileContents): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const body = { ...settingsToStored(contents.settings), ...(contents.mappings ? { mappings: contents.mappings } : {}) };
  writeFileSync(tmp, JSON.stringify(body, null, 2) + '\n');
  renameSync(tmp, file);
}
