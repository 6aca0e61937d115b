// Reorders the fused candidates by what the rankers cannot see: how much of the question's weight a
// passage covers (in either language, through the glossary) and how much its whole talk covers. A
// question often names the speaker or the company, met only in the talk's first paragraph, and asks
// about a detail further on. Pure and cheap: terms only, so that it can look at many candidates.
import type { Passage } from '../types.js';
import { coverage, type QueryTerm } from './term-weights.js';

export interface RerankCandidate {
  passage: Passage;
  /** The passage's search terms, text and metadata. */
  terms: ReadonlySet<string>;
}

/**
 * Weights of the reranking score; the fused rank keeps what the lexical and vector rankers agreed on.
 * The best sentence's cosine was tried as a fourth feature: it changed no ranking measurably on the
 * development questions and cost three quarters of an answer's time (every sentence of 50 passages embedded).
 */
export const RERANK_WEIGHTS = { passageCoverage: 0.3, talkCoverage: 0.3, fusedRank: 0.2 };

/** Per talk, the terms of all its passages among the candidates. */
export function termsByTalk(candidates: ReadonlyArray<RerankCandidate>): Map<string, Set<string>> {
  const talkTerms = new Map<string, Set<string>>();
  for (const { passage, terms } of candidates) {
    const union = talkTerms.get(passage.talkId) ?? new Set<string>();
    for (const term of terms) union.add(term);
    talkTerms.set(passage.talkId, union);
  }
  return talkTerms;
}

/** Indexes of the candidates (given in fused order), best first. */
export function rerank(candidates: ReadonlyArray<RerankCandidate>, queryTerms: QueryTerm[]): number[] {
  const talkTerms = termsByTalk(candidates);
  const scores = candidates.map(
    ({ passage, terms }, rank) =>
      RERANK_WEIGHTS.passageCoverage * coverage(queryTerms, terms) +
      RERANK_WEIGHTS.talkCoverage * coverage(queryTerms, talkTerms.get(passage.talkId)!) +
      RERANK_WEIGHTS.fusedRank / (1 + rank),
  );
  return candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}
