import { rmSync } from 'node:fs';
import { type Clock, processClock } from './clock.js';
import { demoAnchor, demoDayFile, demoScale } from './sandbox/demoDay.js';
import { join } from 'node:path';
import {
  type AdkConnection,
  adkConnectionFromEnv,
  type BridgeConnection,
  bridgeConnectionFromEnv,
  type SeveraConnection,
  severaConnectionFromEnv,
} from './config/environment.js';
import { defaultDataDir, demoDataDir } from './paths.js';
import { demoCompanyFile, openDemoCompany, removeCompanyFile } from './sandbox/administration/demoCompanies.js';
import { startSeveraSandbox } from './sandbox/severa/server.js';
import { sharedSandbox } from './sandbox/shared.js';
import { BridgeClient } from './services/administration/bridge/client.js';
import { openAdkCompany } from './services/administration/adk/index.js';
import type { AdministrationPort } from './services/administration/port.js';
import { SeveraClient } from './services/severa/index.js';
import { Ledger } from './services/transfer/ledger.js';
import { Session, type Sides } from './session.js';
import {
  type ConfigurationStore,
  environmentConnectionView,
  FileConfiguration,
  ProfileConfiguration,
} from './config/configurationStore.js';
import { ProfileStore } from './config/profiles.js';

/** Both sides, the ledger and the session over them, and how to let go of all of it. */
export interface OpenEnvironment {
  session: Session;
  /** The profile in use, if any. */
  profile?: string;
  severa: SeveraClient | undefined;
  administration: AdministrationPort | undefined;
  /** Where the state is kept, for messages. */
  describe: string;
  close(): Promise<void>;
}

export function resetDemo(dir: string): void {
  rmSync(join(dir, 'severa.json'), { force: true });
  rmSync(demoDayFile(dir), { force: true });
  for (const variant of [2000, 500] as const) removeCompanyFile(demoCompanyFile(dir, variant));
  removeCompanyFile(join(dir, 'ledger.sqlite'));
  rmSync(join(dir, 'settings.json'), { force: true });
}

interface SessionPlace {
  dir: string;
  profileName: string;
  configuration: ConfigurationStore;
  clock: Clock;
  /** The instant the default filters count back from, when not now (the demo's day). */
  defaultsAt?: number;
  reconnect?: () => Sides;
}

function sessionOver(sides: Sides, place: SessionPlace) {
  const { configuration, clock } = place;
  const ledger = new Ledger(join(place.dir, 'ledger.sqlite'), place.profileName, clock);
  const session = new Session({
    ...sides,
    ledger,
    mappings: configuration.mappings(),
    settings: configuration.settings(),
    configuration,
    reconnect: place.reconnect,
    clock,
    defaultsAt: place.defaultsAt,
  });
  return { session, ledger };
}

/**
 * The built-in demo: the Severa sandbox on a free loopback port and the embedded company, state in `dir`.
 * Both sides' data lead up to the demo's day; its default filters count back from that day.
 */
export async function openDemo(dir: string = demoDataDir(), clock: Clock = processClock(), scale?: number): Promise<OpenEnvironment> {
  const anchor = demoAnchor(dir, clock, scale);
  const made = demoScale(dir);
  // One sandbox per demo directory: a second demo process uses the one the first runs.
  const sandbox = await sharedSandbox(dir, () =>
    startSeveraSandbox({ port: 0, dataFile: join(dir, 'severa.json'), clock, anchor, scale: made }),
  );
  const company = await openDemoCompany(dir, 2000, anchor, clock, made);
  let forward: Session | undefined;
  const severa = new SeveraClient({
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    onEvent: (e) => forward?.severaEvent(e),
  });
  // Shown on the settings screen: the demo's connection is fixed (the sandbox and the embedded company file).
  const fixed = {
    values: {
      'severa.baseUrl': sandbox.url,
      'severa.clientId': sandbox.clientId,
      'administration.companyPath': demoCompanyFile(dir, 2000),
    },
    secretsSet: { 'severa.clientSecret': true },
    overridden: [],
  };
  const configuration = new FileConfiguration(join(dir, 'settings.json'), fixed);
  const { session, ledger } = sessionOver(
    { severa, administration: company },
    { dir, profileName: 'demo', configuration, clock, defaultsAt: anchor },
  );
  forward = session;
  return {
    session,
    severa,
    administration: company,
    describe: `DEMO: Severa sandbox at ${sandbox.url}; state kept in ${dir}`,
    async close() {
      ledger.close();
      await company.close();
      await sandbox.release((pids) =>
        process.stderr.write(`sevadm: the demo's Severa sandbox still serves sevadm (pid ${pids.join(', ')}); waiting for it to finish\n`),
      );
    },
  };
}

/**
 * The systems a profile names, each field overridden by SEVADM_SEVERA_* / SEVADM_BRIDGE_* when set; with no
 * profile (none named, no default) the environment alone. A side named nowhere is left out.
 */
export function openFromEnvironment(
  profileName?: string,
  store: ProfileStore = new ProfileStore(),
  clock: Clock = processClock(),
): OpenEnvironment {
  const name = profileName ?? store.defaultName();
  const profile = name ? store.get(name) : undefined;
  if (profile && store.readableByOthers()) {
    process.stderr.write(`sevadm: warning: ${store.path} can be read by other users and may hold secrets; chmod 600 it\n`);
  }
  let forward: Session | undefined;
  let current: Sides & { severaConnection?: SeveraConnection; bridge?: BridgeConnection; adk?: AdkConnection };
  const connect = () => {
    // A half-configured side opens as disconnected, saying what is missing; the other side still works.
    const problems: { severa?: string; administration?: string } = {
      severa:
        'set it in a profile (sevadm setup) or SEVADM_SEVERA_BASE_URL, _CLIENT_ID and _CLIENT_SECRET; to try sevadm first: sevadm demo',
      administration:
        'set it in a profile (sevadm setup), or SEVADM_BRIDGE_URL and SEVADM_BRIDGE_TOKEN (on the Windows host: SEVADM_ADK_COMMON_FILES and SEVADM_ADK_COMPANY)',
    };
    const attempt = <T>(side: 'severa' | 'administration', resolve: () => T | undefined): T | undefined => {
      try {
        return resolve();
      } catch (error) {
        problems[side] = (error as Error).message;
        return undefined;
      }
    };
    // Read again each time: the settings screen may just have saved the profile.
    const profile = name ? store.get(name) : undefined;
    const severaConnection = attempt('severa', () => severaConnectionFromEnv(process.env, profile));
    // On the Windows host the ADK paths name the company directly; elsewhere the bridge does.
    const adk = attempt('administration', () => adkConnectionFromEnv(process.env, profile));
    const bridge = adk ? undefined : attempt('administration', () => bridgeConnectionFromEnv(process.env, profile));
    const administration = adk ? attempt('administration', () => openAdkCompany(adk)) : bridge ? new BridgeClient(bridge) : undefined;
    current = {
      severaConnection,
      bridge,
      adk,
      severa: severaConnection ? new SeveraClient({ ...severaConnection, onEvent: (e) => forward?.severaEvent(e) }) : undefined,
      severaProblem: severaConnection ? undefined : problems.severa,
      administration,
      administrationProblem: administration ? undefined : problems.administration,
    };
    return current;
  };
  const sides = connect();
  const configuration = name
    ? new ProfileConfiguration(name, store)
    : new FileConfiguration(join(defaultDataDir(), 'settings.json'), environmentConnectionView());
  const { session, ledger } = sessionOver(sides, {
    dir: defaultDataDir(),
    profileName: name ?? 'environment',
    configuration,
    clock,
    reconnect: connect,
  });
  forward = session;
  const { severaConnection, bridge, adk } = current!;
  return {
    session,
    severa: sides.severa,
    administration: sides.administration,
    profile: name,
    describe: [
      name && `profile ${name}`,
      severaConnection && `Severa at ${severaConnection.baseUrl}`,
      bridge && `Administration bridge at ${bridge.url}`,
      adk && `Administration company ${adk.company} (ADK)`,
    ]
      .filter(Boolean)
      .join('; '),
    async close() {
      ledger.close();
      await current.administration?.close();
    },
  };
}
