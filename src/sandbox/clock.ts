import { type Clock, processClock } from '../clock.js';

/** Strictly increasing timestamps: two writes in the same millisecond still order by "changed since". */
export class MonotonicClock {
  private last = 0;

  constructor(
    last?: string | number,
    private readonly clock: Clock = processClock(),
  ) {
    if (last !== undefined) this.last = typeof last === 'number' ? last : Date.parse(last) || 0;
  }

  now(): string {
    const ms = Math.max(this.clock.now(), this.last + 1);
    this.last = ms;
    return new Date(ms).toISOString();
  }
}
