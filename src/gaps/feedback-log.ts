// What people tell the team about its notes, by asking and by voting: every question a bot or the CLI
// abstained on and every 👎 with its question (the gaps, which `confnotes gaps` reports), and every vote.
// Kept in the state folder on one machine, or in the database when one is configured, so that what every
// bot process recorded is read together.
import type { Config } from '../config.js';
import type { Answer, LineRange } from '../types.js';
import { stateFolderFeedbackLog } from './state-folder-feedback-log.js';

export type GapKind = 'abstained' | 'downvoted';

export interface GapRecord {
  kind: GapKind;
  question: string;
  /** Where it was asked: `slack:C0123`, `discord:222…`, `cli`. */
  origin: string;
  /** The closest talks found (abstentions) or the excerpts voted down. */
  closest: Array<{ conference?: string; talk?: string; file: string; lines: LineRange }>;
  /** ISO 8601. */
  time: string;
}

export type Vote = 'up' | 'down';

export interface VoteRecord {
  question: string;
  /** Excerpt ids, `file:start-end`. */
  excerpts: string[];
  user: string;
  vote: Vote;
  /** ISO 8601. */
  time: string;
}

export interface FeedbackLog {
  recordGap(record: GapRecord): Promise<void>;
  recordVote(record: VoteRecord): Promise<void>;
  /** Gaps recorded at or after `since`, in the order they were recorded. */
  gaps(since?: Date): Promise<GapRecord[]>;
  close(): Promise<void>;
}

/** The database when one is configured, else the state folder. Connects at the first record or read. */
export async function openFeedbackLog(config: Pick<Config, 'stateDir' | 'databaseUrl'>): Promise<FeedbackLog> {
  if (config.databaseUrl) {
    // Imported on demand, as the store is: a machine without a database never loads the driver.
    const { postgresFeedbackLog } = await import('./postgres-feedback-log.js');
    return postgresFeedbackLog(config.databaseUrl);
  }
  return stateFolderFeedbackLog(config.stateDir);
}

/** Records the answer when the notes were silent; answers with quotes are not gaps. */
export async function recordIfAbstained(log: FeedbackLog, answer: Answer, origin: string, now: Date = new Date()): Promise<void> {
  if (!answer.abstained) return;
  await log.recordGap({ kind: 'abstained', question: answer.question, origin, closest: answer.closest ?? [], time: now.toISOString() });
}
