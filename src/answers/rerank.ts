// Reorders the fused candidates by what the rankers cannot see: how much of the question's weight a
// passage covers (in either language, through the glossary), how much its whole talk covers, and whether
// the talk says the question's most distinctive word (a name met once weighs more than any number of common words).
// A question often names the speaker or the company, met only in the talk's first paragraph, and asks
// about a detail further on. How much each feature counts is fitted (src/fit/), not chosen.
import type { Retrieval } from '../retrieval/retrieve.js';
import type { Passage } from '../types.js';
import { logit, probability, type LinearModel } from './linear-model.js';
import { passageTerms, titleTerms } from './passage-terms.js';
import { coverage, distinctiveCoverage, mostDistinctiveTerm, says, type QueryTerm } from './term-weights.js';

export interface RerankCandidate {
  passage: Passage;
  /** The passage's search terms, text and metadata. */
  terms: ReadonlySet<string>;
  /** The search terms of its talk's title, speakers and companies. */
  titleTerms: ReadonlySet<string>;
  /** 1-based ranks of the passage in the lexical and vector rankings, when it was in them. */
  ranks?: { lexical?: number; vector?: number };
}

export const PASSAGE_FEATURES = [
  'fused_rank',
  'lexical_rank',
  'vector_rank',
  'passage_coverage',
  'talk_coverage',
  'distinctive_in_talk',
  'talk_distinctive_coverage',
  'title_coverage',
  'named_conference',
] as const;

export interface PassageContext {
  /** The conferences the question names (none when it names none). */
  named: readonly string[];
}

/** Per talk, the terms of all its passages among the candidates. */
export function termsByTalk(candidates: ReadonlyArray<Pick<RerankCandidate, 'passage' | 'terms'>>): Map<string, Set<string>> {
  const talkTerms = new Map<string, Set<string>>();
  for (const { passage, terms } of candidates) {
    const union = talkTerms.get(passage.talkId) ?? new Set<string>();
    for (const term of terms) union.add(term);
    talkTerms.set(passage.talkId, union);
  }
  return talkTerms;
}

const reciprocal = (rank: number | undefined): number => (rank === undefined ? 0 : 1 / rank);

/** One row of PASSAGE_FEATURES per candidate, candidates in fused order. */
export function passageFeatures(candidates: ReadonlyArray<RerankCandidate>, queryTerms: QueryTerm[], { named }: PassageContext): number[][] {
  const talkTerms = termsByTalk(candidates);
  const distinctive = mostDistinctiveTerm(queryTerms);
  return candidates.map(({ passage, terms, titleTerms, ranks }, rank) => {
    const talk = talkTerms.get(passage.talkId)!;
    return [
      1 / (1 + rank),
      reciprocal(ranks?.lexical),
      reciprocal(ranks?.vector),
      coverage(queryTerms, terms),
      coverage(queryTerms, talk),
      distinctive && says(talk, distinctive) ? 1 : 0,
      // Names weigh more than common words: the share of the question's distinctive weight the talk says.
      distinctiveCoverage(queryTerms, talk),
      // A question naming the speaker, the company or the talk's subject names what its heading says.
      coverage(queryTerms, titleTerms),
      // A question naming a conference asks about what happened there, however close another one's words.
      named.includes(passage.conference) ? 1 : 0,
    ];
  });
}

/** Indexes of the candidates (given in fused order), best first by the fitted score; ties keep the fused order. */
export function rerank(features: readonly number[][], model: LinearModel): number[] {
  const scores = features.map((x) => logit(model, x));
  return features.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

export interface Reranked {
  /** The retrieval with its passages in the reranked order. */
  retrieval: Retrieval;
  /** The fused pool, in fused order, with its features. */
  pool: Array<RerankCandidate & { features: number[] }>;
  /** The reranker's fitted chance for each passage id. */
  passageScore: Map<string, number>;
}

/** The fused passages reordered by the fitted model; with `reorder` false (a baseline), scored but kept in order. */
export function rerankRetrieval(fused: Retrieval, queryTerms: QueryTerm[], context: PassageContext, model: LinearModel, reorder = true): Reranked {
  const candidates: RerankCandidate[] = fused.ranked.map(({ passage, ranks }) => ({ passage, terms: passageTerms(passage), titleTerms: titleTerms(passage), ranks }));
  const rows = passageFeatures(candidates, queryTerms, context);
  const order = reorder ? rerank(rows, model) : rows.map((_, i) => i);
  return {
    retrieval: { ...fused, ranked: order.map((i) => fused.ranked[i]!) },
    pool: candidates.map((candidate, i) => ({ ...candidate, features: rows[i]! })),
    passageScore: new Map(candidates.map(({ passage }, i) => [passage.id, probability(model, rows[i]!)] as const)),
  };
}
