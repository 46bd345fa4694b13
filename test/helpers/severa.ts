import { afterEach } from 'vitest';
import { startSeveraSandbox, type SeveraSandbox, type SeveraSandboxOptions } from '../../src/sandbox/severa/server.js';
import { SeveraClient, type SeveraClientOptions } from '../../src/services/severa/index.js';

const open: SeveraSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A sandbox on a free port, closed after the test. */
export async function sandbox(options: SeveraSandboxOptions = {}): Promise<SeveraSandbox> {
  const s = await startSeveraSandbox({ port: 0, ...options });
  open.push(s);
  return s;
}

/** A client for that sandbox; short backoff so retry tests run quickly. */
export function clientFor(s: SeveraSandbox, options: Partial<SeveraClientOptions> = {}): SeveraClient {
  return new SeveraClient({
    baseUrl: s.url,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    backoffBaseMs: 20,
    backoffCapMs: 2000,
    ...options,
  });
}
