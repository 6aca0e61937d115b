// Slack retries an event it believes was not delivered (X-Slack-Retry-Num), with the same event_id.
// Remembering the last ids seen is enough: retries come within minutes, never after thousands of events.

export interface Dedupe {
  /** True the first time `id` is seen; false for every repeat still remembered. */
  firstSeen(id: string): boolean;
}

export function createDedupe(capacity = 5_000): Dedupe {
  const seen = new Map<string, true>();
  return {
    firstSeen(id) {
      if (seen.has(id)) return false;
      seen.set(id, true);
      // A Map iterates in insertion order: the first key is the oldest.
      if (seen.size > capacity) seen.delete(seen.keys().next().value!);
      return true;
    },
  };
}
