import type { MessageKey, Translate } from '../i18n/index.js';

/** One line of a details view: its label in the user's language, and the value as the user reads it. */
export type DetailLine = [label: string, value: string];

/** The value as text: yes/no for flags; nothing for an empty value, so the line is left out. */
function shown(t: Translate, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  return String(value).trim();
}

/** The labelled fields that have a value, in the order given. */
export function detailLines(t: Translate, fields: [MessageKey, unknown][]): DetailLine[] {
  return fields.map(([key, value]): DetailLine => [t(key), shown(t, value)]).filter(([, value]) => value !== '');
}

/** A list under one label: the label on its first line only, one item per line. */
export function detailList(t: Translate, label: MessageKey, items: string[]): DetailLine[] {
  return items.map((item, i): DetailLine => [i === 0 ? t(label) : '', item]);
}

/** A Severa date-time as the user's local day and minute ("2026-11-28 13:05"). */
export function dayAndTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Parts of one value (an address, a person) joined, empty parts left out. */
export const joined = (separator: string, ...parts: (string | null | undefined)[]) =>
  parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(separator);
