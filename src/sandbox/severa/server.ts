import { SANDBOX_DEFAULTS } from '../../defaults.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../../net/listen.js';
import { SEVADM_SCOPES } from '../../services/severa/environments.js';
import { invalidParameter } from './respond.js';
import { FaultInjector, type Faults } from './faults.js';
import { checkAnswer, checkRequest, loadSpec } from './spec.js';
import { QueryReader } from './query.js';
import { QUOTA_MESSAGE, QuotaWindow } from './quota.js';
import { NotFound, readJsonBody, SandboxError, sendEmpty, sendException, sendJson } from './respond.js';
import { customerRoutes } from './routes/customers.js';
import { addressRoutes } from './routes/addresses.js';
import { invoiceRoutes } from './routes/invoices.js';
import { projectFeeRoutes } from './routes/projectFees.js';
import { projectRoutes } from './routes/projects.js';
import { settingsRoutes } from './routes/settings.js';
import type { Route, RouteResult } from './routes/types.js';
import { type Clock, processClock } from '../../clock.js';
import { MonotonicClock } from '../clock.js';
import { SeveraStore } from './store.js';
import { TokenRegistry } from './tokens.js';

export interface SeveraSandboxOptions {
  /**
   * Off only to test a client against answers that break the spec: normally every answer is checked, and one
   * that breaks it is a 500 naming what.
   */
  checkAnswers?: boolean;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** JSON file that keeps the organisation across restarts. */
  dataFile?: string;
  clientId?: string;
  clientSecret?: string;
  /** Scopes the client credentials were granted (default: everything sevadm needs). */
  grantedScopes?: readonly string[];
  tokenTtlSeconds?: number;
  /** Calls per second before 429; 0 turns the quota off. */
  quotaPerSecond?: number;
  faults?: Partial<Faults>;
  /** Told of each request the `hold` fault holds, as "METHOD /path". */
  onHold?: (request: string) => void;
  /** Where timestamps and token lifetimes come from (default: the program's clock). */
  clock?: Clock;
  /** The instant a newly seeded organisation's dates lead up to (default: now). */
  anchor?: number;
  /** N times the demo's organisation, when it is made (default 1). */
  scale?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | undefined>;
  body: unknown;
  status: number;
}

export interface SeveraSandbox {
  url: string;
  clientId: string;
  clientSecret: string;
  store: SeveraStore;
  faults: FaultInjector;
  tokens: TokenRegistry;
  quota: QuotaWindow | undefined;
  /** Every request answered, newest last (bounded). */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ROUTES: Route[] = [...settingsRoutes, ...customerRoutes, ...addressRoutes, ...projectRoutes, ...invoiceRoutes, ...projectFeeRoutes];

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}
const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const regex = new RegExp('^' + route.pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => (names.push(name), '([^/]+)')) + '/?$', 'i');
  return { route, regex, names };
});

function match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
  let pathMatched = false;
  for (const { route, regex, names } of COMPILED) {
    const m = regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
    return { route, params };
  }
  return pathMatched ? 'method' : undefined;
}

/** Starts a Severa stand-in on loopback with Severa's routes, shapes, auth, paging and quota. */
export async function startSeveraSandbox(options: SeveraSandboxOptions = {}): Promise<SeveraSandbox> {
  const clientId = options.clientId ?? SANDBOX_DEFAULTS.clientId;
  const clientSecret = options.clientSecret ?? SANDBOX_DEFAULTS.clientSecret;
  const granted = new Set(options.grantedScopes ?? SEVADM_SCOPES);
  const ttl = options.tokenTtlSeconds ?? SANDBOX_DEFAULTS.tokenTtlSeconds;
  const time = options.clock ?? processClock();
  await loadSpec();
  const store = SeveraStore.open({
    seed: options.seed ?? SANDBOX_DEFAULTS.seed,
    file: options.dataFile,
    anchor: options.anchor ?? time.now(),
    scale: options.scale,
  });
  const clock = new MonotonicClock(undefined, time);
  const tokens = new TokenRegistry(time);
  const faults = new FaultInjector(options.faults, options.seed ?? SANDBOX_DEFAULTS.seed);
  const quotaPerSecond = options.quotaPerSecond ?? 10;
  const quota = quotaPerSecond > 0 ? new QuotaWindow(quotaPerSecond, 1000) : undefined;
  const requests: RecordedRequest[] = [];
  const pending = new Set<Promise<void>>();

  const record = (req: IncomingMessage, url: URL, body: unknown, status: number) => {
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.search,
      headers: {
        authorization: req.headers.authorization,
        client_id: header(req, 'client_id'),
        'content-type': req.headers['content-type'],
      },
      body,
      status,
    });
    if (requests.length > 5000) requests.splice(0, requests.length - 5000);
  };

  const handleToken = (body: unknown): RouteResult => {
    const creds = (body ?? {}) as Record<string, unknown>;
    // Live clients send client_Id / client_Secret as well: the binding is case-insensitive.
    const pick = (name: string) => Object.entries(creds).find(([k]) => k.toLowerCase() === name)?.[1];
    const id = pick('client_id');
    const secret = pick('client_secret');
    const scopeText = pick('scope');
    if (typeof id !== 'string' || id === '' || typeof secret !== 'string' || secret === '') {
      throw new SandboxError(400, 'InvalidParameter', 'client_id and client_secret are required.', {
        type: 'RequestBody',
        name: 'client_id',
      });
    }
    if (id !== clientId || secret !== clientSecret) {
      throw new SandboxError(401, 'AuthenticationRequired', 'Unknown client or wrong secret.');
    }
    const scopes = typeof scopeText === 'string' ? scopeText.split(/[\s,]+/).filter(Boolean) : [...granted];
    const missing = scopes.filter((s) => !granted.has(s));
    if (missing.length) {
      throw new SandboxError(401, 'AuthenticationRequired', `Scope not granted to this client: ${missing.join(' ')}`);
    }
    const issued = tokens.issue(id, scopes, ttl);
    return {
      status: 200,
      body: {
        access_token: issued.token,
        access_token_type: 'Bearer',
        access_token_expires_in: ttl,
        access_token_expires_utc: new Date(issued.expiresAt).toISOString(),
        refresh_token: issued.refresh,
        refresh_token_expires_in: ttl * 24,
        refresh_token_expires_utc: new Date(issued.expiresAt + ttl * 23 * 1000).toISOString(),
        scope: scopes.join(' '),
      },
    };
  };

  const authorize = (req: IncomingMessage, scope: string) => {
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    if (!token)
      throw new SandboxError(401, 'AuthenticationRequired', 'Authorization header with a Bearer token is required.', {
        type: 'RequestHeader',
        name: 'Authorization',
      });
    const issued = tokens.check(token);
    if (!issued)
      throw new SandboxError(401, 'AuthenticationRequired', 'The access token is invalid or has expired.', {
        type: 'RequestHeader',
        name: 'Authorization',
      });
    const client = header(req, 'client_id');
    if (client !== issued.clientId) {
      throw new SandboxError(401, 'AuthenticationRequired', 'Client_Id header is missing or does not match the token.', {
        type: 'RequestHeader',
        name: 'Client_Id',
      });
    }
    if (scope && !issued.scopes.has(scope)) {
      throw new SandboxError(403, 'InsufficientApiScope', `This operation needs the scope ${scope}.`);
    }
  };

  // Every request and every answer against Visma's own spec, never against sevadm's schemas.
  const conforms = (req: IncomingMessage, path: string, url: URL, body: unknown) => {
    const verdict = checkRequest({ method: req.method ?? '', path, query: url.searchParams, headers: req.headers, body });
    if (!verdict.ok) throw invalidParameter(verdict.location, verdict.name, `Not allowed by the Severa API spec: ${verdict.problem}`);
    return verdict.operation;
  };
  const checked = (req: IncomingMessage, path: string, result: RouteResult, operation?: string): RouteResult => {
    if (result.text !== undefined || result.body === undefined || options.checkAnswers === false) return result;
    const { body, problem } = checkAnswer(req.method ?? '', path, result.status, result.body, operation);
    if (problem) throw new SandboxError(500, 'InternalSystemError', `The sandbox's answer breaks the Severa API spec: ${problem}`);
    return { ...result, body };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname.replace(/^\/rest-api/, '');
    let body: unknown;
    const reply = (result: RouteResult) => {
      record(req, url, body, result.status);
      if (result.text !== undefined) {
        res.writeHead(result.status, { 'Content-Type': 'text/plain; charset=utf-8', ...result.headers });
        res.end(result.text);
      } else if (result.body === undefined) sendEmpty(res, result.status);
      else sendJson(res, result.status, result.body, result.headers);
    };
    try {
      const delay = faults.latency();
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      if ((quota && !quota.admit()) || faults.takeForced429()) {
        record(req, url, undefined, 429);
        res.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(QUOTA_MESSAGE);
        return;
      }
      if (faults.drop()) {
        record(req, url, undefined, 0);
        req.socket.destroy();
        return;
      }
      const injected = faults.error();
      if (injected) throw new SandboxError(injected, 'InternalSystemError', 'Injected failure.');
      if (faults.refuses(req.method ?? '', path)) throw new SandboxError(400, 'InvalidRequest', 'Injected refusal of this request.');
      if (faults.holds(req.method ?? '', path)) {
        record(req, url, undefined, 0);
        options.onHold?.(`${req.method} ${path}`);
        await new Promise((resolve) => req.socket.once('close', resolve));
        return;
      }

      if (req.method === 'POST' && /^\/v1\/token\/?$/i.test(path)) {
        body = await readJsonBody(req);
        reply(checked(req, path, handleToken(body), conforms(req, path, url, body)));
        return;
      }
      const found = match(req.method ?? '', path);
      if (!found) throw new NotFound();
      if (found === 'method') throw new SandboxError(405, 'InvalidRequest', `${req.method} is not supported on ${path}.`);
      if (found.route.scope !== null) authorize(req, found.route.scope);
      body = req.method === 'GET' ? undefined : await readJsonBody(req);
      const operation = conforms(req, path, url, body);
      const result = found.route.handle({
        data: store.data,
        clock,
        query: new QueryReader(url.searchParams),
        params: found.params,
        body,
        path,
      });
      if (found.route.writes) store.changed();
      if (found.route.writes && faults.dropAfterApply()) {
        record(req, url, body, 0);
        req.socket.destroy();
        return;
      }
      reply(checked(req, path, result, operation));
    } catch (error) {
      if (error instanceof NotFound) return reply({ status: 404 });
      if (error instanceof SandboxError) {
        record(req, url, body, error.status);
        return sendException(res, error, url.pathname);
      }
      record(req, url, body, 500);
      sendException(res, new SandboxError(500, 'InternalSystemError', (error as Error).message), url.pathname);
    }
  };

  const server: Server = createServer((req, res) => {
    const work = handle(req, res).finally(() => pending.delete(work));
    pending.add(work);
  });
  const origin = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');

  return {
    url: `${origin}/rest-api`,
    clientId,
    clientSecret,
    store,
    faults,
    tokens,
    quota,
    requests,
    async close() {
      await Promise.allSettled([...pending]);
      await closeServer(server);
      store.flushPending();
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export { SANDBOX_DEFAULTS };
