import { z } from 'zod';
import type { Query, SeveraTransport } from './transport.js';

/** Severa's maximum rows per page. */
export const PAGE_SIZE = 100;

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
): AsyncGenerator<z.infer<S>[]> {
  const schema = z.array(itemSchema);
  let pageToken: string | undefined;
  do {
    const { data, headers } = await transport.request({
      method: 'GET',
      path,
      query: { ...query, rowCount: pageSize, pageToken },
      schema,
    });
    yield data as z.infer<S>[];
    pageToken = headers.get('NextPageToken')?.trim() || undefined;
  } while (pageToken);
}

/** Offset paging (firstRow/rowCount): a short page is the last one. */
export async function* offsetPages<S extends z.ZodType>(
  transport: SeveraTransport,
  path: string,
  query: Query,
  itemSchema: S,
  pageSize = PAGE_SIZE,
): AsyncGenerator<z.infer<S>[]> {
  const schema = z.array(itemSchema);
  for (let firstRow = 0; ; firstRow += pageSize) {
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
