/** At most `count` sends in any `windowMs`. */
export interface Limit {
  count: number;
  windowMs: number;
}

/** Teams' published limits for one bot in one conversation. */
export const PUBLISHED_CONVERSATION_LIMITS: readonly Limit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];
/** About 50 requests a second per app per tenant, across all conversations. */
export const PUBLISHED_TENANT_LIMITS: readonly Limit[] = [{ count: 50, windowMs: 1_000 }];

/**
 * Teams counts a request when it arrives, some time between our sending it and its answer coming
 * back. The limiter counts each send from when its answer came back (`settle`), the latest it can
 * have arrived, and a send still in flight from when it left; so however long a request spends on
 * the way, a send the limiter allows finds no more requests in Teams' window than in its own.
 * Windows 2 % longer than published leave room for Teams' "about" 50 a second.
 */
const withMargin = (limits: readonly Limit[]): readonly Limit[] => limits.map((l) => ({ count: l.count, windowMs: Math.ceil(l.windowMs * 1.02) }));
export const CONVERSATION_LIMITS = withMargin(PUBLISHED_CONVERSATION_LIMITS);
export const TENANT_LIMITS = withMargin(PUBLISHED_TENANT_LIMITS);

/**
 * Sliding-window limits per key (a conversation, a tenant), plus pauses a 429 asked for.
 * `take` reserves a slot and says how long to wait for it, so concurrent senders never overrun.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  /** Earliest time at or after `now` when one more send is allowed under every key. */
  earliest(keys: readonly { key: string; limits: readonly Limit[] }[], now: number): number {
    let at = now;
    // Reserving under one key can push past another's window, so repeat until all agree.
    for (let changed = true; changed; ) {
      changed = false;
      for (const { key, limits } of keys) {
        const next = this.earliestFor(key, limits, at);
        if (next > at) {
          at = next;
          changed = true;
        }
      }
    }
    return at;
  }

  /** Reserves a send at `at` (from `earliest`, made at `now`) under every key. */
  reserve(keys: readonly { key: string; limits: readonly Limit[] }[], at: number, now: number = at): void {
    for (const { key, limits } of keys) {
      const times = this.sent.get(key) ?? [];
      const longest = Math.max(...limits.map((l) => l.windowMs));
      // Keep what a window from now on can still see; reservations may lie ahead of older ones.
      const kept = times.filter((t) => t > Math.min(now, at) - longest);
      kept.push(at);
      kept.sort((a, b) => a - b);
      this.sent.set(key, kept);
    }
  }

  /**
   * A send reserved at `reservedAt` was answered at `settledAt`: from now on it counts from then,
   * the latest moment Teams can have counted it.
   */
  settle(keys: readonly { key: string }[], reservedAt: number, settledAt: number): void {
    if (settledAt <= reservedAt) return;
    for (const { key } of keys) {
      const times = this.sent.get(key);
      const i = times?.indexOf(reservedAt) ?? -1;
      if (!times || i < 0) continue;
      times[i] = settledAt;
      times.sort((a, b) => a - b);
    }
  }

  /** A 429 said to wait: nothing goes out under this key before `until`. */
  pause(key: string, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private earliestFor(key: string, limits: readonly Limit[], at: number): number {
    const from = Math.max(at, this.pausedUntil.get(key) ?? 0);
    const times = this.sent.get(key) ?? [];
    if (this.fits(times, from, limits)) return from;
    // A slot opens exactly when an earlier send leaves a window, so only those instants need a look.
    const candidates = [...new Set(times.flatMap((t) => limits.map((l) => t + l.windowMs)))].filter((t) => t > from).sort((a, b) => a - b);
    for (const candidate of candidates) if (this.fits(times, candidate, limits)) return candidate;
    return from;
  }

  /** True when a send at `at` keeps every window of length w at fewer than `count + 1` sends. */
  private fits(times: readonly number[], at: number, limits: readonly Limit[]): boolean {
    return limits.every(({ count, windowMs }) => {
      const near = [...times.filter((t) => t > at - windowMs && t < at + windowMs), at].sort((a, b) => a - b);
      for (let i = 0; i + count < near.length; i++) {
        if ((near[i + count] as number) - (near[i] as number) < windowMs) return false;
      }
      return true;
    });
  }
}
