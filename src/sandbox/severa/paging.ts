import { createHash } from 'node:crypto';
import type { QueryReader } from './query.js';
import { invalidParameter } from './respond.js';

const DEFAULT_ROWS = 20;
const MAX_ROWS = 100;

function rowCountOf(query: QueryReader): number {
  const rowCount = query.int('rowCount') ?? DEFAULT_ROWS;
  if (rowCount < 1) throw invalidParameter('UriParameter', 'rowCount', 'rowCount must be at least 1.');
  return Math.min(rowCount, MAX_ROWS);
}

function filterHash(path: string, query: QueryReader): string {
  return createHash('sha256')
    .update(path + query.filterKey())
    .digest('base64url')
    .slice(0, 16);
}

/** Token paging: an opaque token, bound to the path and filters, in the NextPageToken header. */
export function tokenPage<T>(path: string, query: QueryReader, rows: T[]): { page: T[]; headers: Record<string, string> } {
  const rowCount = rowCountOf(query);
  const hash = filterHash(path, query);
  let offset = 0;
  const token = query.string('pageToken');
  if (token) {
    let decoded: { o?: unknown; f?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      throw invalidParameter('UriParameter', 'pageToken', 'The page token is not valid.');
    }
    if (decoded.f !== hash || typeof decoded.o !== 'number') {
      throw invalidParameter('UriParameter', 'pageToken', 'The page token does not belong to this query.');
    }
    offset = decoded.o;
  }
  const page = rows.slice(offset, offset + rowCount);
  const next = offset + rowCount;
  const headers: Record<string, string> = {};
  if (next < rows.length) headers.NextPageToken = Buffer.from(JSON.stringify({ o: next, f: hash })).toString('base64url');
  return { page, headers };
}

/** Offset paging: firstRow / rowCount. */
export function offsetPage<T>(query: QueryReader, rows: T[]): T[] {
  const firstRow = query.int('firstRow') ?? 0;
  if (firstRow < 0) throw invalidParameter('UriParameter', 'firstRow', 'firstRow must not be negative.');
  return rows.slice(firstRow, firstRow + rowCountOf(query));
}
