// Slack retries an event it believes was not delivered (X-Slack-Retry-Num), with the same event_id.
// Within one process, remembering the last ids seen is enough: retries come within minutes, never after
// thousands of events. Processes sharing a database share the record instead (src/index/postgres-first-seen.ts).

export interface Dedupe {
  /** True the first time `id` is seen; false for every repeat still remembered. */
  firstSeen(id: string): boolean | Promise<boolean>;
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

/**
 * Dedupe over a record shared by every process (the database): a retry that reaches another process is
 * recognised there. While the record cannot be reached, this process's memory decides, so that events
 * are still answered, once per process.
 */
export function sharedDedupe(shared: { firstSeen(id: string): Promise<boolean> }, onError: (error: unknown) => void): Dedupe {
  const local = createDedupe();
  return {
    firstSeen: (id) =>
      shared.firstSeen(`slack:${id}`).catch((error: unknown) => {
        onError(error);
        return local.firstSeen(id);
      }),
  };
}
