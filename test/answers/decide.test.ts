import { describe, expect, it } from 'vitest';
import { ANSWER_FEATURES, answerFeatures } from '../../src/answers/decide.js';
import type { CandidatePassage } from '../../src/answers/extract-excerpts.js';
import { termsByTalk } from '../../src/answers/rerank.js';
import { analyze } from '../../src/text/analyze.js';
import { splitSentences } from '../../src/text/sentences.js';
import { passageOf, queryTerms } from './note-fixture.js';

const at = (name: (typeof ANSWER_FEATURES)[number]): number => ANSWER_FEATURES.indexOf(name);
const candidate = (talk: RegExp): CandidatePassage => {
  const passage = passageOf(talk);
  const sentences = splitSentences(passage.text, passage.lines[0], passage.language);
  return { passage, rank: 0, sentences, vectors: sentences.map(() => new Float32Array([1, 0])) };
};

describe('answerFeatures', () => {
  const bakery = candidate(/bakery/);
  const racks = candidate(/Cooling/);
  const talkTerms = termsByTalk([bakery, racks].map(({ passage }) => ({ passage, terms: new Set(analyze(`${passage.text} ${passage.speakers.join(' ')}`)) })));
  const evidence = { answering: [racks, bakery], talkTerms, queryVector: new Float32Array([0.5, 0]), passageScore: 0.8, sentenceScore: 0.6 };

  it('takes the best coverage and cosine among the best talks, and passes the models’ scores on', () => {
    const x = answerFeatures({ ...evidence, asked: queryTerms({ bakery: 3, stock: 2 }), quotedTalk: bakery.passage.talkId });
    expect(x).toHaveLength(ANSWER_FEATURES.length);
    expect(x[at('seen_coverage')]).toBe(1);
    expect(x[at('unseen_share')]).toBe(0);
    expect(x[at('cosine')]).toBeCloseTo(0.5);
    expect([x[at('passage_score')], x[at('sentence_score')]]).toEqual([0.8, 0.6]);
    expect(x[at('unseen_rarity')]).toBe(0);
    expect(x[at('rarest_in_quoted_talk')]).toBe(1);
  });

  it('marks the rarest word missing from the talk quoted', () => {
    const x = answerFeatures({ ...evidence, asked: queryTerms({ bakery: 3, racks: 1 }), quotedTalk: racks.passage.talkId });
    expect(x[at('rarest_in_quoted_talk')]).toBe(0);
  });

  it('rates a word no note uses by its rarity in general English: a name beyond the list counts fully', () => {
    const unseen = (word: string) => ({ ...queryTerms({ [word]: 1 })[0]!, idf: 0, df: 0 });
    const common = answerFeatures({ ...evidence, asked: [...queryTerms({ bakery: 3 }), unseen('house')], quotedTalk: bakery.passage.talkId });
    const name = answerFeatures({ ...evidence, asked: [...queryTerms({ bakery: 3 }), unseen('quorvabake')], quotedTalk: bakery.passage.talkId });
    expect(common[at('unseen_rarity')]).toBeLessThan(0.6);
    expect(name[at('unseen_rarity')]).toBe(1);
  });
});
