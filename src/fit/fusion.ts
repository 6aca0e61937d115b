// Fits how the rankings are fused: the weights that put a question's answering passage nearest the head
// of the fused ranking, over the fit's answerable questions. The fused order decides which passages the
// reranker sees and is one of its features, so it is fitted first, on its own. Four numbers and a
// ranking measure with plateaus: a search over a grid, rather than a gradient.
import { fuseRankings, type FusionWeights, type Rankings } from '../retrieval/retrieve.js';

export interface FusionRow {
  rankings: Rankings;
  /** The conference of each ranked passage. */
  conferenceOf: (id: string) => string | undefined;
  /** The ids of the passages that answer the question. */
  answering: ReadonlySet<string>;
}

/** The rank cut of the measure, as eval's MRR@10: below it a passage is not read. */
const CUT = 10;

/** Weights relative to the lexical ranking's 1; rank smoothing from decisive (1) to the RRF paper's 60; the conference nudge from none. */
const GRID = {
  vector: [0.1, 0.2, 0.3, 0.5, 0.7, 1],
  expanded: [0.1, 0.2, 0.3, 0.5, 0.7, 1],
  rrfK: [1, 3, 10, 30, 60],
  namedConference: [1, 1.25, 1.5, 2, 3],
} as const;

/** Mean reciprocal rank, cut at CUT, of each row's first answering passage in the fused ranking. */
export function fusedMrr(rows: readonly FusionRow[], weights: FusionWeights): number {
  if (rows.length === 0) return 0;
  const reciprocal = rows.map(({ rankings, conferenceOf, answering }) => {
    const rank = fuseRankings(rankings, conferenceOf, weights).slice(0, CUT).findIndex(({ id }) => answering.has(id));
    return rank < 0 ? 0 : 1 / (rank + 1);
  });
  return reciprocal.reduce((a, b) => a + b, 0) / rows.length;
}

/** The grid's best weights for the rows; among equals, the first met (the smaller nudges and weights). */
export function fitFusion(rows: readonly FusionRow[]): FusionWeights {
  let best: { weights: FusionWeights; mrr: number } | undefined;
  for (const namedConference of GRID.namedConference) {
    for (const rrfK of GRID.rrfK) {
      for (const vector of GRID.vector) {
        for (const expanded of GRID.expanded) {
          const weights = { vector, expanded, namedConference, rrfK };
          const mrr = fusedMrr(rows, weights);
          if (best === undefined || mrr > best.mrr) best = { weights, mrr };
        }
      }
    }
  }
  return best!.weights;
}
