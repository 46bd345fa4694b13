import { parseArgs } from 'node:util';
import { langOption } from './cliOptions.js';
import { runTui } from './tui.js';
import { openFromEnvironment } from './environments.js';
import { ProfileStore } from './config/profiles.js';
import { pickProfile } from './profilePicker.js';
import { translator } from './i18n/index.js';
import { UsageError } from './errors.js';
import { adkConnectionFromEnv, bridgeConnectionFromEnv, severaConnectionFromEnv } from './config/environment.js';
import { openAdkCompany } from './services/administration/adk/index.js';
import { BridgeClient } from './services/administration/bridge/client.js';
import { SeveraClient } from './services/severa/index.js';
import { administrationSummary, severaSummary } from './summary.js';

/** `sevadm`: the app on the systems the environment names; a side not configured shows as disconnected. */
export async function runOnEnvironment(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { lang: { type: 'string' }, profile: { type: 'string' } }, strict: true });
  const lang = langOption(values.lang);
  const store = new ProfileStore();
  let profileName = values.profile ?? store.defaultName();
  const names = Object.keys(store.read().profiles);
  if (!profileName && names.length > 1 && process.stdin.isTTY && process.stdout.isTTY) {
    // Several client companies and no default: ask which one.
    const chosen = await pickProfile(names, translator(lang));
    if (!chosen) return 0;
    profileName = chosen;
  }
  const profile = profileName ? store.get(profileName) : undefined;
  if (!process.stdout.isTTY) {
    const severa = severaConnectionFromEnv(process.env, profile);
    const adk = adkConnectionFromEnv(process.env, profile);
    const bridge = adk ? undefined : bridgeConnectionFromEnv(process.env, profile);
    if (!severa && !bridge && !adk)
      throw new UsageError(
        'nothing to connect to: name a --profile, set SEVADM_SEVERA_* and/or SEVADM_BRIDGE_* (see sevadm --help), or try sevadm demo',
      );
    return connectionCheck(severa, bridge, adk);
  }
  const environment = openFromEnvironment(profileName, store);
  try {
    await runTui(environment.session, { demo: false, lang, profile: environment.profile });
  } finally {
    await environment.close();
  }
  return 0;
}

/** Without a terminal: connect to what the environment names and list what is there. */
async function connectionCheck(
  severa: ReturnType<typeof severaConnectionFromEnv>,
  bridge: ReturnType<typeof bridgeConnectionFromEnv>,
  adk?: ReturnType<typeof adkConnectionFromEnv>,
): Promise<number> {
  let failed = false;
  if (severa) {
    console.log(`Severa at ${severa.baseUrl}`);
    try {
      for (const line of await severaSummary(new SeveraClient(severa))) console.log(line);
    } catch (error) {
      failed = true;
      const e = error as { short?: string; message: string };
      console.error(`  disconnected: ${e.short ?? e.message} (${e.message})`);
    }
  }
  if (bridge) {
    console.log(`Administration bridge at ${bridge.url}`);
    try {
      for (const line of await administrationSummary(new BridgeClient(bridge))) console.log(line);
    } catch (error) {
      failed = true;
      console.error(`  disconnected: ${(error as Error).message}`);
    }
  }
  if (adk) {
    console.log(`Administration company ${adk.company} (ADK)`);
    const company = (() => {
      try {
        return openAdkCompany(adk);
      } catch (error) {
        return error as Error;
      }
    })();
    try {
      if (company instanceof Error) throw company;
      for (const line of await administrationSummary(company)) console.log(line);
    } catch (error) {
      failed = true;
      console.error(`  disconnected: ${(error as Error).message}`);
    } finally {
      if (!(company instanceof Error)) await company.close();
    }
  }
  return failed ? 1 : 0;
}
