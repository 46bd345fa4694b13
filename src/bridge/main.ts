import { BRIDGE_DEFAULT_PORT } from '../defaults.js';
import { BRIDGE_USAGE } from '../usage.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { checkDataDir, demoDataDir } from '../paths.js';
import { openDemoCompany } from '../sandbox/administration/demoCompanies.js';
import { demoAnchor, demoScale } from '../sandbox/demoDay.js';
import { isoNow, processClock } from '../clock.js';
import { waitForStop } from '../sandbox/severa/main.js';
import { listenRefusal, parseListen } from '../services/administration/bridge/listenPolicy.js';
import { startBridgeServer } from '../services/administration/bridge/server.js';
import { bridgeToken } from './token.js';
import { adkConnectionFromEnv } from '../config/environment.js';
import { openAdkCompany } from '../services/administration/adk/index.js';
import type { AdministrationPort } from '../services/administration/port.js';

export async function runBridgeCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      listen: { type: 'string' },
      'data-dir': { type: 'string' },
      'adk-common': { type: 'string' },
      'adk-company': { type: 'string' },
      'adk-library': { type: 'string' },
      variant: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
    strict: true,
  });
  const listen = parseListen(values.listen ?? `127.0.0.1:${BRIDGE_DEFAULT_PORT}`);
  if (!listen) throw new UsageError(`--listen must be HOST:PORT (e.g. 127.0.0.1:${BRIDGE_DEFAULT_PORT}), got "${values.listen}"`);
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together');
  const refusal = listenRefusal(listen.host, { allowRemote: values['allow-remote'], tls: Boolean(values['tls-cert']) });
  if (refusal) throw new UsageError(refusal);
  const variant = values.variant === undefined ? 2000 : Number(values.variant);
  if (variant !== 2000 && variant !== 500) throw new UsageError(`--variant must be 2000 or 500, got "${values.variant}"`);

  const dir = values['data-dir'] === undefined ? demoDataDir() : checkDataDir(values['data-dir']);
  const tokenFile = join(dir, 'bridge-token');
  const { token, source } = bridgeToken(tokenFile);
  const adk = adkConnectionFromEnv({
    ...process.env,
    ...(values['adk-common'] ? { SEVADM_ADK_COMMON_FILES: values['adk-common'] } : {}),
    ...(values['adk-company'] ? { SEVADM_ADK_COMPANY: values['adk-company'] } : {}),
    ...(values['adk-library'] ? { SEVADM_ADK_LIBRARY: values['adk-library'] } : {}),
  });
  // The embedded company shares the demo's day with the demo in the same directory.
  const company: AdministrationPort = adk
    ? openAdkCompany(adk)
    : await openDemoCompany(dir, variant, demoAnchor(dir, processClock()), processClock(), demoScale(dir));
  const info = await company.companyInfo();
  const server = await startBridgeServer({
    company,
    token,
    host: listen.host,
    port: listen.port,
    tls: values['tls-cert']
      ? { cert: pemFile('--tls-cert', values['tls-cert']), key: pemFile('--tls-key', values['tls-key']!) }
      : undefined,
    onRequest: (line) => console.log(`${isoNow(processClock())} ${line}`),
  });
  console.log(
    `sevadm bridge: ${info.name} (Administration ${info.variant}, ${adk ? `ADK ${info.adkVersion}, ${adk.company}` : `embedded company in ${dir}`})`,
  );
  console.log(`  listening on ${server.url}`);
  if (source === 'new') {
    console.log(`  token (shown this once; kept in ${tokenFile}):`);
    console.log(`    ${token}`);
  } else {
    console.log(`  token: ${source === 'environment' ? 'from SEVADM_BRIDGE_TOKEN' : `in ${tokenFile}`}`);
  }
  console.log(`  on the sevadm side: SEVADM_BRIDGE_URL=${server.url} SEVADM_BRIDGE_TOKEN=<token>`);
  console.log('Ctrl+C stops it.');
  await waitForStop();
  await server.close();
  await company.close();
}

export { BRIDGE_USAGE };
export { BRIDGE_DEFAULT_PORT };

/** A PEM file an option names, or a usage error naming the option and what went wrong. */
function pemFile(option: string, file: string): Buffer {
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${option} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not readable by you' : (error as Error).message}`,
    );
  }
  if (!text.includes('-----BEGIN ')) throw new UsageError(`${option} ${file} is not a PEM file (it has no -----BEGIN line)`);
  return text;
}
