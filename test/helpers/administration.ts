import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCompanyFile, openDemoCompany } from '../../src/sandbox/administration/demoCompanies.js';
import { TEST_NOW_MS } from './clock.js';
import { EmbeddedCompany } from '../../src/sandbox/administration/embeddedCompany.js';

let template: Promise<string> | undefined;

/** Seeds the demo companies once per test file; each caller gets its own copy. */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-adm-template-'));
    await (await openDemoCompany(dir, 2000, TEST_NOW_MS)).close();
    await (await openDemoCompany(dir, 500, TEST_NOW_MS)).close();
    return dir;
  })();
  return template;
}

/** A fresh copy of the seeded demo companies (variant 2000 and 500). */
export async function freshCompanies(): Promise<{ port: EmbeddedCompany; small: EmbeddedCompany; dir: string }> {
  const source = await seededTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'sevadm-adm-'));
  for (const variant of [2000, 500] as const) copyFileSync(demoCompanyFile(source, variant), demoCompanyFile(dir, variant));
  return { port: EmbeddedCompany.open(demoCompanyFile(dir, 2000)), small: EmbeddedCompany.open(demoCompanyFile(dir, 500)), dir };
}
