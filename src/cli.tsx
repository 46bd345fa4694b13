import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultDataDir } from './paths.js';
import { ClockSettingError, processClock } from './clock.js';
import { langOption } from './cliOptions.js';
import { detectLang, translator } from './i18n/index.js';
import { EXIT_LEASE_HELD, UsageError } from './errors.js';
import { printable } from './text.js';
import { packageFile } from './packageRoot.js';

// Each command loads only what it uses: `sevadm --version` or `--help` start no app, sandbox or ADK.

const USAGE = `sevadm – move data between Visma Severa and Visma Administration

Usage:
  sevadm [--lang sv|en]                    the app on the default profile, or on the Severa and Administration
                                           named by SEVADM_SEVERA_BASE_URL, _CLIENT_ID, _CLIENT_SECRET and
                                           SEVADM_BRIDGE_URL, _TOKEN (on the Windows host: SEVADM_ADK_COMMON_FILES,
                                           _COMPANY[, _LIBRARY, _USER, _PASSWORD]); without a terminal: list what
                                           both sides hold
  sevadm demo [--data-dir DIR] [--reset] [--scale N] [--lang sv|en]
                                           the app on the built-in demo (what npm start runs); --scale N makes
                                           a new demo with N times its data (1–1000), for trials of large lists
  sevadm sandbox [options]                 run the Severa sandbox; sevadm sandbox --help
  sevadm bridge [options]                  serve an Administration company; sevadm bridge --help
  sevadm transfer KIND [options]           transfer without the app (cron); sevadm transfer --help
  sevadm show KIND --side SIDE [options]   list either side's records; sevadm show --help
  sevadm compare [options]                 what differs between the two sides; sevadm compare --help
  sevadm doctor [--demo]                   check connections, scopes, mappings; exit 0 only when all pass
  sevadm history [options]                 past transfers from the ledger, or --csv; sevadm history --help
  sevadm setup [NAME]                      first-run wizard: a profile's connection, live test and mappings
  sevadm profile list|add|remove|default   one profile per client company; sevadm profile --help
  (sevadm, transfer, show, doctor and history take --profile NAME; the SEVADM_* variables override it)
  sevadm --version

`;

/** A command's own --help. */
async function usageOf(command: string): Promise<string> {
  const usage = await import('./usage.js');
  const texts: Record<string, string> = {
    sandbox: usage.SANDBOX_USAGE,
    bridge: usage.BRIDGE_USAGE,
    transfer: usage.TRANSFER_USAGE,
    show: usage.SHOW_USAGE,
    doctor: usage.DOCTOR_USAGE,
    history: usage.HISTORY_USAGE,
    compare: usage.COMPARE_USAGE,
    profile: usage.PROFILE_USAGE,
    setup: usage.SETUP_USAGE,
  };
  return texts[command] ?? USAGE;
}

async function main(argv: string[]): Promise<number> {
  // Everything sevadm creates (ledger, company file, token, settings, demo data, directories) is the user's alone.
  process.umask(0o077);
  // A bad SEVADM_NOW, or --lang, is refused before anything starts (even before --version answers).
  processClock();
  const lang = argv.indexOf('--lang');
  if (lang >= 0) langOption(argv[lang + 1]);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--lang' || command === '--profile')
    return (await import('./onEnvironment.js')).runOnEnvironment(argv);
  if (command === '--help' || command === '-h' || command === 'help') {
    const { SANDBOX_USAGE, BRIDGE_USAGE } = await import('./usage.js');
    console.log(`${USAGE}\n${SANDBOX_USAGE}\n\n${BRIDGE_USAGE}`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(await usageOf(command));
    return 0;
  }
  switch (command) {
    case 'demo':
      await (await import('./demo.js')).runDemoCommand(rest);
      return 0;
    case 'transfer':
      return (await import('./headless/transfer.js')).runTransferCommand(rest);
    case 'show':
      return (await import('./headless/show.js')).runShowCommand(rest);
    case 'compare':
      return (await import('./headless/compare.js')).runCompareCommand(rest);
    case 'doctor':
      return (await import('./headless/doctor.js')).runDoctorCommand(rest);
    case 'history':
      return (await import('./headless/history.js')).runHistoryCommand(rest);
    case 'profile':
      return (await import('./headless/profile.js')).runProfileCommand(rest);
    case 'setup':
      return (await import('./setup.js')).runSetupCommand(rest);
    case 'bridge':
      await (await import('./bridge/main.js')).runBridgeCommand(rest);
      return 0;
    case 'sandbox':
      await (await import('./sandbox/severa/main.js')).runSandboxCommand(rest);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"; sevadm --help lists the commands`);
  }
}

/** Appends an unexpected error's trace to the log file in the data directory; its path, or none if it cannot. */
function errorLog(error: unknown): string | undefined {
  try {
    const file = join(defaultDataDir(), 'sevadm-errors.log');
    mkdirSync(dirname(file), { recursive: true });
    const command = process.argv[2] ?? '(app)';
    appendFileSync(file, `${new Date().toISOString()} sevadm ${command}\n${printable((error as Error)?.stack ?? String(error))}\n\n`);
    return file;
  } catch {
    return undefined;
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
    if (error instanceof Error && error.name === 'LeaseHeldError') {
      // Another run holds the company: named, with its own exit code (3).
      const t = translator(detectLang());
      const { holder } = error as Error & { holder: import('./services/administration/models.js').LeaseHolder };
      void import('./session.js').then(({ leaseWords }) => {
        console.error(`sevadm: ${t('lease.held', leaseWords(holder, t))}`);
        process.exit(EXIT_LEASE_HELD);
      });
      return;
    }
    const short = (error as { short?: string })?.short;
    const said = printable(short && e.message ? `${short} (${e.message})` : (e?.message ?? String(error)));
    // One line for the user, never a stack trace; the trace goes to a log file, named.
    const log = errorLog(error);
    console.error(`sevadm: ${said}${log ? ` (details in ${log})` : ''}`);
    process.exit(1);
  },
);
