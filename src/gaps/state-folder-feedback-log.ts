// The feedback log of one machine: JSON Lines in the state folder, `gaps.jsonl` and `feedback.jsonl` (the
// votes). One self-contained record per line, easy to grep and safe to append from several processes.
import { readFile } from 'node:fs/promises';
import { jsonLinesFile } from '../state/json-lines-file.js';
import type { FeedbackLog, GapRecord, VoteRecord } from './feedback-log.js';

export function stateFolderFeedbackLog(stateDir: string): FeedbackLog {
  const gaps = jsonLinesFile<GapRecord>(stateDir, 'gaps.jsonl');
  const votes = jsonLinesFile<VoteRecord>(stateDir, 'feedback.jsonl');
  return {
    recordGap: (record) => gaps.append(record),
    recordVote: (record) => votes.append(record),
    async gaps(since) {
      let text: string;
      try {
        text = await readFile(gaps.path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      // A line torn by a crash mid-write is skipped: the records around it still count.
      return text.split('\n').flatMap((line) => {
        try {
          const record = JSON.parse(line) as GapRecord;
          return typeof record.question === 'string' && (!since || Date.parse(record.time) >= since.getTime()) ? [record] : [];
        } catch {
          return [];
        }
      });
    },
    close: async () => undefined,
  };
}
