// Per-user sliding window: a burst from one person must not starve the others or the model.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

const WINDOW_MS = 60_000;
// Past this many tracked users, forget those idle for a whole window so memory stays bounded.
const SWEEP_ABOVE = 10_000;

/** `perMinute` requests per key in any 60-second window; 0 turns the limit off. */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      if (perMinute <= 0) return { allowed: true };
      const t = now();
      const recent = (hits.get(key) ?? []).filter((h) => t - h < WINDOW_MS);
      if (recent.length >= perMinute) {
        hits.set(key, recent);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - t) / 1000)) };
      }
      recent.push(t);
      hits.set(key, recent);
      if (hits.size > SWEEP_ABOVE) {
        for (const [k, times] of hits) if (t - times[times.length - 1]! >= WINDOW_MS) hits.delete(k);
      }
      return { allowed: true };
    },
  };
}
