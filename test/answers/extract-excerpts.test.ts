import { describe, expect, it } from 'vitest';
import { answerWeights } from '../../src/answers/answer-weights.js';
import {
  passageQuotes,
  scoreSentences,
  selectExcerpts,
  sentenceFeatures,
  talkRanks,
  type CandidatePassage,
  type ScoredExcerpt,
  type SentenceQuery,
} from '../../src/answers/extract-excerpts.js';
import type { QueryTerm } from '../../src/answers/term-weights.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Passage } from '../../src/types.js';
import { noteLines, passageOf, queryTerms } from './note-fixture.js';

// Cosine plays no part here: the model is tested elsewhere; these tests are about words and places.
const candidate = (passage: Passage, rank = 0): CandidatePassage => {
  const sentences = splitSentences(passage.text, passage.lines[0], passage.language);
  return { passage, rank, sentences, vectors: sentences.map(() => new Float32Array(3)) };
};
const noMeaning = new Float32Array(3);
/** Sentence scores with the committed fitted weights, for a passage the reranker gives even odds. */
const score = (c: CandidatePassage, terms: QueryTerm[], query: Partial<SentenceQuery> = {}): number[] =>
  scoreSentences(sentenceFeatures(c, { queryTerms: terms, queryVector: noMeaning, ...query }, 0.5), answerWeights.sentence);
const fileLines = (excerpt: { lines: [number, number] }): string => noteLines.slice(excerpt.lines[0] - 1, excerpt.lines[1]).join('\n');

describe('talkRanks', () => {
  it('gives every passage of a talk the rank of its best passage', () => {
    expect(talkRanks([{ talkId: 'a' }, { talkId: 'b' }, { talkId: 'a' }, { talkId: 'c' }, { talkId: 'b' }])).toEqual([0, 1, 0, 3, 1]);
  });
});

describe('scoreSentences', () => {
  it('scores the sentence sharing the question’s words highest, and never a heading', () => {
    const french = candidate(passageOf(/pannes/));
    const scores = score(french, queryTerms({ farine: 3 }));
    const best = scores.indexOf(Math.max(...scores));
    expect(french.sentences[best]!.text).toMatch(/farine/);
    french.sentences.forEach((s, i) => s.heading && expect(scores[i]).toBe(0));
  });

  it('prefers the sentence stating an amount when the question asks for one', () => {
    const french = candidate(passageOf(/pannes/));
    const question = queryTerms({ pétrin: 2 });
    const plain = score(french, question);
    const counting = score(french, question, { quantity: true });
    const withNumber = french.sentences.findIndex((s) => /deux pétrins/.test(s.text));
    const without = french.sentences.findIndex((s) => /tombait/.test(s.text));
    expect(counting[withNumber]! - plain[withNumber]!).toBeGreaterThan(0);
    expect(counting[without]).toBe(plain[without]);
  });

});

describe('scoreSentences on links', () => {
  const links = candidate(passageOf(/Links/));
  const slides = links.sentences.findIndex((s) => s.text.startsWith('[Slides]'));
  const ovens = links.sentences.findIndex((s) => s.text.startsWith('The ovens'));

  it('quotes no sentence made of links alone', () => {
    const scores = score(links, queryTerms({ slides: 3 }));
    expect(scores[slides]).toBe(0);
    expect(scores[ovens]).toBeGreaterThan(0);
  });

  it('lets a listing quote a linked title, by the words of its text and not of its address', () => {
    const listing = { headings: true };
    const byTitle = score(links, queryTerms({ slides: 3 }), listing);
    const byAddress = score(links, queryTerms({ temperature: 3 }), listing);
    const byNothing = score(links, queryTerms({ zeppelin: 3 }), listing);
    expect(byTitle[slides]).toBeGreaterThan(byNothing[slides]!);
    expect(byAddress[slides]).toBe(byNothing[slides]);
  });
});

describe('passageQuotes', () => {
  it('quotes up to two runs of one passage verbatim, best first, never overlapping, with their own lines', () => {
    const french = candidate(passageOf(/pannes/));
    const scores = score(french, queryTerms({ panne: 3, farine: 1 }));
    const quotes = passageQuotes(french, scores, 2);
    expect(quotes).toHaveLength(2);
    expect(quotes[0]!.score).toBeGreaterThanOrEqual(quotes[1]!.score);
    const [a, b] = quotes.map((q) => q.lines);
    expect(a![1] < b![0] || b![1] < a![0]).toBe(true);
    for (const quote of quotes) expect(fileLines(quote)).toContain(quote.quote);
  });

  it('widens a short sentence with its neighbours so that it reads on its own', () => {
    const english = candidate(passageOf(/Cooling/));
    const scores = score(english, queryTerms({ airflow: 3 }));
    const [quote] = passageQuotes(english, scores, 1);
    expect(quote!.quote).toMatch(/^Racks need airflow\. Cooling racks/);
  });

  it('quotes nothing from a passage none of whose sentences score', () => {
    const english = candidate(passageOf(/Cooling/));
    expect(passageQuotes(english, english.sentences.map(() => 0), 2)).toEqual([]);
  });
});

describe('selectExcerpts', () => {
  const excerpt = (talkId: string, score: number, quote = `${talkId} ${score}`): ScoredExcerpt => ({
    quote, score, talkId, passageId: `${talkId}:${score}`, conference: 'c', talk: talkId, speakers: [], companies: [], file: 'f.md', lines: [1, 1],
  });

  it('takes at most perTalk quotes of a talk, drops quotes far below the best, and never repeats a quote', () => {
    const chosen = selectExcerpts(
      [excerpt('a', 1), excerpt('a', 0.95), excerpt('a', 0.9), excerpt('b', 0.8), excerpt('c', 0.8, 'a 1'), excerpt('d', 0.2)],
      5,
      2,
    );
    expect(chosen.map((e) => `${e.talkId}:${e.score}`)).toEqual(['a:1', 'a:0.95', 'b:0.8']);
  });
});
