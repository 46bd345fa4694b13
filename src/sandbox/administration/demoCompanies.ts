import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, processClock } from '../../clock.js';
import type { CompanyVariant } from '../../services/administration/models.js';
import { EmbeddedCompany } from './embeddedCompany.js';
import { DEMO_COMPANIES, seedDemoCompany, seedSmallCompany } from './seed.js';

export function demoCompanyFile(dir: string, variant: CompanyVariant): string {
  return join(dir, `administration-${variant}.sqlite`);
}

/**
 * Opens the demo company of that variant in `dir`, creating and seeding it on first use with dates
 * leading up to `anchor` (the demo's day, shared with the Severa sandbox's data).
 */
export async function openDemoCompany(
  dir: string,
  variant: CompanyVariant,
  anchor: number,
  clock: Clock = processClock(),
  scale = 1,
): Promise<EmbeddedCompany> {
  const file = demoCompanyFile(dir, variant);
  if (!existsSync(file)) {
    // Seed under another name, so an interrupted first start never leaves half a company behind.
    const seeding = `${file}.seeding`;
    removeCompanyFile(seeding);
    const company = EmbeddedCompany.create(seeding, { name: DEMO_COMPANIES[variant] ?? `Demo ${variant} AB`, variant }, clock);
    if (variant === 500) await seedSmallCompany(company, anchor);
    else await seedDemoCompany(company, anchor, undefined, scale);
    await company.close();
    renameSync(seeding, file);
  }
  return EmbeddedCompany.open(file, clock);
}

export function removeCompanyFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
