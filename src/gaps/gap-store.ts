// What the notes did not answer, kept in the state folder as JSON Lines (`gaps.jsonl`): every question a
// bot or the CLI abstained on, and every 👎 with its question. One self-contained record per line, easy to
// grep and safe to append from several processes on one machine.
import { readFile } from 'node:fs/promises';
import { jsonLinesFile } from '../state/json-lines-file.js';
import type { Answer, LineRange } from '../types.js';

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

export interface GapStore {
  readonly path: string;
  append(record: GapRecord): Promise<void>;
  /** Records at or after `since`; unreadable lines (a crash mid-write) are skipped. */
  read(since?: Date): Promise<GapRecord[]>;
}

export function createGapStore(stateDir: string): GapStore {
  const file = jsonLinesFile<GapRecord>(stateDir, 'gaps.jsonl');
  const { path } = file;
  return {
    path,
    append: (record) => file.append(record),
    async read(since) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return text.split('\n').flatMap((line) => {
        try {
          const record = JSON.parse(line) as GapRecord;
          return typeof record.question === 'string' && (!since || Date.parse(record.time) >= since.getTime()) ? [record] : [];
        } catch {
          return [];
        }
      });
    },
  };
}

/** Records the answer when the notes were silent; answers with quotes are not gaps. */
export async function recordIfAbstained(store: GapStore, answer: Answer, origin: string, now: Date = new Date()): Promise<void> {
  if (!answer.abstained) return;
  await store.append({ kind: 'abstained', question: answer.question, origin, closest: answer.closest ?? [], time: now.toISOString() });
}
