import { SANDBOX_USAGE } from '../../usage.js';
import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { intOption, latencyOption, rateOption } from '../../cliOptions.js';
import { SANDBOX_DEFAULTS, startSeveraSandbox } from './server.js';
import { MAX_SCALE } from './seed.js';

export async function runSandboxCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      data: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'token-ttl': { type: 'string' },
      quota: { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      latency: { type: 'string' },
      'burst-429': { type: 'string' },
      refuse: { type: 'string', multiple: true },
      hold: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const sandbox = await startSeveraSandbox({
    port: intOption('port', values.port, 0, 65535) ?? SANDBOX_DEFAULTS.port,
    seed: intOption('seed', values.seed, 0, 2 ** 32 - 1),
    scale: intOption('scale', values.scale, 1, MAX_SCALE),
    dataFile: values.data,
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    tokenTtlSeconds: intOption('token-ttl', values['token-ttl'], 1, 86_400),
    quotaPerSecond: intOption('quota', values.quota, 0, 10_000),
    faults: {
      errorRate: rateOption('error-rate', values['error-rate']) ?? 0,
      dropRate: rateOption('drop-rate', values['drop-rate']) ?? 0,
      latencyMs: latencyOption(values.latency) ?? 0,
      burst429: intOption('burst-429', values['burst-429'], 0, 1_000_000) ?? 0,
      refuse: (values.refuse ?? []).map((rule) => requestRule('refuse', rule)),
      hold: (values.hold ?? []).map((rule) => requestRule('hold', rule)),
    },
    onHold: (request) => console.log(`Holding ${request} unanswered (--hold)`),
  });
  const data = sandbox.store.data;
  console.log(`Severa sandbox running: ${data.organization.name}`);
  console.log(`  base URL       ${sandbox.url}`);
  console.log(`  client id      ${sandbox.clientId}`);
  console.log(`  client secret  ${sandbox.clientSecret}`);
  console.log(`  data           ${values.data ?? 'in memory (lost on exit; --data FILE keeps it)'}`);
  console.log(
    `  ${data.customers.length} customers, ${data.projects.length} projects, ${data.invoices.length} invoices, ${data.products.length} products`,
  );
  console.log('Use it with: SEVADM_SEVERA_BASE_URL=<base URL> SEVADM_SEVERA_CLIENT_ID=<id> SEVADM_SEVERA_CLIENT_SECRET=<secret> sevadm');
  console.log('Ctrl+C stops it.');
  await waitForStop();
  await sandbox.close();
}

/** "METHOD /path-prefix", as --refuse and --hold take it. */
function requestRule(option: string, rule: string): string {
  if (!/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(rule))
    throw new UsageError(`--${option} takes "METHOD /path-prefix", such as "PATCH /v1/invoices/"; got "${rule}"`);
  return rule;
}

export function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

export { SANDBOX_USAGE };
