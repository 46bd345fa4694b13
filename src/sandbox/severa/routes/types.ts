import type { SeveraData } from '../data.js';
import type { QueryReader } from '../query.js';
import type { MonotonicClock } from '../../clock.js';

export interface RouteContext {
  data: SeveraData;
  clock: MonotonicClock;
  query: QueryReader;
  params: Record<string, string>;
  body: unknown;
  /** The request path, for list paging and error details. */
  path: string;
}

export interface RouteResult {
  status: number;
  /** Undefined sends no body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Text bodies (heartbeat) go out as text/plain. */
  text?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** e.g. /v1/customers/:guid */
  pattern: string;
  /** Scope the token must carry; null: no token needed; '': any valid token. */
  scope: string | null;
  /** Writes are persisted after they succeed. */
  writes?: boolean;
  handle(ctx: RouteContext): RouteResult;
}
