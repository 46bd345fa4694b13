import { z } from 'zod';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SeveraData } from './data.js';
import { DEFAULT_SEED, seedSeveraData } from './seed.js';
import { withAddresses } from './addresses.js';

/** What a stored organisation must have for the sandbox to serve it: each list, and a guid on every record. */
const record = z.looseObject({ guid: z.string().min(1) });
const StoredShape = z.looseObject({
  organization: z.looseObject({}),
  counters: z.looseObject({ nextCustomerNumber: z.number(), nextProjectNumber: z.number(), nextInvoiceNumber: z.number() }),
  ...Object.fromEntries(
    [
      'languages',
      'users',
      'currencies',
      'vatRates',
      'costCenters',
      'products',
      'invoiceStatuses',
      'projects',
      'invoices',
      'invoiceRows',
      'projectFees',
    ].map((k) => [k, z.array(record)]),
  ),
  customers: z.array(record.extend({ name: z.string() })),
  addresses: z.array(record).optional(),
  countries: z.array(record).optional(),
});

/** The sandbox organisation in memory, written to a JSON file after each change when one is given. */
export class SeveraStore {
  private saveTimer: NodeJS.Timeout | undefined;

  private constructor(
    public data: SeveraData,
    readonly file: string | undefined,
  ) {}

  /** Loads the file if it exists, else seeds with dates up to `anchor` (and writes the file). */
  /** `scale`: N times the demo's data (only when the data is made; a kept file is loaded as it is). */
  static open(options: { seed?: number; file?: string; anchor: number; scale?: number }): SeveraStore {
    if (options.file && existsSync(options.file)) {
      let parsed: SeveraData;
      try {
        parsed = JSON.parse(readFileSync(options.file, 'utf8'));
      } catch (error) {
        throw new Error(
          `Severa sandbox data file ${options.file} is not valid JSON (${(error as Error).message}); move it away to start over`,
          { cause: error },
        );
      }
      if (parsed?.version !== 1 || !Array.isArray(parsed.customers)) {
        throw new Error(`Severa sandbox data file ${options.file} is not sandbox data of version 1; move it away to start over`);
      }
      const shape = StoredShape.safeParse(parsed);
      if (!shape.success) {
        const issue = shape.error.issues[0]!;
        throw new Error(
          `Severa sandbox data file ${options.file} is damaged at ${issue.path.join('.') || '(top)'}: ${issue.message}; move it away to start over`,
        );
      }
      return new SeveraStore(withAddresses(parsed), options.file);
    }
    const store = new SeveraStore(withAddresses(seedSeveraData(options.anchor, options.seed ?? DEFAULT_SEED, options.scale)), options.file);
    store.flush();
    return store;
  }

  /** Call after every write; the file is written once per burst of changes. */
  changed(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 50);
  }

  /** Writes what changed and is not written yet: a sandbox that changed nothing never overwrites the file. */
  flushPending(): void {
    if (this.saveTimer) this.flush();
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves half a file behind.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
