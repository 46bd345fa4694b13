import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDataDir } from './paths.js';
import { startSeveraSandbox } from './sandbox/severa/server.js';
import { SeveraClient } from './services/severa/index.js';
import { Ledger } from './services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from './services/transfer/mappings.js';
import { Session } from './session.js';
import { runTui } from './tui.js';
import { langOption } from './cliOptions.js';
import { readTransferSettings, writeTransferSettings } from './config/transferSettingsFile.js';
import { administrationSummary, severaSummary } from './summary.js';
import { demoCompanyFile, openDemoCompany, removeCompanyFile } from './sandbox/administration/demoCompanies.js';

/**
 * The built-in demo: the Severa sandbox on a free loopback port (reached over HTTP like a real Severa)
 * and the embedded Administration company, both keeping their state in the demo directory.
 */
export async function runDemoCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, reset: { type: 'boolean' }, lang: { type: 'string' }, summary: { type: 'boolean' } },
    strict: true,
  });
  const lang = langOption(values.lang);
  const dir = values['data-dir'] ?? demoDataDir();
  const dataFile = join(dir, 'severa.json');
  if (values.reset) {
    rmSync(dataFile, { force: true });
    for (const variant of [2000, 500] as const) removeCompanyFile(demoCompanyFile(dir, variant));
    removeCompanyFile(join(dir, 'ledger.sqlite'));
    rmSync(join(dir, 'settings.json'), { force: true });
  }

  const sandbox = await startSeveraSandbox({ port: 0, dataFile });
  const company = await openDemoCompany(dir, 2000);
  let session: Session | undefined;
  const client = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, onEvent: (e) => session?.severaEvent(e) });
  try {
    if (values.summary || !process.stdout.isTTY) {
      // Without a terminal (or when asked): what both sides hold, as text.
      console.log(`sevadm DEMO: Severa sandbox at ${sandbox.url}; state kept in ${dir}`);
      for (const line of await severaSummary(client)) console.log(line);
      for (const line of await administrationSummary(company)) console.log(line);
      return;
    }
    const ledger = new Ledger(join(dir, 'ledger.sqlite'), 'demo');
    const settingsFile = join(dir, 'settings.json');
    session = new Session({
      severa: client,
      administration: company,
      ledger,
      mappings: DEMO_CUSTOMER_MAPPINGS,
      settings: readTransferSettings(settingsFile),
      saveSettings: (settings) => writeTransferSettings(settingsFile, settings),
    });
    try {
      await runTui(session, { demo: true, lang });
    } finally {
      ledger.close();
    }
  } finally {
    await sandbox.close();
    await company.close();
  }
}
