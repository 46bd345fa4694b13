import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExceptionTypeEnum } from '../../services/severa/schemas/errors.js';

type LocationType = 'PathParameter' | 'RequestBody' | 'RequestHeader' | 'UriParameter';

/** An error the sandbox answers with Severa's ExceptionModel. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly type: ExceptionTypeEnum,
    message: string,
    readonly location?: { type: LocationType; name: string },
  ) {
    super(message);
  }
}

export const invalidParameter = (where: LocationType, name: string, message: string) =>
  new SandboxError(400, 'InvalidParameter', message, { type: where, name });
export const invalidOperation = (message: string) => new SandboxError(400, 'InvalidOperation', message);

/** Severa's 404 carries no body. */
export class NotFound extends Error {}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendException(res: ServerResponse, error: SandboxError, url: string): void {
  sendJson(res, error.status, {
    error: {
      httpStatusCode: error.status,
      type: error.type,
      details: [{ message: error.message, url, location: error.location ?? null }],
      stack: null,
    },
  });
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': 0 });
  res.end();
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new SandboxError(400, 'InvalidRequest', 'Request body larger than 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxError(400, 'InvalidRequest', 'Request body is not valid JSON', { type: 'RequestBody', name: 'body' });
  }
}
