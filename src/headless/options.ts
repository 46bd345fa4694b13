import { UsageError } from '../errors.js';
import { type Kind as KindDef, KIND_NAMES, type KindName, kindOf as kindDef, type ListId, listOf, listsOf } from '../kinds/index.js';
import { type DefaultDates, isIsoDate } from '../clock.js';
import { statusNamed } from '../services/transfer/statuses.js';

export type Kind = KindName;

export function kindOf(raw: string | undefined, command: string): Kind {
  if (!raw || !(KIND_NAMES as readonly string[]).includes(raw)) {
    throw new UsageError(
      `sevadm ${command} needs what to ${command === 'show' ? 'list' : 'transfer'}: ${KIND_NAMES.join(', ')}${raw ? ` (got "${raw}")` : ''}`,
    );
  }
  return raw as Kind;
}

/** --kind: one of the kinds' names, or refused naming them. */
export function kindOption(raw: string): Kind {
  if (!(KIND_NAMES as readonly string[]).includes(raw))
    throw new UsageError(`--kind must be one of ${KIND_NAMES.join(', ')}, got "${raw}"`);
  return raw as Kind;
}

/** How a kind's list is narrowed (its lists, one per side, are narrowed alike). */
export const filterOf = (kind: Kind) => kindDef(listsOf(kind)[0]!).filter;

/** The options that narrow a kind's list, as a hint when --select names rows that are not there. */
export function filterOptions(kind: Kind): string {
  return { since: '--changed-since', range: '--from/--to', status: '--status' }[filterOf(kind)];
}

/**
 * The list a transfer reads: the kind's list on the side --direction leaves from, or the kind's first when
 * it is left out; a direction the kind does not go is refused naming the one it does.
 */
export function transferList(kind: Kind, direction: string | undefined): ListId {
  if (direction !== undefined && direction !== 'to-administration' && direction !== 'to-severa') {
    throw new UsageError(`--direction must be to-administration or to-severa, got "${direction}"`);
  }
  const lists = listsOf(kind);
  if (direction === undefined) return lists[0]!;
  const found = listOf(kind, direction === 'to-severa' ? 'administration' : 'severa');
  if (!found) throw new UsageError(`${kind} go ${kindDef(lists[0]!).source === 'severa' ? 'to-administration' : 'to-severa'} only`);
  return found;
}

/** The records --select names: all, or the ones whose numbers (or ids) are given; refused naming what is not listed. */
export function selected<R>(kind: KindDef<R>, records: R[], select: string, hint: string): R[] {
  if (select === 'all') return records;
  const wanted = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (wanted.length === 0) throw new UsageError(`--select names no row ("${select}"): give all, or numbers/ids separated by commas`);
  const matches = (r: R, w: string) => kind.id(r) === w || kind.keys(r).includes(w);
  const unknown = wanted.filter((w) => !records.some((r) => matches(r, w)));
  // A long list of unknown ids is named by its first few and a count, not repeated whole.
  const named = unknown.length > 10 ? `${unknown.slice(0, 10).join(', ')} and ${unknown.length - 10} more` : unknown.join(', ');
  if (unknown.length) throw new UsageError(`--select: no row ${named} in the list (check the filters: ${hint})`);
  return records.filter((r) => wanted.some((w) => matches(r, w)));
}

export function dateOption(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isIsoDate(raw)) throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${raw}"`);
  return raw;
}

/**
 * A list's dates: --changed-since, or --from and --to for supplier invoices, checked before anything
 * connects; a date left out takes the environment's default (on the demo, counted from its day).
 */
export function listDates(
  kind: Kind,
  values: { 'changed-since'?: string; from?: string; to?: string },
): (defaults: DefaultDates) => DefaultDates {
  const ranged = filterOf(kind) === 'range';
  const since = ranged ? dateOption('from', values.from) : dateOption('changed-since', values['changed-since']);
  const until = dateOption('to', values.to);
  const ordered = (dates: DefaultDates) => {
    if (ranged && dates.since > dates.until)
      throw new UsageError(`--from (${dates.since}) is after --to (${dates.until}); --from must be on or before --to`);
    return dates;
  };
  if (since && until) ordered({ since, until });
  return (defaults) => ordered({ since: since ?? defaults.since, until: until ?? defaults.until });
}

/** The options every list-reading command shares: filters, output and where to connect. */
export const LIST_OPTIONS = {
  'changed-since': { type: 'string' },
  status: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  profile: { type: 'string' },
  'data-dir': { type: 'string' },
  lang: { type: 'string' },
} as const;

/** The Severa invoice status a --status / --set-status names (any case); refused naming the ones there are. */
export function statusOption(option: string, name: string, statuses: readonly { guid: string; name: string }[], orNone = false) {
  if (orNone && name.toLowerCase() === 'none') return undefined;
  const found = statusNamed(statuses, name, true);
  if (!found) {
    throw new UsageError(
      `--${option} "${name}" is not a Severa invoice status; there are: ${statuses.map((s) => s.name).join(', ')}${orNone ? ', or none' : ''}`,
    );
  }
  return found;
}
