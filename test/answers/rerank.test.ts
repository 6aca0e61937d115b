import { describe, expect, it } from 'vitest';
import { rerank, termsByTalk } from '../../src/answers/rerank.js';
import { analyze } from '../../src/text/analyze.js';
import type { Passage } from '../../src/types.js';
import { note, passageOf, queryTerms } from './note-fixture.js';

const candidate = (passage: Passage) => ({ passage, terms: new Set(analyze(`${passage.text} ${passage.talk} ${passage.speakers.join(' ')}`)) });

describe('rerank', () => {
  it('lifts a passage whose own words and talk cover the question over a better-fused one that does not', () => {
    const racks = candidate(passageOf(/Cooling/));
    const bakery = candidate(passageOf(/bakery/));
    // "racks" leads the fused ranking; the question is about the bakery's stock.
    const order = rerank([racks, bakery], queryTerms({ bakery: 3, stock: 2 }));
    expect(order).toEqual([1, 0]);
  });

  it("lets a passage borrow its talk's words: the speaker named in the talk's first paragraph", () => {
    // Ada is named only in the prose of the talk's opening passage, as notes often do.
    const opening = candidate({ ...passageOf(/bakery/), speakers: [] });
    const detail = candidate({ ...opening.passage, speakers: [], id: 'demo.md:90-91', lines: [90, 91], text: 'The oven broke every winter.' });
    const elsewhere = candidate({ ...passageOf(/Cooling/), text: 'An oven was shown too.' });
    const question = queryTerms({ ada: 3, oven: 2 });
    expect(rerank([elsewhere, detail], question)).toEqual([0, 1]);
    expect(rerank([elsewhere, detail, opening], question).indexOf(1)).toBeLessThan(rerank([elsewhere, detail, opening], question).indexOf(0));
  });

  it('keeps the fused order between passages that cover the question equally', () => {
    const racks = candidate(passageOf(/Cooling/));
    const bakery = candidate(passageOf(/bakery/));
    expect(rerank([racks, bakery], queryTerms({ unrelated: 1 }))).toEqual([0, 1]);
    expect(rerank([bakery, racks], queryTerms({ unrelated: 1 }))).toEqual([0, 1]);
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
    expect(note.passages.length).toBeGreaterThanOrEqual(3);
  });
});
