import { SeededRandom } from '../random.js';

/** Failures the sandbox can inject, to test the client's retries. All off by default. */
export interface Faults {
  /** Share of calls answered 500 InternalSystemError without being processed (0–1). */
  errorRate: number;
  /** Added delay per call in ms; [min, max] for a random delay. */
  latencyMs: number | [number, number];
  /** The next N calls are answered 429, whatever the quota says. */
  burst429: number;
  /** Share of calls whose connection is cut before they are processed (0–1). */
  dropRate: number;
  /** Share of writes whose connection is cut after they were applied (0–1): the answer is lost. */
  dropAfterApplyRate: number;
}

export const NO_FAULTS: Faults = { errorRate: 0, latencyMs: 0, burst429: 0, dropRate: 0, dropAfterApplyRate: 0 };

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
    if (this.faults.burst429 <= 0) return false;
    this.faults.burst429--;
    return true;
  }

  error(): boolean {
    return this.faults.errorRate > 0 && this.random.chance(this.faults.errorRate);
  }

  drop(): boolean {
    return this.faults.dropRate > 0 && this.random.chance(this.faults.dropRate);
  }

  dropAfterApply(): boolean {
    return this.faults.dropAfterApplyRate > 0 && this.random.chance(this.faults.dropAfterApplyRate);
  }
}
