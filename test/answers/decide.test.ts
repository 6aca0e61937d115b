import { describe, expect, it } from 'vitest';
import { ANSWER_FEATURES, answerFeatures, secondBestScore, writtenAcross } from '../../src/answers/decide.js';
import type { CandidatePassage } from '../../src/answers/extract-excerpts.js';
import { termsByTalk } from '../../src/answers/rerank.js';
import { analyze } from '../../src/text/analyze.js';
import { candidateOf, passageOf, queryTerms } from './note-fixture.js';

const at = (name: (typeof ANSWER_FEATURES)[number]): number => ANSWER_FEATURES.indexOf(name);
const candidate = (talk: RegExp): CandidatePassage => candidateOf(passageOf(talk), 0, new Float32Array([1, 0]));

describe('answerFeatures', () => {
  const bakery = candidate(/bakery/);
  const racks = candidate(/Cooling/);
  const talkTerms = termsByTalk([bakery, racks].map(({ passage }) => ({ passage, terms: new Set(analyze(`${passage.text} ${passage.speakers.join(' ')} ${passage.conference}`)) })));
  const evidence = { talkTerms, passageScore: 0.8, sentenceScore: 0.6, secondSentenceScore: 0.4, quotes: [], answerKinds: ['any' as const], given: new Set<string>(), acrossLanguages: false };

  it('passes the models’ scores on, and marks nothing when the talk quoted says the question', () => {
    const x = answerFeatures({ ...evidence, asked: queryTerms({ bakery: 3, stock: 2 }), quotedTalk: bakery.passage.talkId });
    expect(x).toHaveLength(ANSWER_FEATURES.length);
    expect(x[at('unseen_share')]).toBe(0);
    expect([x[at('passage_score')], x[at('sentence_score')], x[at('second_sentence')]]).toEqual([0.8, 0.6, 0.4]);
    expect(x[at('heaviest_unsaid')]).toBe(0);
    expect(x[at('kind_unstated')]).toBe(0);
  });

  it('gives the share of the question no note uses again, apart, when the question and the quote are in different languages', () => {
    const asked = [...queryTerms({ bakery: 3 }), { word: 'fariner', terms: ['farin'], idf: 0, df: 0, rarity: 1 }];
    const same = answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId });
    const across = answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId, acrossLanguages: true });
    expect(same[at('unseen_share')]).toBeGreaterThan(0);
    expect(across[at('unseen_share')]).toBe(same[at('unseen_share')]);
    expect(same[at('unseen_share_across')]).toBe(0);
    expect(across[at('unseen_share_across')]).toBe(same[at('unseen_share')]);
  });

  it('tells a question written in the other language than the quote, when both languages are known', () => {
    expect(writtenAcross('fr', 'en')).toBe(true);
    expect(writtenAcross('en', 'fr')).toBe(true);
    expect(writtenAcross('fr', 'fr')).toBe(false);
    expect(writtenAcross(undefined, 'fr')).toBe(false);
    expect(writtenAcross('en', undefined)).toBe(false);
  });

  it('weighs the heaviest word the talk quoted does not say by its rarity in the notes and in general English', () => {
    const heaviest = (words: Record<string, number>): number =>
      answerFeatures({ ...evidence, asked: queryTerms(words), quotedTalk: racks.passage.talkId })[at('heaviest_unsaid')]!;
    // "racks" is said; "told" and "spreadsheets" are not, and one unsaid common word weighs less than one unsaid rare word.
    expect(heaviest({ racks: 1, told: 1 })).toBeGreaterThan(0);
    expect(heaviest({ racks: 1, spreadsheets: 1 })).toBeGreaterThan(heaviest({ racks: 1, told: 1 }));
    expect(heaviest({ spreadsheets: 1 })).toBe(heaviest({ racks: 1, spreadsheets: 1 }));
    expect(heaviest({ racks: 1 })).toBe(0);
  });

  it('marks an amount asked for that no quote states of what was asked', () => {
    const asked = queryTerms({ pétrins: 3 });
    const amountOf = (quote: string): number =>
      answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId, answerKinds: ['amount'], quotes: [{ quote, speakers: [] }] })[at('kind_unstated')]!;
    expect(amountOf('Le stock de farine était vérifié à la main.')).toBe(1);
    expect(amountOf('Ils ont fini par acheter deux pétrins.')).toBe(0);
    expect(amountOf('Deux ans plus tard, la boulangerie tournait encore, avec ses vieux fours et ses pétrins.')).toBe(1);
  });

  it('does not take a number of the question for what an amount counts', () => {
    const asked = queryTerms({ pétrins: 3, '2019': 2 });
    const amountOf = (quote: string): number =>
      answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId, answerKinds: ['amount'], quotes: [{ quote, speakers: [] }] })[at('kind_unstated')]!;
    expect(amountOf('La boulangerie a ouvert en 2019, deux fois par semaine.')).toBe(1);
    expect(amountOf('En 2019, ils avaient trois pétrins.')).toBe(0);
  });

  it('takes an amount in a unit of what the question measures, whatever it counts', () => {
    const asked = queryTerms({ pétrins: 3 });
    const measured = (quote: string, measure?: 'duration'): number =>
      answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId, answerKinds: ['amount'], measure, quotes: [{ quote, speakers: [] }] })[at('kind_unstated')]!;
    expect(measured('La réparation a pris trois semaines.', 'duration')).toBe(0);
    expect(measured('La réparation a pris trois semaines.')).toBe(1);
    expect(measured('Ils ont acheté trois fours.', 'duration')).toBe(1);
  });

  it('takes a price only in a currency, not a count of what the question names', () => {
    const asked = queryTerms({ formation: 3, jours: 2 });
    const priced = (quote: string): number =>
      answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId, answerKinds: ['amount'], measure: 'price', quotes: [{ quote, speakers: [] }] })[at('kind_unstated')]!;
    expect(priced('La formation de 3 jours était complète.')).toBe(1);
    expect(priced('La formation de 3 jours coûtait 300 €.')).toBe(0);
  });

  it('takes a count of anything for a size, as the size of what it makes up', () => {
    const asked = queryTerms({ bakery: 3 });
    const sized = (quote: string): number =>
      answerFeatures({ ...evidence, asked, quotedTalk: bakery.passage.talkId, answerKinds: ['amount'], measure: 'size', quotes: [{ quote, speakers: [] }] })[at('kind_unstated')]!;
    expect(sized('Trois boulangers y travaillaient en 2019.')).toBe(0);
    expect(sized('La boulangerie a ouvert en 2019.')).toBe(1);
  });

  it('marks a person asked for whom neither the quote nor its talk names', () => {
    const personOf = (quote: string, speakers: string[] = []): number =>
      answerFeatures({ ...evidence, asked: queryTerms({ bakery: 3 }), quotedTalk: bakery.passage.talkId, answerKinds: ['person'], quotes: [{ quote, speakers }] })[at('kind_unstated')]!;
    expect(personOf('The bakery kept its stock in a notebook.')).toBe(1);
    expect(personOf('The bakery kept its stock in a notebook.', ['Ada Baker'])).toBe(0);
    expect(personOf('Marie Curtet told how the bakery kept its stock.')).toBe(0);
  });

  it('marks the share of the askings whose kind no quote states: a question of two parts may be answered in one', () => {
    const unstated = (answerKinds: Array<'amount' | 'person' | 'any'>, quote: string): number =>
      answerFeatures({ ...evidence, asked: queryTerms({ pétrins: 3 }), quotedTalk: bakery.passage.talkId, answerKinds, quotes: [{ quote, speakers: [] }] })[at('kind_unstated')]!;
    const venue = 'La boulangerie est installée dans un ancien moulin.';
    expect(unstated(['amount', 'any'], venue)).toBe(0.5);
    expect(unstated(['amount', 'person'], venue)).toBe(1);
    expect(unstated(['amount', 'any'], 'Ils avaient trois pétrins, dans un ancien moulin.')).toBe(0);
  });

  it('weighs the words no note uses against those they use', () => {
    const unseen = (word: string) => ({ ...queryTerms({ [word]: 1 })[0]!, idf: 0, df: 0 });
    const one = answerFeatures({ ...evidence, asked: [...queryTerms({ bakery: 3 }), unseen('quorvabake')], quotedTalk: bakery.passage.talkId });
    const two = answerFeatures({ ...evidence, asked: [...queryTerms({ bakery: 3 }), unseen('quorvabake'), unseen('ovenlux')], quotedTalk: bakery.passage.talkId });
    expect(one[at('unseen_share')]).toBeGreaterThan(0);
    expect(two[at('unseen_share')]).toBeGreaterThan(one[at('unseen_share')]!);
    expect(two[at('unseen_share')]).toBeLessThan(1);
    // A word of general English the notes never use ("told" said otherwise) weighs less than a name.
    const common = answerFeatures({ ...evidence, asked: [...queryTerms({ bakery: 3 }), unseen('told')], quotedTalk: bakery.passage.talkId });
    expect(common[at('unseen_share')]).toBeGreaterThan(0);
    expect(common[at('unseen_share')]).toBeLessThan(one[at('unseen_share')]!);
  });
});

describe('secondBestScore', () => {
  it('takes the best other sentence, a sentence two overlapping passages share counted once', () => {
    const sentence = (file: string, lines: [number, number], score: number) => ({ file, lines, score });
    const shared = [sentence('rye.md', [4, 5], 0.9), sentence('rye.md', [4, 5], 0.8), sentence('rye.md', [9, 9], 0.3)];
    expect(secondBestScore(shared)).toBe(0.3);
    expect(secondBestScore([...shared, sentence('oven.md', [4, 5], 0.7)])).toBe(0.7);
    expect(secondBestScore([sentence('rye.md', [4, 5], 0.9)])).toBe(0);
  });
});
