import type { Translate } from '../i18n/index.js';

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

export function money(amount: number | null | undefined): string {
  return amount == null ? '' : amount.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "1 fee", "3 fees": the count of Severa fees a supplier invoice became. */
export const feesText = (t: Translate, count: number) => t(count === 1 ? 'status.fee' : 'status.fees', { count });
