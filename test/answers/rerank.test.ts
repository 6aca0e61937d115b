import { describe, expect, it } from 'vitest';
import { answerWeights } from '../../src/answers/answer-weights.js';
import { passageFeatures, PASSAGE_FEATURES, rerank, termsByTalk, type RerankCandidate } from '../../src/answers/rerank.js';
import { analyze } from '../../src/text/analyze.js';
import type { Passage } from '../../src/types.js';
import { passageOf, queryTerms } from './note-fixture.js';

const candidate = (passage: Passage): RerankCandidate => ({
  passage,
  terms: new Set(analyze(`${passage.text} ${passage.talk} ${passage.speakers.join(' ')}`)),
  titleTerms: new Set(analyze(`${passage.talk} ${passage.speakers.join(' ')}`)),
});
const context = { named: [] };
const order = (candidates: RerankCandidate[], terms: ReturnType<typeof queryTerms>): number[] =>
  rerank(passageFeatures(candidates, terms, context), answerWeights.passage);

describe('passageFeatures', () => {
  it('computes one row of every feature per candidate, the talk lending its words to each passage', () => {
    // Ada is named only in the prose of the talk's opening passage, as notes often do.
    const opening = candidate({ ...passageOf(/bakery/), speakers: [] });
    const detail = candidate({ ...opening.passage, id: 'demo.md:90-91', lines: [90, 91], text: 'The oven broke every winter.' });
    const rows = passageFeatures([detail, opening], queryTerms({ ada: 3, oven: 2 }), context);
    expect(rows.every((row) => row.length === PASSAGE_FEATURES.length)).toBe(true);
    const at = (name: (typeof PASSAGE_FEATURES)[number]): number => PASSAGE_FEATURES.indexOf(name);
    // "ada" is only in the opening passage; the detail's talk covers it through the opening.
    expect(rows[0]![at('passage_coverage')]).toBeCloseTo(2 / 5);
    expect(rows[0]![at('talk_coverage')]).toBe(1);
    expect(rows[0]![at('distinctive_in_talk')]).toBe(1);
    expect(rows[0]![at('fused_rank')]).toBe(1);
    expect(rows[1]![at('fused_rank')]).toBe(0.5);
    expect(rows[0]![at('talk_distinctive_coverage')]).toBe(1);
    expect(rows[0]![at('title_coverage')]).toBe(0);
  });

  it('counts the question words its title and speakers name, and weighs names over common words', () => {
    const named = candidate(passageOf(/bakery/));
    const [row] = passageFeatures([named], queryTerms({ ada: 3, winter: 2 }), context);
    const at = (name: (typeof PASSAGE_FEATURES)[number]): number => PASSAGE_FEATURES.indexOf(name);
    expect(row![at('title_coverage')]).toBeCloseTo(3 / 5);
    // "ada" is rare in general English, "winter" common: the distinctive share leans to the name.
    expect(row![at('talk_distinctive_coverage')]).toBeGreaterThan(row![at('talk_coverage')]!);
  });

  it('marks the passages of a conference the question names', () => {
    const here = candidate(passageOf(/bakery/));
    const elsewhere = candidate({ ...passageOf(/Cooling/), conference: 'Other Conf 2031' });
    const rows = passageFeatures([here, elsewhere], queryTerms({ bakery: 3 }), { ...context, named: [here.passage.conference] });
    const at = PASSAGE_FEATURES.indexOf('named_conference');
    expect(rows.map((row) => row[at])).toEqual([1, 0]);
  });
});

describe('rerank with the committed weights', () => {
  it('lifts a passage whose own words and talk cover the question over a better-fused one that does not', () => {
    const racks = candidate(passageOf(/Cooling/));
    const bakery = candidate(passageOf(/bakery/));
    // "racks" leads the fused ranking; the question is about the bakery's stock.
    expect(order([racks, bakery], queryTerms({ bakery: 3, stock: 2 }))).toEqual([1, 0]);
  });

  it('keeps the fused order between passages that cover the question equally', () => {
    const racks = candidate(passageOf(/Cooling/));
    const bakery = candidate(passageOf(/bakery/));
    expect(order([racks, bakery], queryTerms({ unrelated: 1 }))).toEqual([0, 1]);
    expect(order([bakery, racks], queryTerms({ unrelated: 1 }))).toEqual([0, 1]);
  });
});

describe('termsByTalk', () => {
  it('unites the terms of the passages of one talk only', () => {
    const bakery = candidate(passageOf(/bakery/));
    const racks = candidate(passageOf(/Cooling/));
    const talks = termsByTalk([bakery, racks]);
    expect(talks.size).toBe(2);
    expect(talks.get(bakery.passage.talkId)!.has(analyze('spreadsheets')[0]!)).toBe(true);
    expect(talks.get(racks.passage.talkId)!.has(analyze('spreadsheets')[0]!)).toBe(false);
  });
});
