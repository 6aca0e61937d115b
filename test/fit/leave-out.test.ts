import { describe, expect, it } from 'vitest';
import { leftOut, namesLeftOut, withoutFeatures } from '../../src/fit/leave-out.js';
import { ConfnotesError } from '../../src/errors.js';

describe('leftOut', () => {
  it('finds the stage of a feature one stage has, and takes a stage-qualified name for one two stages share', () => {
    const left = leftOut(['unseen_share', 'talk_coverage', 'sentence:passage_score']);
    expect([...left.answer]).toEqual(['unseen_share']);
    expect([...left.passage]).toEqual(['talk_coverage']);
    expect([...left.sentence]).toEqual(['passage_score']);
    expect(namesLeftOut(left)).toEqual(['passage:talk_coverage', 'sentence:passage_score', 'answer:unseen_share']);
  });

  it('refuses a name that is no fitted feature, or that two stages share', () => {
    expect(() => leftOut(['unseen'])).toThrow(ConfnotesError);
    expect(() => leftOut(['answer:cosine'])).toThrow(/no fitted feature "answer:cosine"/);
    expect(() => leftOut(['passage_score'])).toThrow(/sentence:passage_score or answer:passage_score/);
  });
});

describe('withoutFeatures', () => {
  it('sets the left-out columns to 0 and keeps labels and weights', () => {
    const samples = [{ x: [0.5, 2, 3], y: 1 as const, weight: 0.25 }];
    expect(withoutFeatures(['a', 'b', 'c'], samples, new Set(['b']))).toEqual([{ x: [0.5, 0, 3], y: 1, weight: 0.25 }]);
    expect(samples[0]!.x).toEqual([0.5, 2, 3]);
    expect(withoutFeatures(['a', 'b', 'c'], samples, new Set(['z']))).toEqual(samples);
  });
});
