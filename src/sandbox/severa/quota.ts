/** Severa's quota: at most `limit` calls in any `windowMs`; every arriving call counts, refused or not. */
export class QuotaWindow {
  private arrivals: number[] = [];
  refused = 0;

  constructor(
    readonly limit = 10,
    readonly windowMs = 1000,
  ) {}

  /** Records an arrival; false when it is over the quota. */
  admit(now = performance.now()): boolean {
    while (this.arrivals.length && now - this.arrivals[0]! >= this.windowMs) this.arrivals.shift();
    const allowed = this.arrivals.length < this.limit;
    this.arrivals.push(now);
    if (!allowed) this.refused++;
    return allowed;
  }
}

export const QUOTA_MESSAGE = 'API calls quota exceeded! maximum admitted 10 per 1s.';
