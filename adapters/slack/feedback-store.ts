// Votes are appended as JSON Lines: one self-contained record per click, easy to grep, to load in a
// notebook, or to turn into eval questions later.
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  question: string;
  /** Excerpt ids, `file:start-end`. */
  excerpts: string[];
  user: string;
  vote: Vote;
  /** ISO 8601. */
  time: string;
}

export interface FeedbackStore {
  readonly path: string;
  append(record: FeedbackRecord): Promise<void>;
}

export function createFeedbackStore(stateDir: string): FeedbackStore {
  const path = join(stateDir, 'feedback.jsonl');
  // Appends are chained so that two clicks at once can never interleave within a line.
  let last: Promise<void> = Promise.resolve();
  return {
    path,
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      const next = last.then(async () => {
        await mkdir(stateDir, { recursive: true });
        await appendFile(path, line, 'utf8');
      });
      last = next.catch(() => undefined);
      return next;
    },
  };
}
