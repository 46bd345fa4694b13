import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bridgeConnectionFromEnv, severaConnectionFromEnv } from './config/environment.js';
import { readTransferSettings, writeTransferSettings } from './config/transferSettingsFile.js';
import { defaultDataDir, demoDataDir } from './paths.js';
import { demoCompanyFile, openDemoCompany, removeCompanyFile } from './sandbox/administration/demoCompanies.js';
import { startSeveraSandbox } from './sandbox/severa/server.js';
import { BridgeClient } from './services/administration/bridge/client.js';
import type { AdministrationPort } from './services/administration/port.js';
import { SeveraClient } from './services/severa/index.js';
import { Ledger } from './services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from './services/transfer/mappings.js';
import { Session } from './session.js';

/** Both sides, the ledger and the session over them, and how to let go of all of it. */
export interface OpenEnvironment {
  session: Session;
  severa: SeveraClient | undefined;
  administration: AdministrationPort | undefined;
  /** Where the state is kept, for messages. */
  describe: string;
  close(): Promise<void>;
}

export function resetDemo(dir: string): void {
  rmSync(join(dir, 'severa.json'), { force: true });
  for (const variant of [2000, 500] as const) removeCompanyFile(demoCompanyFile(dir, variant));
  removeCompanyFile(join(dir, 'ledger.sqlite'));
  rmSync(join(dir, 'settings.json'), { force: true });
}

function sessionOver(severa: SeveraClient | undefined, administration: AdministrationPort | undefined, dir: string, profile: string, problems: { severa?: string; administration?: string }) {
  const ledger = new Ledger(join(dir, 'ledger.sqlite'), profile);
  const settingsFile = join(dir, 'settings.json');
  const session = new Session({
    severa,
    severaProblem: problems.severa,
    administration,
    administrationProblem: problems.administration,
    ledger,
    mappings: DEMO_CUSTOMER_MAPPINGS,
    settings: readTransferSettings(settingsFile),
    saveSettings: (settings) => writeTransferSettings(settingsFile, settings),
  });
  return { session, ledger };
}

/** The built-in demo: the Severa sandbox on a free loopback port and the embedded company, state in `dir`. */
export async function openDemo(dir: string = demoDataDir()): Promise<OpenEnvironment> {
  const sandbox = await startSeveraSandbox({ port: 0, dataFile: join(dir, 'severa.json') });
  const company = await openDemoCompany(dir, 2000);
  let forward: Session | undefined;
  const severa = new SeveraClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, onEvent: (e) => forward?.severaEvent(e) });
  const { session, ledger } = sessionOver(severa, company, dir, 'demo', {});
  forward = session;
  return {
    session,
    severa,
    administration: company,
    describe: `DEMO: Severa sandbox at ${sandbox.url}; state kept in ${dir}`,
    async close() {
      ledger.close();
      await sandbox.close();
      await company.close();
    },
  };
}

/** The systems the environment names (SEVADM_SEVERA_*, SEVADM_BRIDGE_*); a side not named is left out. */
export function openFromEnvironment(): OpenEnvironment {
  const severaConnection = severaConnectionFromEnv();
  const bridge = bridgeConnectionFromEnv();
  let forward: Session | undefined;
  const severa = severaConnection ? new SeveraClient({ ...severaConnection, onEvent: (e) => forward?.severaEvent(e) }) : undefined;
  const administration = bridge ? new BridgeClient(bridge) : undefined;
  const { session, ledger } = sessionOver(severa, administration, defaultDataDir(), 'environment', {
    severa: 'set SEVADM_SEVERA_BASE_URL, SEVADM_SEVERA_CLIENT_ID and SEVADM_SEVERA_CLIENT_SECRET',
    administration: 'set SEVADM_BRIDGE_URL and SEVADM_BRIDGE_TOKEN',
  });
  forward = session;
  return {
    session,
    severa,
    administration,
    describe: [severaConnection && `Severa at ${severaConnection.baseUrl}`, bridge && `Administration bridge at ${bridge.url}`].filter(Boolean).join('; '),
    async close() {
      ledger.close();
      await administration?.close();
    },
  };
}
