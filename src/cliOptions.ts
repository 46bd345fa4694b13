import { UsageError } from './errors.js';
import { detectLang, type Lang } from './i18n/index.js';

export function intOption(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

export function rateOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || Number.isNaN(n) || n < 0 || n > 1)
    throw new UsageError(`--${name} must be a share from 0 to 1 (e.g. 0.1), got "${raw}"`);
  return n;
}

/** "200" or "50-400" (ms). */
export function latencyOption(raw: string | undefined): number | [number, number] | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)(?:-(\d+))?$/.exec(raw);
  if (!m || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) {
    throw new UsageError(`--latency must be milliseconds, "200" or a range "50-400", got "${raw}"`);
  }
  return m[2] === undefined ? Number(m[1]) : [Number(m[1]), Number(m[2])];
}

/** --lang sv|en; without it, the locale decides. */
export function langOption(raw: string | undefined): Lang {
  if (raw === undefined) return detectLang();
  if (raw !== 'sv' && raw !== 'en') throw new UsageError(`--lang must be sv or en, got "${raw}"`);
  return raw;
}
