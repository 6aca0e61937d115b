// Reorders the fused candidates by what the answer layer can see and the rankers cannot: how much of
// the question's weight a passage covers (in either language, through the glossary), how much its whole
// talk covers, and how close in meaning its best sentence is. A passage-level vector is a mean over
// a long, often mixed-language passage; its best sentence is not. Pure: the caller supplies vectors.
import type { Passage } from '../types.js';
import { dot } from '../../embeddings/dot.js';
import { coverage, type QueryTerm } from './term-weights.js';

export interface RerankCandidate {
  passage: Passage;
  /** The passage's search terms, text and metadata. */
  terms: ReadonlySet<string>;
  /** One normalised vector per sentence. */
  vectors: Float32Array[];
}

/**
 * Weights of the reranking score. The talk's coverage lets a question naming a speaker met only in the
 * talk's first paragraph reach the paragraph that answers; the fused rank keeps what the rankers agreed on.
 */
export const RERANK_WEIGHTS = {
  passageCoverage: 0.3,
  talkCoverage: 0.3,
  sentenceCosine: 0.2,
  fusedRank: 0.2,
};

export function rerankScores(candidates: RerankCandidate[], queryTerms: QueryTerm[], queryVector: Float32Array): number[] {
  const talkTerms = new Map<string, Set<string>>();
  for (const { passage, terms } of candidates) {
    const union = talkTerms.get(passage.talkId) ?? new Set<string>();
    for (const term of terms) union.add(term);
    talkTerms.set(passage.talkId, union);
  }
  return candidates.map(({ passage, terms, vectors }, rank) => {
    const cosine = Math.max(0, ...vectors.map((v) => dot(v, queryVector)));
    return (
      RERANK_WEIGHTS.passageCoverage * coverage(queryTerms, terms) +
      RERANK_WEIGHTS.talkCoverage * coverage(queryTerms, talkTerms.get(passage.talkId)!) +
      RERANK_WEIGHTS.sentenceCosine * cosine +
      RERANK_WEIGHTS.fusedRank / (1 + rank)
    );
  });
}
