// What every FeedbackLog must do, wherever it keeps the records: what goes in comes out, in order, from
// any log opened over the same place (another bot process), and nothing is lost to concurrent writers.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type FeedbackLog, type GapRecord, type VoteRecord, recordIfAbstained } from '../../src/gaps/feedback-log.js';

export interface FeedbackPlace {
  /** A log over this place; each call is another process's view of the same records. */
  open(): Promise<FeedbackLog>;
  /** The votes as stored, read the way a person would (the file, the table). */
  votes(): Promise<VoteRecord[]>;
}

/** A fresh, empty place for each test. */
export type FeedbackPlaceFactory = () => Promise<FeedbackPlace>;

const etsy = { conference: 'QCon London 2014', talk: 'Development at Etsy', file: '001.txt', lines: [64, 120] as [number, number] };

export const GAP_RECORDS: GapRecord[] = [
  { kind: 'abstained', question: 'What did anyone say about Kubernetes?', origin: 'slack:C0GENERAL', closest: [etsy], time: '2026-11-20T10:00:00.000Z' },
  { kind: 'abstained', question: 'Kubernetes, quelqu’un en a parlé ?', origin: 'discord:222', closest: [etsy], time: '2026-11-28T10:00:00.000Z' },
  // A 👎 names the excerpts voted down, which have no talk.
  { kind: 'downvoted', question: 'what did anyone say about kubernetes?', origin: 'slack:C0GENERAL', closest: [{ file: '003.txt', lines: [1, 4] }], time: '2026-11-29T10:00:00.000Z' },
  { kind: 'abstained', question: 'Where was the party @everyone <!channel>? 🎉 "quoted" \\ back', origin: 'cli', closest: [], time: '2026-11-30T10:00:00.000Z' },
];

export function runFeedbackLogContract(name: string, factory: FeedbackPlaceFactory): void {
  describe(`${name}: FeedbackLog contract`, () => {
    let place: FeedbackPlace;
    const opened: FeedbackLog[] = [];
    const open = async () => {
      const log = await place.open();
      opened.push(log);
      return log;
    };

    beforeEach(async () => {
      place = await factory();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((log) => log.close()));
    });

    test('a new log has no gaps', async () => {
      expect(await (await open()).gaps()).toEqual([]);
    });

    test('gives back every gap as recorded, in order, and those since a date (inclusive)', async () => {
      const log = await open();
      for (const record of GAP_RECORDS) await log.recordGap(record);
      expect(await log.gaps()).toEqual(GAP_RECORDS);
      expect(await log.gaps(new Date(GAP_RECORDS[1]!.time))).toEqual(GAP_RECORDS.slice(1));
      expect(await log.gaps(new Date('2027-01-01T00:00:00Z'))).toEqual([]);
    });

    test('records a question when the notes were silent, and not when they answered', async () => {
      const log = await open();
      await recordIfAbstained(log, { question: 'What about Etsy?', abstained: false, excerpts: [] }, 'cli');
      await recordIfAbstained(log, { question: 'Elm?', abstained: true, excerpts: [], closest: [etsy] }, 'slack:C1', new Date('2026-11-02T00:00:00Z'));
      expect(await log.gaps()).toEqual([{ kind: 'abstained', question: 'Elm?', origin: 'slack:C1', closest: [etsy], time: '2026-11-02T00:00:00.000Z' }]);
    });

    test('two writers at once (two bot processes) lose nothing, and a third log reads them all', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const written = (['a', 'b'] as const).flatMap((who) =>
        Array.from({ length: 20 }, (_, i): GapRecord => ({ ...GAP_RECORDS[i % 4]!, origin: `slack:${who}`, question: `${who} ${i}: ${'x'.repeat(i * 50)}` })),
      );
      await Promise.all(written.map((record) => (record.origin === 'slack:a' ? a : b).recordGap(record)));
      const read = await (await open()).gaps();
      const byQuestion = (x: GapRecord, y: GapRecord) => x.question.localeCompare(y.question);
      expect([...read].sort(byQuestion)).toEqual([...written].sort(byQuestion));
    });

    test('keeps every vote with its question, excerpts and voter', async () => {
      const log = await open();
      const up: VoteRecord = { question: 'What did Etsy say about post-mortems?', excerpts: ['001.txt:64-66', 'notes/é t.md:1-2'], user: 'U0VOTER', vote: 'up', time: '2026-11-20T10:00:00.000Z' };
      const down: VoteRecord = { ...up, excerpts: [], user: 'U0OTHER', vote: 'down', time: '2026-11-20T10:00:01.000Z' };
      await log.recordVote(up);
      await log.recordVote(down);
      expect(await place.votes()).toEqual([up, down]);
      // Votes are not gaps: a 👎 becomes one when the adapter records it as such.
      expect(await log.gaps()).toEqual([]);
    });
  });
}
