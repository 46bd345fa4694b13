import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransferRowLine, TransferSummaryLine } from '../../src/headless/result.js';
import { runTransferCommand } from '../../src/headless/transfer.js';
import { AdkAdministration } from '../../src/services/administration/adk/adapter.js';
import { freshCompanies } from '../helpers/administration.js';
import { fakeAdkLibrary, fakeCompanyFolders, registersOf } from '../helpers/fakeAdk.js';
import { sandbox } from '../helpers/severa.js';
import { isolateEnvironment } from '../helpers/environment.js';

isolateEnvironment({ config: true });

/** sevadm pointed at a sandbox Severa and a stand-in ADK company, through the environment. */
function useSystems(
  severa: { url: string; clientId: string; clientSecret: string },
  folders: { commonFiles: string; company: string },
): void {
  Object.assign(process.env, {
    SEVADM_SEVERA_BASE_URL: severa.url,
    SEVADM_SEVERA_CLIENT_ID: severa.clientId,
    SEVADM_SEVERA_CLIENT_SECRET: severa.clientSecret,
    SEVADM_ADK_COMMON_FILES: folders.commonFiles,
    SEVADM_ADK_COMPANY: folders.company,
    SEVADM_ADK_LIBRARY: fakeAdkLibrary(),
  });
}

async function transfer(args: string[]) {
  const lines: string[] = [];
  const code = await runTransferCommand([...args, '--json'], (l) => lines.push(l));
  return {
    code,
    rows: lines.slice(0, -1).map((l) => TransferRowLine.parse(JSON.parse(l))),
    summary: TransferSummaryLine.parse(JSON.parse(lines.at(-1)!)).summary,
  };
}

describe('sevadm transfer into Visma Administration through the ADK (stand-in library)', () => {
  it('books customers, projects and invoices; the company keeps them across runs; never the same invoice twice', async () => {
    const severa = await sandbox();
    const { port, small } = await freshCompanies();
    const folders = fakeCompanyFolders({
      name: 'Övningsbolaget AB',
      variant: 2000,
      invoiceSeries: 20001,
      registers: await registersOf(port),
    });
    await port.close();
    await small.close();
    useSystems(severa, folders);

    const customers = await transfer(['customers', '--changed-since', '2020-01-01', '--select', 'all']);
    expect(customers.code).toBe(0);
    expect(customers.summary.transferred).toBe(64);
    const projects = await transfer(['projects', '--changed-since', '2020-01-01', '--select', 'all']);
    expect(projects.summary.transferred).toBeGreaterThan(20);
    const invoices = await transfer(['invoices', '--status', 'Ready for transfer', '--select', 'all', '--set-status', 'none']);
    const booked = invoices.rows.filter((r) => r.result === 'created');
    expect(booked.length).toBeGreaterThan(10);

    // A new run (a new worker, the company opened again) with the ledger gone: the company itself says
    // each invoice is there already, found by the Severa guid on its head.
    rmSync(join(process.env.XDG_DATA_HOME!, 'sevadm', 'ledger.sqlite'), { force: true });
    const again = await transfer([
      'invoices',
      '--status',
      'Ready for transfer',
      '--select',
      booked.map((r) => r.id).join(','),
      '--set-status',
      'none',
    ]);
    expect(again.summary.transferred).toBe(0);
    expect(again.rows.every((r) => r.result === 'skipped' && /already transferred as invoice \d+/.test(r.reason ?? ''))).toBe(true);

    const adk = await AdkAdministration.open({ library: fakeAdkLibrary(), ...folders });
    try {
      expect((await adk.listCustomers()).length).toBe(64);
      const one = await adk.findInvoicesByReference(booked[0]!.id);
      expect(one).toHaveLength(1);
      expect(one[0]!.rows.length).toBeGreaterThan(0);
    } finally {
      await adk.close();
    }
    expect(existsSync(join(folders.company, 'company.dat'))).toBe(true);
    expect(readFileSync(join(folders.company, 'company.dat')).includes(Buffer.from('Ö', 'latin1'))).toBe(true);
  }, 120_000);

  it('on a variant-500 company, projects stop with one configuration error (exit 2) and nothing is written', async () => {
    const severa = await sandbox();
    const folders = fakeCompanyFolders({ name: 'Lilla Verkstaden AB', variant: 500 });
    useSystems(severa, folders);
    await expect(runTransferCommand(['projects', '--changed-since', '2020-01-01', '--select', 'all'], () => {})).rejects.toThrow(
      /need Visma Administration 1000 or 2000|1000 or 2000/,
    );
    expect(existsSync(join(folders.company, 'company.dat'))).toBe(false);
  }, 60_000);
});
