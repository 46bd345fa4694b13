import { z } from 'zod';
import { SeveraAnswerError } from './errors.js';
import type { Query, SeveraTransport } from './transport.js';

/** Severa's maximum rows per page. */
export const PAGE_SIZE = 100;
/** More pages than this (a million rows at 100 a page) is a list that never ends: refused. */
export const MAX_PAGES = 10_000;

const endless = (path: string, why: string) =>
  new SeveraAnswerError(`GET ${path}`, `Severa's list never ends (${why}); sevadm stopped reading it`);

/**
 * Token paging: same filters on every page, plus the NextPageToken the previous page sent in its
 * header, until a page comes without one. Yields page by page so a screen can draw the first page early.
 */
export async function* tokenPages<S extends z.ZodType>(
  transport: SeveraTransport,
  path: string,
  query: Query,
  itemSchema: S,
  pageSize = PAGE_SIZE,
  maxPages = MAX_PAGES,
): AsyncGenerator<z.infer<S>[]> {
  const schema = z.array(itemSchema);
  let pageToken: string | undefined;
  const seen = new Set<string>();
  do {
    if (seen.size >= maxPages) throw endless(path, `more than ${maxPages} pages`);
    const { data, headers } = await transport.request({
      method: 'GET',
      path,
      query: { ...query, rowCount: pageSize, pageToken },
      schema,
    });
    yield data as z.infer<S>[];
    pageToken = headers.get('NextPageToken')?.trim() || undefined;
    if (pageToken && seen.has(pageToken)) throw endless(path, 'the same NextPageToken came twice');
    if (pageToken) seen.add(pageToken);
  } while (pageToken);
}

/** Offset paging (firstRow/rowCount): a short page is the last one. */
export async function* offsetPages<S extends z.ZodType>(
  transport: SeveraTransport,
  path: string,
  query: Query,
  itemSchema: S,
  pageSize = PAGE_SIZE,
  maxPages = MAX_PAGES,
): AsyncGenerator<z.infer<S>[]> {
  const schema = z.array(itemSchema);
  for (let firstRow = 0; ; firstRow += pageSize) {
    if (firstRow / pageSize >= maxPages) throw endless(path, `more than ${maxPages} full pages`);
    const { data } = await transport.request({ method: 'GET', path, query: { ...query, firstRow, rowCount: pageSize }, schema });
    const rows = data as z.infer<S>[];
    yield rows;
    if (rows.length < pageSize) return;
  }
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
