import { describe, expect, it } from 'vitest';
import { fitFusion, fusedMrr, type FusionRow } from '../../src/fit/fusion.js';
import type { Rankings } from '../../src/retrieval/retrieve.js';

const rankings = (partial: Partial<Rankings>): Rankings => ({ lexical: [], vector: [], expanded: [], named: [], otherEditions: [], ...partial });
const row = (partial: Partial<Rankings>, answering: string[], conferences: Record<string, string> = {}): FusionRow => ({
  rankings: rankings(partial),
  conferenceOf: (id) => conferences[id],
  answering: new Set(answering),
});
const even = { vector: 1, expanded: 1, namedConference: 1, rrfK: 60 };

describe('fusedMrr', () => {
  it('is the mean reciprocal rank of each question\'s first answering passage, nothing past the tenth', () => {
    const first = row({ lexical: ['a', 'b'] }, ['a']);
    const second = row({ lexical: ['a', 'b'] }, ['b']);
    const deep = row({ lexical: Array.from({ length: 12 }, (_, i) => `p${i}`) }, ['p11']);
    expect(fusedMrr([first, second, deep], even)).toBeCloseTo((1 + 1 / 2 + 0) / 3);
  });
});

describe('fitFusion', () => {
  // Five lexical decoys ahead of the answer, which the other ranking puts first.
  const decoys = ['d1', 'd2', 'd3', 'd4', 'd5'];

  it('weighs the vector ranking up when it finds what the lexical one buries, and down when it misleads', () => {
    const vectorFinds = [1, 2, 3].map((i) => row({ lexical: [...decoys, `a${i}`], vector: [`a${i}`] }, [`a${i}`]));
    expect(fitFusion(vectorFinds).vector).toBe(1);
    const vectorMisleads = [1, 2, 3].map((i) => row({ lexical: [`a${i}`, ...decoys], vector: [...decoys].reverse() }, [`a${i}`]));
    // Any weight at which the lexical head stays first is as good; the smallest is taken.
    expect(fitFusion(vectorMisleads).vector).toBe(0.1);
  });

  it('nudges a named conference\'s passages up as far as the questions need', () => {
    const conferences = { a: 'Harbour Conf 2031', d1: 'Other Conf 2031', d2: 'Other Conf 2031' };
    const named = [row({ lexical: ['d1', 'd2', 'a'], named: ['Harbour Conf 2031'] }, ['a'], conferences)];
    const fitted = fitFusion(named);
    expect(fitted.namedConference).toBeGreaterThan(1);
    expect(fusedMrr(named, fitted)).toBe(1);
    // Without a conference named, no nudge is fitted.
    expect(fitFusion([row({ lexical: ['a', 'd1'] }, ['a'], conferences)]).namedConference).toBe(1);
  });
});
