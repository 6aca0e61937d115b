// The sentences that answer: the strategy's passages are read as sentences (`read-passages.ts`), scored by the
// fitted sentence model, and their best runs quoted; the strategy then picks the answer's excerpts.
import type { Embedder } from '../../embeddings/embedder.js';
import type { Retrieval } from '../retrieval/retrieve.js';
import type { LineRange } from '../types.js';
import { passageQuotes, scoreSentences, sentenceFeatures, talkRanks, type CandidatePassage, type ScoredExcerpt } from './extract-excerpts.js';
import type { LinearModel } from './linear-model.js';
import type { Intent } from './question-intent.js';
import type { Strategy } from './strategies.js';
import { askedBeyondTalk } from './passage-terms.js';
import { readPassages } from './read-passages.js';
import type { QueryTerm } from './term-weights.js';

export interface ScoredSentence {
  passageId: string;
  file: string;
  lines: LineRange;
  text: string;
  features: number[];
  /** The sentence model's fitted chance that it answers. */
  score: number;
}

export interface ChosenSentences {
  /** The passages read, with their sentences and vectors. */
  candidates: CandidatePassage[];
  /** Every sentence that could be quoted. */
  sentences: ScoredSentence[];
  /** The answer's excerpts, best first. */
  selection: ScoredExcerpt[];
}

export async function chooseSentences(
  context: { embedder: Embedder; talkIds: ReadonlySet<string> },
  { ranked, queryVector }: Retrieval,
  { intent, strategy, passageScore, model, excerpts }: {
    intent: Intent;
    strategy: Strategy;
    /** The reranker's chance for each passage id. */
    passageScore: ReadonlyMap<string, number>;
    model: LinearModel;
    excerpts: number;
  },
): Promise<ChosenSentences> {
  const candidates = await readCandidates(context, strategy.read(ranked));
  const query = { queryTerms: intent.rankingTerms, queryVector, headings: strategy.headings };
  const sentences: ScoredSentence[] = [];
  const quotable = strategy.quotable(candidates, { talkIds: context.talkIds, topicTerms: intent.topicTerms });
  const remaining = await remainingVectors(context.embedder, quotable, intent.rankingTerms);
  const quotes = quotable.flatMap((candidate) => {
    const features = sentenceFeatures(candidate, query, passageScore.get(candidate.passage.id)!, remaining.get(candidate.passage.id));
    const scores = scoreSentences(features, model);
    features.forEach((x, i) => {
      const { lines, text } = candidate.sentences[i]!;
      if (x) sentences.push({ passageId: candidate.passage.id, file: candidate.passage.file, lines, text, features: x, score: scores[i]! });
    });
    return passageQuotes(candidate, scores, strategy.perPassage, strategy.headings);
  });
  return { candidates, sentences, selection: strategy.select(quotes, excerpts) };
}

/**
 * Per passage, the vector of what the question asks once its talk is found (`askedBeyondTalk`). The whole
 * question's vector leans to the sentence naming the speaker; this one to the sentence saying, in other
 * words, what was asked.
 */
async function remainingVectors(embedder: Embedder, candidates: CandidatePassage[], queryTerms: QueryTerm[]): Promise<Map<string, Float32Array>> {
  const texts = new Map(candidates.map(({ passage }) => [passage.id, askedBeyondTalk(passage, queryTerms).map((t) => t.word).join(' ')] as const));
  const distinct = [...new Set(texts.values())].filter((text) => text.length > 0);
  const vectors = new Map(await Promise.all(distinct.map(async (text) => [text, await embedder.embedQuery(text)] as const)));
  return new Map([...texts].flatMap(([id, text]) => (vectors.has(text) ? [[id, vectors.get(text)!] as const] : [])));
}

/** The passages read, with their sentences, and the rank of each one's talk. */
async function readCandidates(context: { embedder: Embedder }, top: Retrieval['ranked']): Promise<CandidatePassage[]> {
  const passages = top.map(({ passage }) => passage);
  const read = await readPassages(context.embedder, passages);
  const ranks = talkRanks(passages);
  return passages.map((passage, i) => ({ passage, rank: ranks[i]!, ...read[i]! }));
}
