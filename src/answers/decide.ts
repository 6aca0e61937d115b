// Decides whether the notes answer: a fitted chance that they answer the question, from how much of the
// question the best talks cover, how close in meaning their sentences are, the reranker's and the
// sentence scorer's own scores, whether the question's rarest word is said in the talk quoted, and how
// rare in general English the question's words are that no note uses (a product or a company the notes
// never mention leaves them silent, whatever the common words match). Below the threshold, it abstains.
import { dot } from '../../embeddings/dot.js';
import { rarity } from '../text/word-rarity.js';
import type { CandidatePassage } from './extract-excerpts.js';
import { probability, type LinearModel } from './linear-model.js';
import { coverage, rarestTerm, UNSEEN_WORD_WEIGHT, type QueryTerm } from './term-weights.js';

export const ANSWER_FEATURES = [
  'seen_coverage',
  'unseen_share',
  'cosine',
  'passage_score',
  'sentence_score',
  'unseen_rarity',
  'rarest_in_quoted_talk',
] as const;

/** Best passages whose talks' word coverage counts: deeper, some talk covers any question's words. */
const DEPTH = 3;

export interface Evidence {
  /** The passages that may answer, best first (the named conference's, or those about the event). */
  answering: CandidatePassage[];
  /** Per talk id, the terms of its passages among the candidates. */
  talkTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** The words whose coverage counts (the topic, or what is asked about the event). */
  asked: QueryTerm[];
  queryVector: Float32Array;
  /** The reranker's chance for the best answering passage. */
  passageScore: number;
  /** The sentence scorer's chance for the best quote. */
  sentenceScore: number;
  /** The talk of the best quote. */
  quotedTalk?: string;
}

export function answerFeatures({ answering, talkTerms, asked, queryVector, passageScore, sentenceScore, quotedTalk }: Evidence): number[] {
  const considered = answering.slice(0, DEPTH);
  // What the notes use of the question, and how much of it they never use, apart: a paraphrase and a
  // name the notes never mention both leave words unseen; the rest of the question tells them apart.
  const seen = asked.filter((t) => t.df > 0);
  const cover = Math.max(0, ...considered.map(({ passage }) => coverage(seen, talkTerms.get(passage.talkId)!)));
  // By weight, not by terms: neighbouring words share their compound ("one direction" → "onedirection").
  const unseenWeight = (asked.length - seen.length) * UNSEEN_WORD_WEIGHT;
  const unseenShare = unseenWeight === 0 ? 0 : unseenWeight / (unseenWeight + seen.reduce((sum, t) => sum + t.idf, 0));
  const cosine = Math.max(0, ...considered.flatMap(({ vectors }) => vectors.map((v) => dot(v, queryVector))));
  const unseen = Math.max(0, ...asked.filter((t) => t.df === 0).map((t) => rarity(t.word)));
  const rarest = rarestTerm(asked);
  const quoted = quotedTalk === undefined ? undefined : talkTerms.get(quotedTalk);
  const rarestQuoted = rarest === undefined || (quoted && rarest.terms.some((t) => quoted.has(t))) ? 1 : 0;
  return [cover, unseenShare, cosine, passageScore, sentenceScore, unseen, rarestQuoted];
}

/** The fitted chance that the notes answer the question. */
export const confidenceOf = (features: readonly number[], model: LinearModel): number => probability(model, features);
