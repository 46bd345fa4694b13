/**
 * The one clock. Everything that needs today's date or a timestamp asks a Clock, so the demo, the
 * default filters and the ledger can be run on any date: tests inject a clock of their own, and
 * SEVADM_NOW pins the whole program (the pty tests start the app that way).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `start` and runs on in real time from there. */
export function clockFrom(start: number | string | Date): Clock {
  const at = typeof start === 'number' ? start : typeof start === 'string' ? Date.parse(start) : start.getTime();
  if (Number.isNaN(at)) throw new RangeError(`not a date-time: ${String(start)}`);
  const began = performance.now();
  return { now: () => at + Math.round(performance.now() - began) };
}

/** A clock that moves only when told to: for tests that step through days. */
export class ManualClock implements Clock {
  private at: number;
  constructor(start: number | string) {
    this.at = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.at;
  }
  set(to: number | string): void {
    this.at = typeof to === 'number' ? to : Date.parse(to);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** What SEVADM_NOW may hold: a date (local midnight) or a date-time (ISO 8601). */
const PINNED = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

let pinned: { value: string; clock: Clock } | undefined;

/**
 * The program's clock: the system's, or the one SEVADM_NOW pins (read each time, so a test that sets
 * it gets it). A value that is no date is refused naming the variable and what it takes.
 */
export function processClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const value = env.SEVADM_NOW?.trim();
  if (!value) return systemClock;
  if (pinned?.value === value) return pinned.clock;
  const at = PINNED.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00` : value) : Number.NaN;
  if (Number.isNaN(at)) throw new ClockSettingError(value);
  pinned = { value, clock: clockFrom(at) };
  return pinned.clock;
}

export class ClockSettingError extends Error {
  constructor(readonly value: string) {
    super(
      `SEVADM_NOW is "${value}": it takes a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM[:SS][Z]), or leave it unset for the system clock`,
    );
  }
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local day `days` before the instant. */
export function daysBefore(ms: number, days: number): string {
  const d = new Date(ms);
  d.setDate(d.getDate() - days);
  return localDay(d.getTime());
}

export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();

/** The instant a local day (YYYY-MM-DD) begins, as an ISO timestamp: what "changed since" that day means. */
export const startOfDay = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/** What the date filters start on: a changed-since / From date and a To date. */
export interface DefaultDates {
  since: string;
  until: string;
}

export const DEFAULT_DAYS_BACK = 30;

/**
 * 30 days back from `reference` (when given and earlier: the demo's day, so an old demo still opens
 * on its data) up to today.
 */
export function defaultDates(now: number, reference?: number): DefaultDates {
  const from = reference !== undefined && reference < now ? reference : now;
  return { since: daysBefore(from, DEFAULT_DAYS_BACK), until: localDay(now) };
}
