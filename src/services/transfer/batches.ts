/**
 * How many numbers (or names) one lookup asks Severa for: enough that a run of hundreds of rows reads them in a few
 * calls at the quota, few enough that the query string stays well within what servers take.
 */
export const NUMBERS_PER_CALL = 50;

/** `items` in runs of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
