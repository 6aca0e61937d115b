// Votes are appended as JSON Lines (`feedback.jsonl` in the state folder): one record per click.
import { jsonLinesFile } from '../../src/state/json-lines-file.js';

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
  return jsonLinesFile<FeedbackRecord>(stateDir, 'feedback.jsonl');
}
