import { z } from 'zod';
import { SeveraAnswerError } from './errors.js';
import { formatPath, type Query, type SeveraTransport } from './transport.js';

/** Severa's maximum rows per page. */
export const PAGE_SIZE = 100;
/** More pages than this (a million rows at 100 a page) is a list that never ends: refused. */
export const MAX_PAGES = 10_000;

/**
 * A page's rows, each checked on its own: one that breaks the schema is left out and reported (endpoint,
 * record, field), never the whole list.
 */
function rowsOf<S extends z.ZodType>(transport: SeveraTransport, path: string, data: unknown[], itemSchema: S): z.infer<S>[] {
  const rows: z.infer<S>[] = [];
  for (const item of data) {
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) {
      rows.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0]!;
    const record = item as { guid?: unknown; number?: unknown; name?: unknown };
    const id =
      [record.number, record.name, record.guid].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ') || '(no id)';
    transport.report({ type: 'bad-record', endpoint: `GET ${path}`, record: id, field: formatPath(issue.path), problem: issue.message });
  }
  return rows;
}

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
  const schema = z.array(z.unknown());
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
    yield rowsOf(transport, path, data as unknown[], itemSchema);
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
  const schema = z.array(z.unknown());
  for (let firstRow = 0; ; firstRow += pageSize) {
    if (firstRow / pageSize >= maxPages) throw endless(path, `more than ${maxPages} full pages`);
    const { data } = await transport.request({ method: 'GET', path, query: { ...query, firstRow, rowCount: pageSize }, schema });
    const page = data as unknown[];
    yield rowsOf(transport, path, page, itemSchema);
    if (page.length < pageSize) return;
  }
}

/**
 * Every page of a list. `onPage` is told each page as it arrives, with all read so far: a long list (10,000
 * customers take ten seconds at the quota) can show its first rows, or its progress, at once.
 */
export async function collect<T>(pages: AsyncIterable<T[]>, onPage?: (page: T[], soFar: T[]) => void): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) {
    all.push(...page);
    onPage?.(page, all);
  }
  return all;
}

/** The first row of any page that matches, reading on page by page until one does (or the pages end). */
export async function firstMatch<T>(pages: AsyncIterable<T[]>, matches: (row: T) => boolean): Promise<T | null> {
  for await (const page of pages) {
    const found = page.find(matches);
    if (found) return found;
  }
  return null;
}
