import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDataDir } from './paths.js';
import { waitForStop } from './sandbox/severa/main.js';
import { startSeveraSandbox } from './sandbox/severa/server.js';
import { SeveraClient } from './services/severa/index.js';
import { administrationSummary, severaSummary } from './summary.js';
import { demoCompanyFile, openDemoCompany, removeCompanyFile } from './sandbox/administration/demoCompanies.js';

/**
 * The built-in demo. Until the full-screen app lands, it starts the Severa sandbox and opens the embedded
 * Administration company with the demo's saved state and shows what the client reads from it over HTTP, the same path a real Severa takes.
 */
export async function runDemoCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, reset: { type: 'boolean' } }, strict: true });
  const dir = values['data-dir'] ?? demoDataDir();
  const dataFile = join(dir, 'severa.json');
  if (values.reset) {
    rmSync(dataFile, { force: true });
    for (const variant of [2000, 500] as const) removeCompanyFile(demoCompanyFile(dir, variant));
  }

  const sandbox = await startSeveraSandbox({ port: 0, dataFile });
  const company = await openDemoCompany(dir, 2000);
  const client = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
  console.log(`sevadm DEMO: Severa sandbox at ${sandbox.url}`);
  console.log(`  state kept in ${dataFile} (sevadm demo --reset starts over)`);
  for (const line of await severaSummary(client)) console.log(line);
  for (const line of await administrationSummary(company)) console.log(line);
  console.log(`  client id ${sandbox.clientId}, secret ${sandbox.clientSecret}`);
  console.log('The full-screen app is not built yet; the sandbox stays up for scripts. Ctrl+C stops it.');
  await waitForStop();
  await sandbox.close();
  await company.close();
}
