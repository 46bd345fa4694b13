import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/services/severa/rateLimiter.js';

describe('RateLimiter', () => {
  it('never lets more than maxRequests start in any window, and uses most of the quota', async () => {
    const limiter = new RateLimiter({ maxRequests: 10, windowMs: 200, marginMs: 10 });
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 50 }, () => limiter.acquire().then(() => starts.push(performance.now()))));
    const elapsed = performance.now() - t0;
    starts.sort((a, b) => a - b);
    for (let i = 10; i < starts.length; i++) {
      // The 11th start after any start comes a full window later (1 ms of timer slack allowed).
      expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(209);
    }
    // 50 requests at 10 per 210 ms: four full windows wait, so about 840 ms; well under 2×.
    expect(elapsed).toBeGreaterThanOrEqual(830);
    expect(elapsed).toBeLessThan(1200);
    expect(limiter.granted).toBe(50);
  });

  it('pause holds every caller back', async () => {
    const limiter = new RateLimiter({ maxRequests: 100, windowMs: 1000 });
    await limiter.acquire();
    limiter.pause(150);
    const t0 = performance.now();
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
