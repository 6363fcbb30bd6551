/**
 * A token bucket per key (an address, a person): `capacity` calls at once, refilled evenly over `windowMs`.
 * Kept in memory — the local server is one process — and pruned as it grows.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one call for `key`: 0 when allowed, else the milliseconds until one more is allowed. */
  take(key: string): number {
    const now = this.clock();
    const rate = this.capacity / this.windowMs; // tokens per ms
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, b.tokens + Math.max(0, now - b.at) * rate);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > 10_000) this.prune(now);
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.ceil((1 - tokens) / rate);
  }

  /** Forgets keys whose bucket has refilled completely (they behave exactly like new keys). */
  private prune(now: number): void {
    const rate = this.capacity / this.windowMs;
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * rate >= this.capacity) this.buckets.delete(k);
  }
}

/** 「请 N 秒后再试」 with N rounded up to whole seconds (at least 1). */
export function retryMessage(what: string, waitMs: number): string {
  return `${what}过于频繁，请 ${Math.max(1, Math.ceil(waitMs / 1000))} 秒后再试`;
}
