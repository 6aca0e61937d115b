// Recall@k of a store's vector search against exact search over the same vectors.
import type { Store } from '../../src/index/store.js';
import { exactIndex } from '../../src/index/vector-index.js';

/** Queries that are not stored vectors: every 97th vector mixed with its neighbour, normalised. */
export function mixedQueries(vectors: Float32Array[]): Float32Array[] {
  return vectors.flatMap((v, i) => {
    if (i % 97 !== 0 || i + 1 >= vectors.length) return [];
    const mixed = v.map((x, d) => x + vectors[i + 1]![d]!);
    const norm = Math.hypot(...mixed);
    return [mixed.map((x) => x / norm)];
  });
}

/**
 * Copies of the seeds make exact ties, so a hit counts when it scores as well as the exact k-th one.
 * Also returns the median search time.
 */
export async function recallAgainstExact(
  store: Store,
  vectors: Float32Array[],
  queries: Float32Array[],
  k = 10,
): Promise<{ recall: number; medianMs: number }> {
  const matrix = new Float32Array(vectors.length * vectors[0]!.length);
  vectors.forEach((v, i) => matrix.set(v, i * v.length));
  const exact = exactIndex([matrix], vectors[0]!.length);
  let found = 0;
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const hits = await store.vectorSearch(query, k);
    times.push(performance.now() - started);
    const kth = exact.search(query, k)[k - 1]!.score;
    found += hits.filter((h) => h.score >= kth - 1e-5).length;
  }
  times.sort((a, b) => a - b);
  return { recall: found / (queries.length * k), medianMs: times[times.length >> 1]! };
}
