import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeveraData } from '../../src/sandbox/severa/data.js';
import { spawnApp } from '../helpers/pty.js';
import { demoCompanyFile } from '../../src/sandbox/administration/demoCompanies.js';
import { EmbeddedCompany } from '../../src/sandbox/administration/embeddedCompany.js';

const BACKSPACE = '\x7f';
let app: ReturnType<typeof spawnApp> | undefined;
afterEach(() => app?.kill());

const severaState = (dir: string) => JSON.parse(readFileSync(join(dir, 'severa.json'), 'utf8')) as SeveraData;

describe('invoices and supplier invoices in a real terminal', () => {
  it('books an invoice once, moves its Severa status, and puts a two-project supplier invoice on both projects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-'));
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 110, rows: 30 });
    await app.waitFor(/0 of [1-9]\d* selected/);

    // Invoices: the tab opens on the status the settings name "to transfer" (Ready for transfer in the demo);
    // pick 10028 (its customer and project are in Administration).
    await app.keys('3');
    await app.waitFor('Status: Ready for transfer');
    await app.waitFor(/0 of [1-9]\d* selected/);
    await app.keys('/', ...'10028', '\r', ' ', 't');
    await app.waitFor(/✓ 10028/);
    // The row shows the invoice as Severa holds it now: moved to Transferred, booked as 10028.
    await app.waitFor(/10028 .*Transferr.* 10028 +✓ 10028/);
    // The same again: refused, nothing written.
    await app.keys('t');
    await app.waitFor('⤼ already transferred as in');
    await app.keys('\r');
    await app.waitFor('already transferred as invoice 10028');
    await app.keys('\x1b');

    // Supplier invoices: from 2025-01-01; given number 7 has rows on two projects.
    await app.keys('4', 'd', ...Array(10).fill(BACKSPACE), ...'2025-01-01', '\r');
    await app.waitFor(/0 of 17 selected/);
    const company = EmbeddedCompany.open(demoCompanyFile(dir, 2000));
    const seventh = (await company.listSupplierInvoices('2025-01-01', '2099-12-31')).find((i) => i.givenNumber === 7)!;
    await company.close();
    await app.keys('/', ...seventh.invoiceNumber, '\r', ' ', 't');
    await app.waitFor(/✓ 2 fees/);
    // Again: nothing to do, and the row says so rather than showing the old ✓.
    await app.keys('t');
    await app.waitFor(/⤼ already in Severa: 2 fees/);
    await app.keys('q');
    expect(await app.exited()).toBe(0);

    const severa = severaState(dir);
    const invoice = severa.invoices.find((i) => i.number === 10028)!;
    expect(invoice.status?.name).toBe('Transferred');
    const fees = severa.projectFees.filter((f) => f.description?.startsWith('Lev.fakt 7/'));
    expect(fees).toHaveLength(2);
    expect(new Set(fees.map((f) => f.project?.guid)).size).toBe(2);
  }, 90_000);
});
