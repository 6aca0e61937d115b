import { describe, expect, it } from 'vitest';
import { fuseByRank, RRF_K } from '../../src/retrieval/fuse.js';

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
