import { describe, expect, it } from 'vitest';
import { fuseByRank, RRF_K } from '../../src/retrieval/fuse.js';
import { fuseRankings, type Rankings } from '../../src/retrieval/retrieve.js';

describe('fuseByRank', () => {
  it('ranks an item found by both rankers above items found by one', () => {
    const fused = fuseByRank([
      { ids: ['a', 'b', 'c'], weight: 1 },
      { ids: ['c', 'd'], weight: 1 },
    ]);
    expect(fused[0]!.id).toBe('c');
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1));
  });

  it('respects weights and ignores empty lists', () => {
    const fused = fuseByRank([
      { ids: ['a'], weight: 1 },
      { ids: ['b'], weight: 2 },
      { ids: [], weight: 5 },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a']);
  });
});

describe('fuseRankings', () => {
  const rankings: Rankings = { lexical: ['a', 'b', 'c'], vector: ['c'], expanded: [], named: ['Harbour Conf 2031'], otherEditions: ['Harbour Conf 2030'] };
  const conferences: Record<string, string> = { a: 'Harbour Conf 2030', b: 'Other Conf', c: 'Harbour Conf 2031' };

  it('multiplies a named conference\'s passages up and divides its other editions\' down', () => {
    const fused = fuseRankings(rankings, (id) => conferences[id], { vector: 0.1, expanded: 0.1, namedConference: 2, rrfK: 10 });
    expect(fused.map((f) => f.id)).toEqual(['c', 'b', 'a']);
    expect(fused[2]!.score).toBeCloseTo(1 / 11 / 2);
  });

  it('keeps the rankings\' own order without a nudge, each ranking by its weight', () => {
    const plain = { ...rankings, named: [], otherEditions: [] };
    expect(fuseRankings(plain, (id) => conferences[id], { vector: 0.01, expanded: 0.1, namedConference: 2, rrfK: 10 }).map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(fuseRankings(plain, (id) => conferences[id], { vector: 1, expanded: 0.1, namedConference: 2, rrfK: 10 }).map((f) => f.id)).toEqual(['c', 'a', 'b']);
  });
});
