import { SeededRandom } from '../random.js';

/** Failures the sandbox can inject, to test the client's retries. All off by default. */
export interface Faults {
  /** Share of calls answered 500 InternalSystemError without being processed (0–1). */
  errorRate: number;
  /** Added delay per call in ms; [min, max] for a random delay. */
  latencyMs: number | [number, number];
  /** The next N calls are answered 429, whatever the quota says. */
  burst429: number;
  /** The next N calls are answered 503 without being processed. */
  burst5xx: number;
  /** The connections of the next N calls are cut before they are processed. */
  dropNext: number;
  /** Share of calls whose connection is cut before they are processed (0–1). */
  dropRate: number;
  /** Share of writes whose connection is cut after they were applied (0–1): the answer is lost. */
  dropAfterApplyRate: number;
  /**
   * Requests refused with 400 InvalidRequest before they are processed, as "METHOD /path-prefix"
   * (e.g. "PATCH /v1/invoices/"): Severa refusing one kind of write while the rest works.
   */
  refuse: string[];
  /**
   * Requests held unanswered and unprocessed until their connection closes, as "METHOD /path-prefix": a client
   * killed while it waits there died between its writes (the tests' way to crash a run at an exact point).
   */
  hold: string[];
}

export const NO_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  burst429: 0,
  burst5xx: 0,
  dropNext: 0,
  dropRate: 0,
  dropAfterApplyRate: 0,
  refuse: [],
  hold: [],
};

export class FaultInjector {
  readonly faults: Faults;
  private readonly random: SeededRandom;

  constructor(faults: Partial<Faults> = {}, seed = 1) {
    this.faults = { ...NO_FAULTS, ...faults };
    this.random = new SeededRandom(seed);
  }

  set(faults: Partial<Faults>): void {
    Object.assign(this.faults, faults);
  }

  latency(): number {
    const l = this.faults.latencyMs;
    return Array.isArray(l) ? l[0] + this.random.next() * (l[1] - l[0]) : l;
  }

  takeForced429(): boolean {
    return this.take('burst429');
  }

  /** 503 for a forced burst, 500 for the random error rate, else undefined. */
  error(): 500 | 503 | undefined {
    if (this.take('burst5xx')) return 503;
    return this.faults.errorRate > 0 && this.random.chance(this.faults.errorRate) ? 500 : undefined;
  }

  refuses(method: string, path: string): boolean {
    return this.faults.refuse.some((rule) => matchesRule(rule, method, path));
  }

  holds(method: string, path: string): boolean {
    return this.faults.hold.some((rule) => matchesRule(rule, method, path));
  }

  drop(): boolean {
    return this.take('dropNext') || (this.faults.dropRate > 0 && this.random.chance(this.faults.dropRate));
  }

  private take(counter: 'burst429' | 'burst5xx' | 'dropNext'): boolean {
    if (this.faults[counter] <= 0) return false;
    this.faults[counter]--;
    return true;
  }

  dropAfterApply(): boolean {
    return this.faults.dropAfterApplyRate > 0 && this.random.chance(this.faults.dropAfterApplyRate);
  }
}

/** "METHOD /path-prefix", the prefix compared without regard to case. */
function matchesRule(rule: string, method: string, path: string): boolean {
  const [m, prefix] = rule.split(' ');
  return m === method && path.toLowerCase().startsWith((prefix ?? '').toLowerCase());
}
