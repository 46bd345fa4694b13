import { readFileSync } from 'node:fs';
import addFormats from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';
import { packageFile } from '../../packageRoot.js';

/** Visma's published spec, vendored (spec/SOURCE.md says where it came from). */
export const SPEC_FILE = packageFile('spec', 'severa-openapi.json');

/** A request or answer as the spec sees it. */
export interface SpecRequest {
  method: string;
  /** Without the /rest-api base: /v1/customers. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** What the spec says about one request: fine, or the first thing it does not allow. */
export type SpecVerdict =
  | { ok: true; operation: string | undefined }
  | { ok: false; problem: string; location: 'RequestBody' | 'UriParameter' | 'PathParameter' | 'RequestHeader'; name: string };

let loading: Promise<OpenAPIBackend> | undefined;
let backend: OpenAPIBackend | undefined;

/** Parsed and set up once per process (the sandbox waits for it as it starts). */
export function loadSpec(): Promise<void> {
  loading ??= build();
  return loading.then(() => undefined);
}

/**
 * Visma's spec marks many references `nullable` beside their `$ref`; OpenAPI 3.0 ignores a `$ref`'s siblings,
 * which would forbid the null the authors allow. Read as they meant it: the reference, or null.
 */
function nullableReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableReferences);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = nullableReferences(v);
  if (typeof out.$ref === 'string' && out.nullable === true) {
    const { $ref, nullable: _nullable, ...rest } = out;
    return { ...rest, anyOf: [{ $ref }, { enum: [null] }] };
  }
  return out;
}

async function build(): Promise<OpenAPIBackend> {
  const definition = nullableReferences(JSON.parse(readFileSync(SPEC_FILE, 'utf8'))) as never;
  const spec = new OpenAPIBackend({
    definition,
    quick: true,
    validate: true,
    // Formats (date-time, uuid…) are checked as the spec names them.
    customizeAjv: (ajv) => {
      (addFormats as unknown as { default: (a: unknown) => void }).default(ajv);
      return ajv;
    },
    ajvOpts: { strict: false },
  });
  await spec.init();
  backend = spec;
  return spec;
}

function api(): OpenAPIBackend {
  if (!backend) throw new Error('the Severa spec is not loaded yet (loadSpec)');
  return backend;
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

function describe(errors: { instancePath?: string; message?: string; params?: unknown }[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return 'not allowed by the spec';
  const where = (first.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '(request)';
  const allowed = (first.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
  return `${where} ${first.message ?? 'is not allowed'}${allowed ? ` (${allowed.join(', ')})` : ''}`;
}

/** Checks a request against the operation the spec defines for its method and path. */
export function checkRequest(req: SpecRequest): SpecVerdict {
  const spec = api();
  const request = {
    method: req.method.toLowerCase(),
    path: req.path,
    query: queryObject(req.query),
    headers: Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string | string[]] => e[1] !== undefined)),
    body: req.body,
  };
  // Some paths are one template to several operations (a country by code2, code3, name or guid): the first whose
  // parameters take the request is the one meant.
  const operations = operationsFor(req.method, req.path);
  if (!operations.length)
    return { ok: false, problem: `${req.method} ${req.path} is not an operation of the spec`, location: 'RequestBody', name: 'body' };
  let first: ReturnType<typeof spec.validateRequest> | undefined;
  for (const operation of operations) {
    const result = spec.validateRequest(request, operation);
    if (result.valid) return { ok: true, operation: operation.operationId };
    first ??= result;
  }
  // Where the spec says it is wrong: the body, a query parameter, a path parameter or a header.
  const [part, ...rest] = (first!.errors?.[0]?.instancePath ?? '').split('/').filter(Boolean);
  const location =
    part === 'query' ? 'UriParameter' : part === 'params' ? 'PathParameter' : part === 'headers' ? 'RequestHeader' : 'RequestBody';
  return { ok: false, problem: describe(first!.errors), location, name: rest.join('.') || 'body' };
}

/** The spec's operations for a method and path, in the spec's order. */
function operationsFor(method: string, path: string) {
  const m = method.toLowerCase();
  return operationPatterns()
    .filter(({ operation, pattern }) => operation.method === m && pattern.test(path))
    .map(({ operation }) => operation);
}

type Operation = ReturnType<ReturnType<typeof api>['router']['getOperations']>[number];
let patterns: { operation: Operation; pattern: RegExp }[] | undefined;
/** Each operation with its path template as a pattern, made once: every request and answer is matched against them. */
function operationPatterns(): { operation: Operation; pattern: RegExp }[] {
  patterns ??= api()
    .router.getOperations()
    .map((operation) => ({ operation, pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i') }));
  return patterns;
}

/** Checks an answer against what the operation documents for its status; undefined when it conforms. */
/**
 * An answer as the spec documents it (see asDocumented), and what about it still breaks the spec, if anything:
 * the operation is looked up once for both.
 */
export function checkAnswer(
  method: string,
  path: string,
  status: number,
  body: unknown,
  operationId?: string,
): { body: unknown; problem?: string } {
  const spec = api();
  // The operation the request matched first; where the spec gives one template several operations (a country by
  // name or by guid), the answer may be any of theirs.
  const candidates = operationsFor(method, path).sort(
    (a, b) => Number(b.operationId === operationId) - Number(a.operationId === operationId),
  );
  if (!candidates.length || body === undefined) return { body };
  let first: { body: unknown; problem?: string } | undefined;
  for (const operation of candidates) {
    const documented = asDocumented(operation, status, body);
    const result = spec.validateResponse(documented, operation, status);
    if (result.valid) return { body: documented };
    first ??= { body: documented, problem: describe(result.errors as never) };
  }
  return first!;
}

type Schema = {
  $ref?: string;
  nullable?: boolean;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  anyOf?: Schema[];
};

/**
 * The answer as the spec documents it: a property the spec does not mark nullable is left out rather than sent
 * as null (the sandbox keeps "no industry" as null; Severa's documented answer simply has no industry).
 */
function asDocumented(operation: { responses?: Record<string, unknown> }, status: number, body: unknown): unknown {
  const spec = api();
  const schema = (operation.responses?.[String(status)] as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
    'application/json'
  ]?.schema;
  if (!schema || body === undefined) return body;
  const components = (spec.definition.components?.schemas ?? {}) as Record<string, Schema>;
  const resolve = (s: Schema | undefined, depth = 0): Schema | undefined => {
    if (!s || depth > 10) return s;
    if (s.$ref) return resolve(components[s.$ref.split('/').pop()!], depth + 1);
    if (s.allOf?.length === 1) return resolve(s.allOf[0], depth + 1);
    const ref = s.anyOf?.find((a) => a.$ref);
    if (ref) return resolve(ref, depth + 1);
    return s;
  };
  const clean = (value: unknown, s: Schema | undefined, depth: number): unknown => {
    const shape = resolve(s);
    if (!shape || depth > 12 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => clean(v, shape.items, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const property = shape.properties?.[key];
      const nullAllowed =
        property?.nullable || property?.anyOf?.some((a) => (a as { enum?: unknown[] }).enum?.includes(null)) || resolve(property)?.nullable;
      if (v === null && property && !nullAllowed) continue;
      out[key] = clean(v, property, depth + 1);
    }
    return out;
  };
  return clean(body, schema, 0);
}
