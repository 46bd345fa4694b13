import { timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { closeServer, listen } from '../../../net/listen.js';
import { AdministrationError } from '../errors.js';
import type { AdministrationPort, PortOperation } from '../port.js';
import { BRIDGE_PREFIX, BRIDGE_ROUTES, type BridgeRoute } from './protocol.js';

export interface BridgeServerOptions {
  company: AdministrationPort;
  token: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Called for each request served, for a log. */
  onRequest?: (line: string) => void;
}

export interface BridgeServer {
  url: string;
  close(): Promise<void>;
}

interface Resolved {
  operation: PortOperation;
  route: BridgeRoute;
  key?: string;
}

const TABLE = Object.entries(BRIDGE_ROUTES) as [PortOperation, BridgeRoute][];

function resolve(method: string, path: string): Resolved | undefined {
  if (!path.startsWith(BRIDGE_PREFIX + '/')) return undefined;
  const rest = path.slice(BRIDGE_PREFIX.length);
  for (const [operation, route] of TABLE) {
    if (route.method !== method) continue;
    if (!route.keyed && rest === route.path) return { operation, route };
    if (route.keyed && rest.startsWith(route.path + '/')) {
      const key = rest.slice(route.path.length + 1);
      if (key && !key.includes('/')) return { operation, route, key: decodeKey(key) };
    }
  }
  return undefined;
}

class BadRequest extends Error {}

/** A key from the path; a broken percent escape is the caller's mistake (400), not the bridge's (500). */
function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    throw new BadRequest(`the key "${key}" in the path is not valid percent-encoding`);
  }
}

/** A client that sends no complete request header within this long is cut off (it holds a connection for nothing). */
export const HEADER_TIMEOUT_MS = 5_000;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 5_000_000) throw new BadRequest('request body larger than 5 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`request body is not valid JSON (${(error as Error).message})`);
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves one company's AdministrationPort over HTTP/JSON. Calls reach the company one at a time, in
 * the order they arrived: the ADK is single-threaded.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  if (options.token.length < 16) throw new Error('the bridge token must be at least 16 characters');
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://bridge');
    const started = performance.now();
    let status = 500;
    try {
      if (!tokenMatches(req.headers.authorization, options.token)) {
        req.resume();
        status = 401;
        return send(res, 401, { error: { code: 'unauthorized', message: 'missing or wrong bridge token (Authorization: Bearer …)' } });
      }
      let found: Resolved | undefined;
      try {
        found = resolve(req.method ?? '', url.pathname);
      } catch (error) {
        req.resume();
        throw error;
      }
      if (!found) {
        req.resume();
        status = 404;
        return send(res, 404, { error: { code: 'no-route', message: `no bridge route ${req.method} ${url.pathname}` } });
      }
      const body = found.route.method === 'GET' ? undefined : await readBody(req);
      const args = found.route.decode({ key: found.key, query: Object.fromEntries(url.searchParams), body });
      const port = options.company as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const result = await serially(() => port[found.operation]!.apply(options.company, args));
      status = 200;
      send(res, 200, { result: result ?? null });
    } catch (error) {
      if (error instanceof AdministrationError) {
        status = 422;
        send(res, 422, { error: error.toJSON() });
      } else if (error instanceof BadRequest) {
        status = 400;
        send(res, 400, { error: { code: 'bad-request', message: error.message } });
      } else {
        status = 500;
        send(res, 500, { error: { code: 'internal', message: (error as Error).message } });
      }
    } finally {
      options.onRequest?.(`${req.method} ${url.pathname} ${status} ${Math.round(performance.now() - started)} ms`);
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res);
  };
  // Node looks for late headers only every connectionsCheckingInterval: a second, so the timeout holds.
  const limits = { headersTimeout: HEADER_TIMEOUT_MS, requestTimeout: 120_000, connectionsCheckingInterval: 1_000 };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, ...limits }, listener)
    : createHttpServer(limits, listener);
  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1', options.tls ? 'https' : 'http');
  return {
    url,
    async close() {
      await closeServer(server);
      await queue;
    },
  };
}
