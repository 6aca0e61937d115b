import { describe, expect, it } from 'vitest';
import { strategyFor } from '../../src/answers/strategies.js';
import type { CandidatePassage } from '../../src/answers/extract-excerpts.js';
import type { Intent } from '../../src/answers/question-intent.js';
import { candidateOf, note, queryTerms } from './note-fixture.js';

const candidates: CandidatePassage[] = note.passages.map((passage, rank) => candidateOf(passage, rank));
// The last section lists what was seen that afternoon: a section of the note, not a talk.
const talkIds = new Set(note.passages.filter((p) => !/^Links/.test(p.talk)).map((p) => p.talkId));
const listing = strategyFor({ named: [], rankingTerms: [], topicTerms: [], conferenceOnly: false, listing: true, answerKinds: ['any'], given: new Set() } satisfies Intent);
const quoted = (topicTerms: Intent['topicTerms']): string[] => listing.quotable(candidates, { talkIds, topicTerms }).map((c) => c.passage.talk);

describe('the listing strategy', () => {
  it('quotes the talks that say the topic’s rarest word', () => {
    // "afternoon" is in two sections, "racks" in one.
    const terms = queryTerms({ afternoon: 1, racks: 3 }).map((t) => ({ ...t, df: t.word === 'afternoon' ? 2 : 1 }));
    expect(quoted(terms)).toEqual(['Cooling racks']);
  });

  it('quotes also the talks that say the rarest word the best-ranked talk says', () => {
    // The best-ranked talk, on the bakery, says "stock" and not "racks": "racks" may be only how the question asks.
    const terms = queryTerms({ racks: 3, stock: 1 }).map((t) => ({ ...t, df: t.word === 'stock' ? 2 : 1 }));
    expect(quoted(terms)).toEqual(['Running a bakery on spreadsheets', 'Les pannes de la boulangerie', 'Cooling racks']);
  });

  it('quotes another section when no talk says the topic', () => {
    expect(quoted(queryTerms({ ovens: 3 }))).toEqual(['Links from the afternoon']);
  });

  it('quotes the talks when no note uses the topic', () => {
    const unseen = queryTerms({ croissants: 0 }).map((t) => ({ ...t, df: 0 }));
    expect(quoted(unseen)).toEqual(note.passages.filter((p) => talkIds.has(p.talkId)).map((p) => p.talk));
  });
});
