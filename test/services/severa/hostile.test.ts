import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SeveraAnswerError, SeveraApiError, SeveraNetworkError } from '../../../src/services/severa/errors.js';
import { SeveraClient } from '../../../src/services/severa/index.js';
import { offsetPages, tokenPages } from '../../../src/services/severa/paging.js';
import { RateLimiter } from '../../../src/services/severa/rateLimiter.js';
import { MAX_ANSWER_BYTES, type SeveraEvent, SeveraTransport } from '../../../src/services/severa/transport.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** A server of our own that misbehaves as told; `calls` counts what reached it. */
async function hostile(handler: Handler) {
  let n = 0;
  const server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => n };
}

const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function transport(url: string, options: Partial<ConstructorParameters<typeof SeveraTransport>[0]> = {}) {
  const events: SeveraEvent[] = [];
  const t = new SeveraTransport({
    baseUrl: url,
    clientId: 'c',
    limiter: new RateLimiter({ maxRequests: 1000 }),
    backoffBaseMs: 5,
    backoffCapMs: 50,
    onEvent: (e) => events.push(e),
    ...options,
  });
  t.tokenSource = { token: async () => 'tok', rejected: () => {} };
  return { t, events };
}

const Row = z.object({ id: z.number() });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('a hostile or broken Severa', () => {
  it('a list whose NextPageToken repeats, or whose pages never end, is stopped with a clear error', async () => {
    const server = await hostile((_req, res) => json(res, [{ id: 1 }], { NextPageToken: 'again' }));
    const { t } = transport(server.url);
    const error = await failure(
      (async () => {
        for await (const _ of tokenPages(t, '/v1/customers', {}, Row));
      })(),
    );
    expect(error).toBeInstanceOf(SeveraAnswerError);
    expect((error as Error).message).toMatch(/never ends \(the same NextPageToken came twice\)/);
    expect(server.calls()).toBe(2);

    let page = 0;
    const forever = await hostile((_req, res) => json(res, [{ id: 1 }], { NextPageToken: `p${++page}` }));
    const endless = await failure(
      (async () => {
        for await (const _ of tokenPages(transport(forever.url).t, '/v1/x', {}, Row, 100, 50));
      })(),
    );
    expect((endless as Error).message).toMatch(/more than 50 pages/);
    const full = await hostile((_req, res) =>
      json(
        res,
        Array.from({ length: 10 }, (_, id) => ({ id })),
      ),
    );
    const offsets = await failure(
      (async () => {
        for await (const _ of offsetPages(transport(full.url).t, '/v1/x', {}, Row, 10, 20));
      })(),
    );
    expect((offsets as Error).message).toMatch(/more than 20 full pages/);
  });

  it('a body that stalls after its headers is a timeout, retried like one, never a crash', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[{"id":');
    });
    const { t, events } = transport(server.url, { timeoutMs: 200, maxAttempts: 3 });
    const error = await failure(t.request({ method: 'GET', path: '/v1/customers', schema: z.array(Row) }));
    expect(error).toBeInstanceOf(SeveraNetworkError);
    expect((error as SeveraNetworkError).code).toBe('timeout');
    expect(server.calls()).toBe(3);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('429s without Retry-After pause on the quota scale (never seconds on end); a storm ends after a bounded time, counted right', async () => {
    const burst = await hostile((_req, res, n) => (n <= 10 ? (res.writeHead(429), res.end('quota')) : json(res, [])));
    const { t, events } = transport(burst.url);
    await t.request({ method: 'GET', path: '/v1/customers', schema: z.array(Row) });
    const pauses = events.flatMap((e) => (e.type === 'retry' ? [e.delayMs] : []));
    expect(pauses).toHaveLength(10);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(1000);

    const storm = await hostile((_req, res) => (res.writeHead(429), res.end('quota')));
    const stormy = transport(storm.url, { quotaStormMs: 1500 });
    const error = await failure(stormy.t.request({ method: 'GET', path: '/v1/customers', schema: z.array(Row) }));
    expect(error).toBeInstanceOf(SeveraApiError);
    const refusals = stormy.events.filter((e) => e.type === 'retry').length + 1;
    expect((error as SeveraApiError).short).toBe(`Severa quota exceeded (${refusals} tries)`);
    expect(storm.calls()).toBe(refusals);
  });

  it('the token request is retried like a read: one 500 or one dropped connection does not end the run', async () => {
    const server = await hostile((req, res, n) => {
      if (req.url?.startsWith('/v1/token')) {
        if (n === 1) return void (res.writeHead(500), res.end());
        if (n === 2) return void req.socket.destroy();
        return json(res, {
          access_token: 'tok',
          access_token_expires_in: 3600,
          refresh_token: 'r',
          refresh_token_expires_in: 7200,
          scope: 'customers:read',
        });
      }
      json(res, { name: 'Org' });
    });
    const client = new SeveraClient({ baseUrl: server.url, clientId: 'c', clientSecret: 's', backoffBaseMs: 5, backoffCapMs: 20 });
    expect(await client.auth.token()).toBe('tok');
  });

  it('never follows a redirect: the client secret never leaves for another origin', async () => {
    const elsewhere = await hostile((_req, res) => json(res, {}));
    const server = await hostile((_req, res) => (res.writeHead(307, { Location: `${elsewhere.url}/v1/token` }), res.end()));
    const client = new SeveraClient({ baseUrl: server.url, clientId: 'c', clientSecret: 's', backoffBaseMs: 5 });
    const error = await failure(client.auth.token());
    expect(error).toBeInstanceOf(SeveraAnswerError);
    expect((error as Error).message).toMatch(/307, a redirect to .*follows no redirect/);
    expect(elsewhere.calls()).toBe(0);
  });

  it('refuses an answer larger than the limit, whether it says its length or streams it', async () => {
    const said = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MAX_ANSWER_BYTES + 1) });
      res.write('[');
    });
    const error = await failure(transport(said.url).t.request({ method: 'GET', path: '/v1/customers', schema: z.array(Row) }));
    expect((error as Error).message).toMatch(/larger than 32 MB/);
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    const streamed = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      let sent = 0;
      const more = () => {
        while (sent <= MAX_ANSWER_BYTES / chunk.length + 1) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end('[]');
      };
      more();
    });
    const big = await failure(transport(streamed.url).t.request({ method: 'GET', path: '/v1/customers', schema: z.array(Row) }));
    expect(big).toBeInstanceOf(SeveraAnswerError);
  });
});

describe('look-ups that read every page', () => {
  it('find a row on a later page, and say none when no page has it', async () => {
    const { firstMatch } = await import('../../../src/services/severa/paging.js');
    async function* pages() {
      yield [{ n: 1 }, { n: 2 }];
      yield [{ n: 3 }];
    }
    expect(await firstMatch(pages(), (r) => r.n === 3)).toEqual({ n: 3 });
    expect(await firstMatch(pages(), (r) => r.n === 4)).toBeNull();
  });
});
