import type { ExceptionDetailModel } from './schemas/errors.js';

/** Stable codes, so a UI catalogue can word each in the user's language. */
export type SeveraErrorCode =
  'auth' | 'scope' | 'not-found' | 'invalid' | 'quota' | 'server' | 'schema' | 'timeout' | 'network' | 'uncertain' | 'answer';

export abstract class SeveraError extends Error {
  abstract readonly code: SeveraErrorCode;
  /** e.g. "GET /v1/customers" */
  readonly endpoint: string;
  /** A few words for a status column. */
  abstract readonly short: string;
  /** True when a write may have reached Severa although no answer came back: look before writing again. */
  readonly mayHaveBeenApplied: boolean;

  protected constructor(message: string, endpoint: string, mayHaveBeenApplied = false, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.endpoint = endpoint;
    this.mayHaveBeenApplied = mayHaveBeenApplied;
  }
}

/** Severa answered with an error status; carries the ExceptionModel type and details when it sent them. */
export class SeveraApiError extends SeveraError {
  readonly code: SeveraErrorCode;
  readonly short: string;
  constructor(
    endpoint: string,
    readonly status: number,
    readonly type: string | undefined,
    readonly details: ExceptionDetailModel[],
    attempts = 1,
    mayHaveBeenApplied = false,
  ) {
    const detailText = details
      .map((d) => [d.location?.name, d.message].filter(Boolean).join(': '))
      .filter(Boolean)
      .join('; ');
    const code = codeFor(status, type);
    const short = shortFor(code, status, type, detailText, attempts);
    super(`${endpoint}: ${status}${type ? ` ${type}` : ''}${detailText ? ` – ${detailText}` : ''}`, endpoint, mayHaveBeenApplied);
    this.code = code;
    this.short = short;
    this.detailText = detailText;
    this.attempts = attempts;
  }
  /** Severa's own words about the problem (field: message; …), if it sent any. */
  readonly detailText: string;
  readonly attempts: number;
}

function codeFor(status: number, type: string | undefined): SeveraErrorCode {
  if (status === 401 || type === 'AuthenticationRequired') return 'auth';
  if (type === 'InsufficientApiScope') return 'scope';
  if (status === 404) return 'not-found';
  if (status === 429) return 'quota';
  if (status >= 500) return 'server';
  return 'invalid';
}

function shortFor(code: SeveraErrorCode, status: number, type: string | undefined, detail: string, attempts: number): string {
  switch (code) {
    case 'auth':
      return 'Severa refused the credentials';
    case 'scope':
      return detail ? `missing Severa scope: ${detail}` : 'missing Severa scope';
    case 'not-found':
      return 'not found in Severa';
    case 'quota':
      return `Severa quota exceeded (${attempts} tries)`;
    case 'server':
      return `Severa server error ${status}`;
    default:
      return detail || `Severa refused the request (${type ?? status})`;
  }
}

/** Severa's answer does not match the schema we rely on. */
export class SeveraSchemaError extends SeveraError {
  readonly code = 'schema' as const;
  readonly short: string;
  constructor(
    endpoint: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${endpoint}: unexpected answer from Severa at field "${field}": ${problem}`, endpoint);
    this.short = `unexpected Severa data in "${field}"`;
  }
}

/** No usable answer: timed out or the connection failed. */
export class SeveraNetworkError extends SeveraError {
  readonly code: SeveraErrorCode;
  readonly short: string;
  constructor(
    endpoint: string,
    kind: 'timeout' | 'network',
    mayHaveBeenApplied: boolean,
    readonly detail: string,
    cause?: unknown,
  ) {
    const what = kind === 'timeout' ? 'Severa did not answer in time' : `cannot reach Severa (${detail})`;
    super(
      `${endpoint}: ${what}${mayHaveBeenApplied ? '; the write may have been applied, check before retrying' : ''}`,
      endpoint,
      mayHaveBeenApplied,
      { cause },
    );
    this.code = mayHaveBeenApplied ? 'uncertain' : kind;
    this.short = mayHaveBeenApplied ? `${kind === 'timeout' ? 'no answer' : 'connection lost'}; may have been saved` : what;
  }
}

/**
 * An answer sevadm will not take: a redirect (it could carry the client secret elsewhere), a page larger
 * than the limit, or a list whose pages never end.
 */
export class SeveraAnswerError extends SeveraError {
  readonly code = 'answer' as const;
  readonly short: string;
  constructor(endpoint: string, problem: string) {
    super(`${endpoint}: ${problem}`, endpoint);
    this.short = problem;
  }
}
