import { readFileSync } from 'node:fs';
import { ClockSettingError, processClock } from './clock.js';
import { parseArgs } from 'node:util';
import { langOption } from './cliOptions.js';
import { runTui } from './tui.js';
import { openFromEnvironment } from './environments.js';
import { ProfileStore } from './config/profiles.js';
import { pickProfile } from './profilePicker.js';
import { detectLang, translator } from './i18n/index.js';
import { EXIT_LEASE_HELD, runTransferCommand, TRANSFER_USAGE } from './headless/transfer.js';
import { LeaseHeldError } from './session/lease.js';
import { leaseWords } from './session.js';
import { runShowCommand, SHOW_USAGE } from './headless/show.js';
import { DOCTOR_USAGE, runDoctorCommand } from './headless/doctor.js';
import { HISTORY_USAGE, runHistoryCommand } from './headless/history.js';
import { PROFILE_USAGE, runProfileCommand } from './headless/profile.js';
import { UsageError } from './errors.js';
import { printable } from './text.js';
import { BRIDGE_USAGE, runBridgeCommand } from './bridge/main.js';
import { adkConnectionFromEnv, bridgeConnectionFromEnv, severaConnectionFromEnv } from './config/environment.js';
import { openAdkCompany } from './services/administration/adk/index.js';
import { BridgeClient } from './services/administration/bridge/client.js';
import { runDemoCommand } from './demo.js';
import { SeveraClient } from './services/severa/index.js';
import { administrationSummary, severaSummary } from './summary.js';
import { runSandboxCommand, SANDBOX_USAGE } from './sandbox/severa/main.js';
import { runSetupCommand, SETUP_USAGE } from './setup.js';

const USAGE = `sevadm – move data between Visma Severa and Visma Administration

Usage:
  sevadm [--lang sv|en]                    the app on the default profile, or on the Severa and Administration
                                           named by SEVADM_SEVERA_BASE_URL, _CLIENT_ID, _CLIENT_SECRET and
                                           SEVADM_BRIDGE_URL, _TOKEN (on the Windows host: SEVADM_ADK_COMMON_FILES,
                                           _COMPANY[, _LIBRARY, _USER, _PASSWORD]); without a terminal: list what
                                           both sides hold
  sevadm demo [--data-dir DIR] [--reset] [--lang sv|en]
                                           the app on the built-in demo (what npm start runs)
  sevadm sandbox [options]                 run the Severa sandbox; sevadm sandbox --help
  sevadm bridge [options]                  serve an Administration company; sevadm bridge --help
  sevadm transfer KIND [options]           transfer without the app (cron); sevadm transfer --help
  sevadm show KIND --side SIDE [options]   list either side's records; sevadm show --help
  sevadm doctor [--demo]                   check connections, scopes, mappings; exit 0 only when all pass
  sevadm history [options]                 past transfers from the ledger, or --csv; sevadm history --help
  sevadm setup [NAME]                      first-run wizard: a profile's connection, live test and mappings
  sevadm profile list|add|remove|default   one profile per client company; sevadm profile --help
  (sevadm, transfer, show, doctor and history take --profile NAME; the SEVADM_* variables override it)
  sevadm --version

${SANDBOX_USAGE}

${BRIDGE_USAGE}`;

/** `sevadm`: the app on the systems the environment names; a side not configured shows as disconnected. */
async function runOnEnvironment(argv: string[]): Promise<number> {
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

async function main(argv: string[]): Promise<number> {
  // Everything sevadm creates (ledger, company file, token, settings, demo data, directories) is the user's alone.
  process.umask(0o077);
  // A bad SEVADM_NOW, or --lang, is refused before anything starts (even before --version answers).
  processClock();
  const lang = argv.indexOf('--lang');
  if (lang >= 0) langOption(argv[lang + 1]);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--lang' || command === '--profile') return runOnEnvironment(argv);
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(
      command === 'sandbox'
        ? SANDBOX_USAGE
        : command === 'bridge'
          ? BRIDGE_USAGE
          : command === 'transfer'
            ? TRANSFER_USAGE
            : command === 'show'
              ? SHOW_USAGE
              : command === 'doctor'
                ? DOCTOR_USAGE
                : command === 'history'
                  ? HISTORY_USAGE
                  : command === 'profile'
                    ? PROFILE_USAGE
                    : command === 'setup'
                      ? SETUP_USAGE
                      : USAGE,
    );
    return 0;
  }
  switch (command) {
    case 'demo':
      await runDemoCommand(rest);
      return 0;
    case 'transfer':
      return runTransferCommand(rest);
    case 'show':
      return runShowCommand(rest);
    case 'doctor':
      return runDoctorCommand(rest);
    case 'history':
      return runHistoryCommand(rest);
    case 'profile':
      return runProfileCommand(rest);
    case 'setup':
      return runSetupCommand(rest);
    case 'bridge':
      await runBridgeCommand(rest);
      return 0;
    case 'sandbox':
      await runSandboxCommand(rest);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"; sevadm --help lists the commands`);
  }
}

// `sevadm show … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { code?: unknown; message?: string };
    // parseArgs reports unknown options with a code; both are the user's input, not a crash. (ADK errors
    // carry numeric codes.)
    if (
      error instanceof UsageError ||
      error instanceof ClockSettingError ||
      (typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`sevadm: ${printable(e.message ?? '')}`);
      process.exit(2);
    }
    if (error instanceof LeaseHeldError) {
      console.error(`sevadm: ${translator(detectLang())('lease.held', leaseWords(error.holder, translator(detectLang())))}`);
      process.exit(EXIT_LEASE_HELD);
    }
    const short = (error as { short?: string })?.short;
    console.error(`sevadm: ${printable(short && e.message ? `${short} (${e.message})` : (e?.message ?? String(error)))}`);
    process.exit(1);
  },
);
