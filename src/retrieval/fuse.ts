// Reciprocal rank fusion: combines rankings whose scores are not comparable (BM25 and cosine)
// using ranks only, which makes it robust without per-corpus calibration.

export interface RankedList {
  ids: string[];
  weight: number;
}

/** Smooths the head of each list; 60 is the constant of the original RRF paper. */
export const RRF_K = 60;

/** Fused score per id, highest first. */
export function fuseByRank(lists: RankedList[], k = RRF_K): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
