// Ranks passages for a question: the store's lexical and vector rankings and a lexical search of the
// question's expansion (glossary translations, words joined, the note terms its unknown words were read
// as), fused by rank, then nudged towards a conference the question names. The same code serves ask,
// eval and the bots.
import type { Embedder } from '../../embeddings/embedder.js';
import type { Store } from '../index/store.js';
import type { RankedPassage } from '../types.js';
import { fuseByRank } from './fuse.js';
import { conferencesNamedIn, otherEditionsIn } from './conference-match.js';
import { expandQuery } from './expand-query.js';
import { analyze } from '../text/analyze.js';
import { unwrapped } from '../text/greetings.js';

export type RankingMode = 'hybrid' | 'lexical' | 'vector';

export interface RetrievalContext {
  store: Store;
  embedder: Embedder;
  /** Names of the indexed conferences, to notice when a question names one. */
  conferences: string[];
}

/**
 * How the rankings are fused, relative to the lexical ranking's weight of 1. Fitted (src/fit/fusion.ts)
 * with the answer layer's other weights, in src/answers/answer-weights.json.
 */
export interface FusionWeights {
  vector: number;
  /** The question's words as the notes may write them instead (other language, words joined), searched lexically. */
  expanded: number;
  /** Multiplier for passages of a conference the question names, and divisor for other editions of it. */
  namedConference: number;
  /** Rank smoothing of the fusion: small values keep the head of each ranking decisive. */
  rrfK: number;
}

/** Each ranker's passage ids, best first, and the conferences the question names or asks another edition of. */
export interface Rankings {
  lexical: string[];
  vector: string[];
  expanded: string[];
  named: string[];
  otherEditions: string[];
}

export interface Retrieval {
  ranked: RankedPassage[];
  queryVector: Float32Array;
  /** Conferences the question names, if any. */
  conferences: string[];
  /** What was fused: fitting the fusion weights reads it. */
  rankings: Rankings;
}

/** How many hits each ranker contributes before fusion. */
const DEPTH = 50;

/** Fused passage ids, best first: the rankings by weighted reciprocal rank, a named conference's passages multiplied up. */
export function fuseRankings(rankings: Rankings, conferenceOf: (id: string) => string | undefined, weights: FusionWeights): Array<{ id: string; score: number }> {
  const fused = fuseByRank([
    { ids: rankings.lexical, weight: 1 },
    { ids: rankings.vector, weight: weights.vector },
    { ids: rankings.expanded, weight: weights.expanded },
  ], weights.rrfK);
  const boost = (id: string): number => {
    const conference = conferenceOf(id);
    if (conference === undefined) return 1;
    if (rankings.named.includes(conference)) return weights.namedConference;
    return rankings.otherEditions.includes(conference) ? 1 / weights.namedConference : 1;
  };
  return fused.map(({ id, score }) => ({ id, score: score * boost(id) })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

export async function retrieve(
  context: RetrievalContext,
  question: string,
  {
    limit = 10,
    mode = 'hybrid',
    fusion,
    readings = [],
  }: {
    limit?: number;
    mode?: RankingMode;
    fusion: FusionWeights;
    /** Note terms that words of the question no note uses were read as (cut short, mistyped): searched with the expansion. */
    readings?: readonly string[];
  },
): Promise<Retrieval> {
  const queryVector = await context.embedder.embedQuery(unwrapped(question));
  // Searched as terms: a reading is a stem, which analysing it as text could cut otherwise.
  const expanded = mode === 'hybrid' ? [...analyze(expandQuery(question)), ...readings] : [];
  const [lexical, vector, equivalents] = await Promise.all([
    mode === 'vector' ? [] : context.store.lexicalSearch(question, DEPTH),
    mode === 'lexical' ? [] : context.store.vectorSearch(queryVector, DEPTH),
    expanded.length === 0 ? [] : context.store.lexicalSearch(expanded, DEPTH),
  ]);
  const named = conferencesNamedIn(question, context.conferences);
  const rankings: Rankings = {
    lexical: lexical.map((h) => h.id),
    vector: vector.map((h) => h.id),
    expanded: equivalents.map((h) => h.id),
    named,
    otherEditions: otherEditionsIn(question, context.conferences).filter((c) => !named.includes(c)),
  };
  const ids = [...new Set([...rankings.lexical, ...rankings.vector, ...rankings.expanded])];
  const passages = new Map((await context.store.passages(ids)).map((p) => [p.id, p] as const));
  const lexicalRank = new Map(lexical.map((h, i) => [h.id, i + 1] as const));
  const vectorRank = new Map(vector.map((h, i) => [h.id, i + 1] as const));
  const ranked = fuseRankings(rankings, (id) => passages.get(id)?.conference, fusion)
    .flatMap(({ id, score }) => {
      const passage = passages.get(id);
      return passage ? [{ passage, score, ranks: { lexical: lexicalRank.get(id), vector: vectorRank.get(id) } }] : [];
    })
    .slice(0, limit);
  return { ranked, queryVector, conferences: named, rankings };
}
