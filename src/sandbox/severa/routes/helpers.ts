import { invalidParameter, NotFound, SandboxError } from '../respond.js';

export function findOr404<T extends { guid: string }>(rows: T[], guid: string | undefined): T {
  const found = rows.find((row) => row.guid === guid);
  if (!found) throw new NotFound();
  return found;
}

/** changedSince is "added or changed after this date time (greater or equal)". */
export function changedSince<T extends { lastUpdatedDateTime?: string | null; createdDateTime?: string }>(
  rows: T[],
  since: number | undefined,
): T[] {
  if (since === undefined) return rows;
  return rows.filter((row) => Date.parse(row.lastUpdatedDateTime ?? row.createdDateTime ?? '') >= since);
}

/**
 * The request body, already checked against Visma's spec before the route runs (never against sevadm's own
 * schemas, which would agree with the client by construction).
 */
export function bodyOf<T>(body: unknown): T {
  if (body === undefined || body === null)
    throw new SandboxError(400, 'InvalidRequest', 'Request body is required', { type: 'RequestBody', name: 'body' });
  return body as T;
}

export type PatchKind = 'string' | 'nonEmptyString' | 'int' | 'number' | 'bool' | 'guid';

/**
 * Applies JSON Patch replace operations to a copy of `target`. Only replace on the listed paths
 * is accepted (as Severa documents); anything else is a 400 before anything changes.
 */
export function applyReplaceOps<T extends object>(
  target: T,
  body: unknown,
  allowed: Record<string, PatchKind>,
): { patched: T; paths: string[] } {
  if (!Array.isArray(body) || body.length === 0) {
    throw invalidParameter('RequestBody', 'body', 'The body must be a JSON Patch array of operations.');
  }
  const patched = structuredClone(target) as Record<string, unknown>;
  const paths: string[] = [];
  body.forEach((op: unknown, i) => {
    const { op: name, path, value } = (op ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    if (name !== 'Replace') {
      throw invalidParameter('RequestBody', `[${i}].op`, `Operation '${String(name)}' is not supported. Only Replace is supported.`);
    }
    if (typeof path !== 'string' || !(path in allowed)) {
      throw invalidParameter('RequestBody', `[${i}].path`, `Path '${String(path)}' cannot be updated.`);
    }
    const coerced = coerce(value, allowed[path]!, `[${i}].value`);
    const keys = path.split('/').slice(1);
    let node = patched;
    for (const key of keys.slice(0, -1)) {
      if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys.at(-1)!] = coerced;
    paths.push(path);
  });
  return { patched: patched as T, paths };
}

// The spec types `value` as a string; numbers and booleans are accepted in either form.
function coerce(value: unknown, kind: PatchKind, field: string): unknown {
  const bad = (what: string) => invalidParameter('RequestBody', field, `The value '${String(value)}' is not ${what}.`);
  switch (kind) {
    case 'string':
      if (value === null) return null;
      if (typeof value !== 'string') throw bad('a string');
      return value;
    case 'nonEmptyString':
    case 'guid':
      if (typeof value !== 'string' || value.trim() === '') throw bad('a non-empty string');
      return value;
    case 'int': {
      if (value === null) return null;
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw bad('an integer');
      return n;
    }
    case 'number': {
      if (value === null) return null;
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || Number.isNaN(n)) throw bad('a number');
      return n;
    }
    case 'bool':
      if (value === true || value === 'true' || value === 'True') return true;
      if (value === false || value === 'false' || value === 'False') return false;
      throw bad('true or false');
  }
}
