export interface RateLimiterOptions {
  /** Requests allowed per window (Severa: 10). */
  maxRequests?: number;
  /** Window length in ms (Severa: 1 s). */
  windowMs?: number;
  /**
   * Added to the window because the server counts arrivals, not our starts: a request that travels
   * faster than the one ten places before it would otherwise land inside the server's window.
   */
  marginMs?: number;
  now?: () => number;
}

/**
 * Sliding-window pacing shared by every call of one Severa client: no more than maxRequests starts
 * in any windowMs + marginMs. A sliding window (not a fixed interval between calls) lets bursts use
 * the full quota, which is what keeps sustained throughput above 90% of it.
 */
export class RateLimiter {
  readonly maxRequests: number;
  private readonly baseWindowMs: number;
  private readonly maxWindowMs: number;
  /** Current window, widened after each 429 and narrowed again while calls go through. */
  windowMs: number;
  private sinceRefusal = 0;
  private readonly now: () => number;
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Number of requests let through. */
  granted = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.maxRequests = options.maxRequests ?? 10;
    this.baseWindowMs = (options.windowMs ?? 1000) + (options.marginMs ?? 50);
    this.maxWindowMs = this.baseWindowMs * 1.25;
    this.windowMs = this.baseWindowMs;
    // Pacing measures intervals, not dates: a monotonic source, untouched by clock changes.
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * The server refused a call for quota: our margin did not cover how unevenly calls travel on this
   * link, so widen the window a little. Refusals cost a pause and a resend; a slightly slower pace costs less.
   */
  refused(): void {
    this.windowMs = Math.min(this.maxWindowMs, this.windowMs + 20);
    this.sinceRefusal = 0;
  }

  /** Resolves when a request may start; callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every caller back, e.g. after a 429, so the whole client backs off, not just one request. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      const windowFreeAt = this.starts.length < this.maxRequests ? now : this.starts[0]! + this.windowMs;
      const at = Math.max(windowFreeAt, this.pausedUntil);
      if (at <= now) {
        this.starts.push(now);
        if (this.starts.length > this.maxRequests) this.starts.shift();
        this.granted++;
        // Narrow back towards the base window while calls keep going through.
        if (++this.sinceRefusal % 50 === 0) this.windowMs = Math.max(this.baseWindowMs, this.windowMs - 5);
        return;
      }
      await sleep(at - now);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
