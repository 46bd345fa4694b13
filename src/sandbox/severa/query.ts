import { invalidParameter } from './respond.js';

/** Typed reads of query parameters, failing like Severa with InvalidParameter on bad values. */
export class QueryReader {
  constructor(private readonly params: URLSearchParams) {}

  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** An array parameter: repeated keys (form, explode), as the spec says; a comma is part of a value. */
  strings(name: string): string[] | undefined {
    const all = this.params.getAll(name).filter(Boolean);
    return all.length ? all : undefined;
  }

  int(name: string): number | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw)) throw invalidParameter('UriParameter', name, `The value '${raw}' is not valid for ${name}.`);
    return Number(raw);
  }

  ints(name: string): number[] | undefined {
    const all = this.strings(name);
    return all?.map((raw) => {
      if (!/^-?\d+$/.test(raw)) throw invalidParameter('UriParameter', name, `The value '${raw}' is not valid for ${name}.`);
      return Number(raw);
    });
  }

  bool(name: string): boolean | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === '') return undefined;
    if (raw.toLowerCase() === 'true') return true;
    if (raw.toLowerCase() === 'false') return false;
    throw invalidParameter('UriParameter', name, `The value '${raw}' is not valid for ${name}.`);
  }

  /** date-time parameters (changedSince): an instant in ms. */
  dateTime(name: string): number | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === '') return undefined;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) throw invalidParameter('UriParameter', name, `The value '${raw}' is not a valid date time for ${name}.`);
    return ms;
  }

  date(name: string): string | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === '') return undefined;
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(Date.parse(raw.slice(0, 10)))) {
      throw invalidParameter('UriParameter', name, `The value '${raw}' is not a valid date for ${name}.`);
    }
    return raw.slice(0, 10);
  }

  /** The filter set without paging keys, to bind a page token to it. */
  filterKey(): string {
    const entries = [...this.params.entries()].filter(([k]) => !['pageToken', 'rowCount', 'firstRow'].includes(k));
    entries.sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
    return JSON.stringify(entries);
  }
}
