import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { checkDataDir, demoDataDir } from '../paths.js';
import { openDemoCompany } from '../sandbox/administration/demoCompanies.js';
import { demoAnchor } from '../sandbox/demoDay.js';
import { isoNow, processClock } from '../clock.js';
import { waitForStop } from '../sandbox/severa/main.js';
import { listenRefusal, parseListen } from '../services/administration/bridge/listenPolicy.js';
import { startBridgeServer } from '../services/administration/bridge/server.js';
import { bridgeToken } from './token.js';
import { adkConnectionFromEnv } from '../config/environment.js';
import { openAdkCompany } from '../services/administration/adk/index.js';
import type { AdministrationPort } from '../services/administration/port.js';

export const BRIDGE_DEFAULT_PORT = 7730;

export const BRIDGE_USAGE = `sevadm bridge [options]    serve an Administration company to sevadm elsewhere, over HTTP/JSON

  --listen HOST:PORT   where to listen (default 127.0.0.1:${BRIDGE_DEFAULT_PORT}; loopback only)
  --adk-common DIR     serve the real company through Adk.dll: the Gemensamma filer folder …
  --adk-company DIR    … and the company folder (both: Hjälp › Om Visma Administration › Systeminfo)
  --adk-library FILE   Adk.dll to use (default: the one the registry names)
                       (also SEVADM_ADK_COMMON_FILES, _COMPANY, _LIBRARY; login: SEVADM_ADK_USER, _PASSWORD)
  --data-dir DIR       the embedded company in DIR (default: the demo company; where the token is kept)
  --variant 2000|500   which embedded company (default 2000)
  --allow-remote       listen on a non-loopback address; needs --tls-cert and --tls-key
  --tls-cert FILE      PEM certificate for https
  --tls-key FILE       PEM private key for https
The token comes from SEVADM_BRIDGE_TOKEN, else DIR/bridge-token (made and shown on first start).`;

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
  const company: AdministrationPort = adk ? openAdkCompany(adk) : await openDemoCompany(dir, variant, demoAnchor(dir, processClock()));
  const info = await company.companyInfo();
  const server = await startBridgeServer({
    company,
    token,
    host: listen.host,
    port: listen.port,
    tls: values['tls-cert'] ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']!) } : undefined,
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
