// Ranks passages for a question: the lexical and the vector rankings of the store, fused by rank,
// then nudged towards the conference the question names. The same code serves ask, eval and the bots.
import type { Embedder } from '../../embeddings/embedder.js';
import type { Store } from '../index/store.js';
import type { Passage, RankedPassage } from '../types.js';
import { fuseByRank } from './fuse.js';
import { conferencesNamedIn } from './conference-match.js';

export type RankingMode = 'hybrid' | 'lexical' | 'vector';

export interface RetrievalContext {
  store: Store;
  embedder: Embedder;
  /** Names of the indexed conferences, to notice when a question names one. */
  conferences: string[];
}

export interface Retrieval {
  ranked: RankedPassage[];
  queryVector: Float32Array;
  /** Conferences the question names, if any. */
  conferences: string[];
}

/** How many hits each ranker contributes before fusion. */
const DEPTH = 50;
/** Weights of the two rankers in the fusion. */
export const LEXICAL_WEIGHT = 1;
export const VECTOR_WEIGHT = 1;
/** Multiplier for passages of a conference the question names. */
export const NAMED_CONFERENCE_BOOST = 1.5;

export async function retrieve(
  context: RetrievalContext,
  question: string,
  { limit = 10, mode = 'hybrid' }: { limit?: number; mode?: RankingMode } = {},
): Promise<Retrieval> {
  const queryVector = await context.embedder.embedQuery(question);
  const [lexical, vector] = await Promise.all([
    mode === 'vector' ? [] : context.store.lexicalSearch(question, DEPTH),
    mode === 'lexical' ? [] : context.store.vectorSearch(queryVector, DEPTH),
  ]);
  const fused = fuseByRank([
    { ids: lexical.map((h) => h.id), weight: LEXICAL_WEIGHT },
    { ids: vector.map((h) => h.id), weight: VECTOR_WEIGHT },
  ]);
  const named = conferencesNamedIn(question, context.conferences);
  const passages = new Map((await context.store.passages(fused.map((f) => f.id))).map((p) => [p.id, p] as const));
  const lexicalRank = new Map(lexical.map((h, i) => [h.id, i + 1] as const));
  const vectorRank = new Map(vector.map((h, i) => [h.id, i + 1] as const));
  const boost = (p: Passage): number => (named.includes(p.conference) ? NAMED_CONFERENCE_BOOST : 1);
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
