import type { Translate } from '../i18n/index.js';

/** A nested value on one line: its names, codes and numbers. */
export function flat(value: unknown): string {
  if (Array.isArray(value)) return value.map(flat).join('; ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'guid')
      .map(([k, v]) => `${k}: ${flat(v)}`)
      .join(', ');
  }
  return String(value);
}

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

export function money(amount: number | null | undefined): string {
  return amount == null ? '' : amount.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "1 fee", "3 fees": the count of Severa fees a supplier invoice became. */
export const feesText = (t: Translate, count: number) => t(count === 1 ? 'status.fee' : 'status.fees', { count });
