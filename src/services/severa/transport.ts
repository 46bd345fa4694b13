import type { z } from 'zod';
import { type Clock, processClock } from '../../clock.js';
import { SeveraApiError, SeveraError, SeveraNetworkError, SeveraSchemaError } from './errors.js';
import { RateLimiter, sleep } from './rateLimiter.js';
import { type ExceptionDetailModel, ExceptionModel } from './schemas/errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | Date | null | undefined | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;
/** What a request's schema makes of the body: nothing without one. */
type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** What the client tells its surroundings (a log panel, a benchmark) about retries and renewals. */
export type SeveraEvent =
  | { type: 'retry'; endpoint: string; attempt: number; delayMs: number; reason: string }
  | { type: 'token'; reason: 'first' | 'expiring' | 'rejected' };

export interface TokenSource {
  token(): Promise<string>;
  /** The server rejected this token; the next token() must fetch a new one. */
  rejected(token: string): void;
}

export interface TransportOptions {
  baseUrl: string;
  clientId: string;
  limiter?: RateLimiter;
  /** Per attempt. */
  timeoutMs?: number;
  /** Tries per request for retryable failures, first included. */
  maxAttempts?: number;
  /** Tries per request while Severa answers 429; a quota storm passes, so this allows more. */
  maxQuotaAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  onEvent?: (event: SeveraEvent) => void;
  fetch?: typeof fetch;
  /** A Retry-After date is read against it. */
  clock?: Clock;
}

export interface TransportRequest<S extends z.ZodType | undefined> {
  method: HttpMethod;
  path: string;
  query?: Query;
  body?: unknown;
  schema?: S;
  /** The token endpoint and heartbeats go without a bearer token. */
  authenticated?: boolean;
}

export interface TransportResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

export interface TransportStats {
  requests: number;
  tooManyRequests: number;
  retries: number;
}

// Connection failures where the request provably never left this machine.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export class SeveraTransport {
  readonly baseUrl: string;
  readonly limiter: RateLimiter;
  readonly stats: TransportStats = { requests: 0, tooManyRequests: 0, retries: 0 };
  tokenSource: TokenSource | undefined;
  private readonly options: Required<Omit<TransportOptions, 'limiter' | 'onEvent' | 'fetch' | 'clock'>> & Pick<TransportOptions, 'onEvent'>;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: Clock;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.limiter = options.limiter ?? new RateLimiter();
    this.fetchImpl = options.fetch ?? fetch;
    this.clock = options.clock ?? processClock();
    this.options = {
      baseUrl: this.baseUrl,
      clientId: options.clientId,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 6,
      maxQuotaAttempts: options.maxQuotaAttempts ?? 15,
      backoffBaseMs: options.backoffBaseMs ?? 250,
      backoffCapMs: options.backoffCapMs ?? 30_000,
      onEvent: options.onEvent,
    };
  }

  async request<S extends z.ZodType | undefined = undefined>(req: TransportRequest<S>): Promise<TransportResponse<Parsed<S>>> {
    const endpoint = `${req.method} ${req.path}`;
    const url = this.url(req.path, req.query);
    const authenticated = req.authenticated ?? true;
    // PATCH with replace operations sets the same values however often it runs, so it is as safe to repeat as GET.
    const idempotent = req.method !== 'POST';
    let reauthenticated = false;
    let quotaRefusals = 0;

    for (let attempt = 1; ; attempt++) {
      const token = authenticated ? await this.requireTokenSource().token() : undefined;
      await this.limiter.acquire();
      this.stats.requests++;

      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method: req.method,
          headers: this.headers(token, req.body !== undefined),
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        const failure = classifyFetchFailure(error);
        // A POST that may have reached Severa is never sent again: it could create the record twice.
        // Only a connection that was never made proves the POST was not applied.
        const retryable = idempotent || !failure.maybeSent;
        if (retryable && attempt < this.options.maxAttempts) {
          await this.backoff(endpoint, attempt, failure.detail);
          continue;
        }
        throw new SeveraNetworkError(endpoint, failure.kind, !idempotent && failure.maybeSent, failure.detail, error);
      }

      if (response.ok)
        return { data: await this.parse<S>(endpoint, response, req.schema as S), status: response.status, headers: response.headers };

      const body = await readError(response);
      if (response.status === 401 && token && !reauthenticated) {
        // The token may have been revoked or expired early: one fresh token, then give up.
        reauthenticated = true;
        this.requireTokenSource().rejected(token);
        attempt--;
        continue;
      }
      if (response.status === 429) {
        // Severa refuses over-quota calls before doing anything, so even a POST is safe to resend.
        this.stats.tooManyRequests++;
        quotaRefusals++;
        if (quotaRefusals < this.options.maxQuotaAttempts) {
          const delay = retryAfterMs(response.headers, this.clock.now()) ?? this.backoffDelay(quotaRefusals);
          this.limiter.refused();
          this.limiter.pause(delay);
          await this.backoff(endpoint, attempt, '429 quota exceeded', delay);
          // Quota refusals do not use up the tries meant for failures.
          attempt--;
          continue;
        }
      } else if (response.status >= 500 && idempotent && attempt < this.options.maxAttempts) {
        await this.backoff(endpoint, attempt, `${response.status}`, retryAfterMs(response.headers, this.clock.now()));
        continue;
      }
      // A server error on a POST may come after the record was saved.
      const uncertain = !idempotent && response.status >= 500;
      throw new SeveraApiError(endpoint, response.status, body.type, body.details, attempt + quotaRefusals, uncertain);
    }
  }

  private requireTokenSource(): TokenSource {
    if (!this.tokenSource) throw new Error('SeveraTransport has no token source');
    return this.tokenSource;
  }

  private url(path: string, query: Query | undefined): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
      else if (value instanceof Date) params.append(key, value.toISOString());
      else params.append(key, String(value));
    }
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  private headers(token: string | undefined, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', Client_Id: this.options.clientId };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (hasBody) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private backoffDelay(attempt: number): number {
    const exp = Math.min(this.options.backoffCapMs, this.options.backoffBaseMs * 2 ** (attempt - 1));
    // Jitter spreads the retries of parallel calls apart.
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  private async backoff(endpoint: string, attempt: number, reason: string, delayMs?: number): Promise<void> {
    const delay = Math.min(delayMs ?? this.backoffDelay(attempt), this.options.backoffCapMs);
    this.stats.retries++;
    this.options.onEvent?.({ type: 'retry', endpoint, attempt, delayMs: delay, reason });
    await sleep(delay);
  }

  private async parse<S extends z.ZodType | undefined>(endpoint: string, response: Response, schema: S): Promise<Parsed<S>> {
    const text = await response.text();
    if (!schema) return undefined as Parsed<S>;
    if (text.trim() === '') throw new SeveraSchemaError(endpoint, '(body)', 'empty body where data was expected');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SeveraSchemaError(endpoint, '(body)', 'not JSON');
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data as Parsed<S>;
    const issue = parsed.error.issues[0]!;
    throw new SeveraSchemaError(endpoint, formatPath(issue.path), issue.message);
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(body)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

async function readError(response: Response): Promise<{ type: string | undefined; details: ExceptionDetailModel[] }> {
  // 404s and quota refusals come without a JSON body.
  const text = await response.text().catch(() => '');
  try {
    const parsed = ExceptionModel.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.error) return { type: parsed.data.error.type, details: parsed.data.error.details ?? [] };
  } catch {
    /* not JSON */
  }
  return { type: undefined, details: text && text.length < 300 ? [{ message: text.replace(/^"|"$/g, '') }] : [] };
}

function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function classifyFetchFailure(error: unknown): { kind: 'timeout' | 'network'; maybeSent: boolean; detail: string } {
  if (error instanceof SeveraError) throw error;
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return { kind: 'timeout', maybeSent: true, detail: 'timeout' };
  const code = e?.cause?.code;
  if (code && NOT_SENT_CODES.has(code)) return { kind: 'network', maybeSent: false, detail: code };
  // fetch refuses some ports (the "bad ports" list) before connecting at all.
  if (e?.cause?.message === 'bad port') return { kind: 'network', maybeSent: false, detail: 'port refused by fetch' };
  return { kind: 'network', maybeSent: true, detail: code ?? e?.cause?.message ?? e?.message ?? 'connection failed' };
}
