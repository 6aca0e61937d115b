// Ranks passages for a question: the store's lexical and vector rankings and a lexical search of the
// question's expansion (glossary translations, words joined), fused by rank, then nudged towards
// a conference the question names. The same code serves ask, eval and the bots.
import type { Embedder } from '../../embeddings/embedder.js';
import type { Store } from '../index/store.js';
import type { Passage, RankedPassage } from '../types.js';
import { fuseByRank } from './fuse.js';
import { conferencesNamedIn, otherEditionsIn } from './conference-match.js';
import { expandQuery } from './expand-query.js';

export type RankingMode = 'hybrid' | 'lexical' | 'vector';

export interface RetrievalContext {
  store: Store;
  embedder: Embedder;
  /** Names of the indexed conferences, to notice when a question names one. */
  conferences: string[];
}

export interface FusionWeights {
  lexical: number;
  vector: number;
  /** The question's words as the notes may write them instead (other language, words joined), searched lexically. */
  expanded: number;
  /** Multiplier for passages of a conference the question names, and divisor for other editions of it. */
  namedConference: number;
  /** Rank smoothing of the fusion: small values keep the head of each ranking decisive. */
  rrfK: number;
}

/**
 * Lexical ranking is the stronger ranker on notes (names, jargon); the static word vectors add
 * paraphrases and the expansion adds the other language and joined words, each at a lower
 * weight so that they reorder and fill in rather than push exact matches out. Chosen on half of the dev
 * questions.
 */
export const WEIGHTS: FusionWeights = { lexical: 1, vector: 0.3, expanded: 0.3, namedConference: 1.5, rrfK: 10 };

export interface Retrieval {
  ranked: RankedPassage[];
  queryVector: Float32Array;
  /** Conferences the question names, if any. */
  conferences: string[];
}

/** How many hits each ranker contributes before fusion. */
const DEPTH = 50;

export async function retrieve(
  context: RetrievalContext,
  question: string,
  { limit = 10, mode = 'hybrid' }: { limit?: number; mode?: RankingMode } = {},
): Promise<Retrieval> {
  const queryVector = await context.embedder.embedQuery(question);
  const expanded = mode === 'hybrid' ? expandQuery(question) : '';
  const [lexical, vector, equivalents] = await Promise.all([
    mode === 'vector' ? [] : context.store.lexicalSearch(question, DEPTH),
    mode === 'lexical' ? [] : context.store.vectorSearch(queryVector, DEPTH),
    expanded === '' ? [] : context.store.lexicalSearch(expanded, DEPTH),
  ]);
  const fused = fuseByRank([
    { ids: lexical.map((h) => h.id), weight: WEIGHTS.lexical },
    { ids: vector.map((h) => h.id), weight: WEIGHTS.vector },
    { ids: equivalents.map((h) => h.id), weight: WEIGHTS.expanded },
  ], WEIGHTS.rrfK);
  const named = conferencesNamedIn(question, context.conferences);
  const passages = new Map((await context.store.passages(fused.map((f) => f.id))).map((p) => [p.id, p] as const));
  const lexicalRank = new Map(lexical.map((h, i) => [h.id, i + 1] as const));
  const vectorRank = new Map(vector.map((h, i) => [h.id, i + 1] as const));
  const otherEditions = otherEditionsIn(question, context.conferences).filter((c) => !named.includes(c));
  const boost = (p: Passage): number => {
    if (named.includes(p.conference)) return WEIGHTS.namedConference;
    return otherEditions.includes(p.conference) ? 1 / WEIGHTS.namedConference : 1;
  };
  const ranked = fused
    .flatMap(({ id, score }) => {
      const passage = passages.get(id);
      return passage
        ? [{ passage, score: score * boost(passage), ranks: { lexical: lexicalRank.get(id), vector: vectorRank.get(id) } }]
        : [];
    })
    .sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id))
    .slice(0, limit);
  return { ranked, queryVector, conferences: named };
}
