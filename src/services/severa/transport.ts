import type { z } from 'zod';
import { type Clock, processClock } from '../../clock.js';
import { SeveraAnswerError, SeveraApiError, SeveraError, SeveraNetworkError, SeveraSchemaError } from './errors.js';
import { RateLimiter, sleep } from './rateLimiter.js';
import { type ExceptionDetailModel, ExceptionModel } from './schemas/errors.js';
import { safeUrl } from '../../text.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | Date | null | undefined | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;
/** What a request's schema makes of the body: nothing without one. */
type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** What the client tells its surroundings (a log panel, a benchmark) about retries and renewals. */
export type SeveraEvent =
  | { type: 'retry'; endpoint: string; attempt: number; delayMs: number; reason: string }
  | { type: 'token'; reason: 'first' | 'expiring' | 'rejected' }
  /** One record of a list broke the schema: left out of the list, the rest of which is read on. */
  | { type: 'bad-record'; endpoint: string; record: string; field: string; problem: string };

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
  /** How long quota refusals may hold one call (default QUOTA_STORM_MS). */
  quotaStormMs?: number;
}

export interface TransportRequest<S extends z.ZodType | undefined> {
  method: HttpMethod;
  path: string;
  query?: Query;
  body?: unknown;
  schema?: S;
  /** The token endpoint and heartbeats go without a bearer token. */
  authenticated?: boolean;
  /** A POST that changes nothing (getting a token): retried like a read, never "may have been saved". */
  safe?: boolean;
}

/** The largest answer taken, per page: Severa's pages are 100 rows, far below it; a bigger one is refused. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** How long quota refusals (429) may hold one call before the run ends saying so. */
export const QUOTA_STORM_MS = 60_000;
/** A 429 without Retry-After waits on the quota's own scale (it is per second): at most this long. */
const QUOTA_PAUSE_CAP_MS = 1_000;

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
      maxQuotaAttempts: options.maxQuotaAttempts ?? 1000,
      backoffBaseMs: options.backoffBaseMs ?? 250,
      backoffCapMs: options.backoffCapMs ?? 30_000,
      quotaStormMs: options.quotaStormMs ?? QUOTA_STORM_MS,
      onEvent: options.onEvent,
    };
  }

  async request<S extends z.ZodType | undefined = undefined>(req: TransportRequest<S>): Promise<TransportResponse<Parsed<S>>> {
    const endpoint = `${req.method} ${req.path}`;
    const url = this.url(req.path, req.query);
    const authenticated = req.authenticated ?? true;
    // PATCH with replace operations sets the same values however often it runs, so it is as safe to repeat as GET.
    const idempotent = req.method !== 'POST' || req.safe === true;
    let reauthenticated = false;
    let quotaRefusals = 0;
    let quotaWaited = 0;

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
          // Never followed: a redirect could take the client secret or the token to another origin.
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        // The body is read within the attempt's time: one that stalls after its headers is a timeout too.
        if (response.ok) {
          const text = await readLimited(response, endpoint);
          return { data: this.parse<S>(endpoint, text, req.schema as S), status: response.status, headers: response.headers };
        }
      } catch (error) {
        if (error instanceof SeveraError) throw error;
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

      if (response.status >= 300 && response.status < 400) {
        const to = response.headers.get('location') ?? '(no Location)';
        throw new SeveraAnswerError(
          endpoint,
          `Severa answered ${response.status}, a redirect to ${safeUrl(to)}; sevadm follows no redirect (check the base URL)`,
        );
      }
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
        const delay = Math.min(
          retryAfterMs(response.headers, this.clock.now()) ?? this.quotaDelay(quotaRefusals),
          this.options.quotaStormMs,
        );
        // A storm ends the run after a bounded time, however many refusals that took.
        if (quotaRefusals < this.options.maxQuotaAttempts && quotaWaited + delay <= this.options.quotaStormMs) {
          quotaWaited += delay;
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
      throw new SeveraApiError(
        endpoint,
        response.status,
        body.type,
        body.details,
        response.status === 429 ? quotaRefusals : attempt,
        uncertain,
      );
    }
  }

  /** Tells the surroundings something the caller found (a record left out of a list). */
  report(event: SeveraEvent): void {
    this.options.onEvent?.(event);
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

  /** Over quota: the window is a second, so a short pause with jitter, growing a little, never long. */
  private quotaDelay(refusals: number): number {
    const base = Math.min(QUOTA_PAUSE_CAP_MS, 100 * 2 ** Math.min(refusals - 1, 5));
    return Math.round(base / 2 + Math.random() * (base / 2));
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

  private parse<S extends z.ZodType | undefined>(endpoint: string, text: string, schema: S): Parsed<S> {
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

/** The body as text, refused past MAX_ANSWER_BYTES (read as it streams, so a huge answer is never held whole). */
async function readLimited(response: Response, endpoint: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_ANSWER_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(endpoint);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(endpoint);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (endpoint: string) =>
  new SeveraAnswerError(
    endpoint,
    `Severa's answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, the most sevadm takes for one page`,
  );

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
