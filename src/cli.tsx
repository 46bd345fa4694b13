import { readFileSync } from 'node:fs';
import { UsageError } from './cliOptions.js';
import { severaConnectionFromEnv } from './config/environment.js';
import { runDemoCommand } from './demo.js';
import { SeveraClient } from './services/severa/index.js';
import { severaSummary } from './severaSummary.js';
import { runSandboxCommand, SANDBOX_USAGE } from './sandbox/severa/main.js';

const USAGE = `sevadm – move data between Visma Severa and Visma Administration

Usage:
  sevadm                                   with SEVADM_SEVERA_BASE_URL, _CLIENT_ID and _CLIENT_SECRET set:
                                           connect to that Severa and list what it holds
  sevadm demo [--data-dir DIR] [--reset]   the built-in demo (what npm start runs)
  sevadm sandbox [options]                 run the Severa sandbox; sevadm sandbox --help
  sevadm --version

${SANDBOX_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const connection = command === undefined ? severaConnectionFromEnv() : undefined;
  if (connection) {
    const client = new SeveraClient(connection);
    console.log(`Severa at ${connection.baseUrl}`);
    for (const line of await severaSummary(client)) console.log(line);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command === 'sandbox' ? SANDBOX_USAGE : USAGE);
    return 0;
  }
  switch (command) {
    case 'demo':
      await runDemoCommand(rest);
      return 0;
    case 'sandbox':
      await runSandboxCommand(rest);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"; sevadm --help lists the commands`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { code?: string; message?: string };
    // parseArgs reports unknown options with a code; both are the user's input, not a crash.
    if (error instanceof UsageError || e?.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`sevadm: ${e.message}`);
      process.exit(2);
    }
    const short = (error as { short?: string })?.short;
    console.error(`sevadm: ${short && e.message ? `${short} (${e.message})` : (e?.message ?? String(error))}`);
    process.exit(1);
  },
);
