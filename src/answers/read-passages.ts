// The passages read for quotes, each split into sentences, every sentence with its search terms and its
// vector. Splitting, analysing and embedding the ten passages read was half of a warm answer (Dec 2026,
// the answering bench under a profiler); the same passages come back with the next questions, so the
// recently read keep their reading, one store of them per embedder (the vectors are the model's).
//
// A passage holds about ten sentences: at 384 dimensions, 1,024 passages (the passages read by the last
// hundred or so questions) keep some 16 MB of vectors, and 4 MB with the default 100-dimensional model.
import type { Embedder } from '../../embeddings/embedder.js';
import { plainText } from '../notes/prose.js';
import { analyze } from '../text/analyze.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import type { Passage } from '../types.js';
import { RecentlyUsed } from './recently-used.js';

export interface ReadPassage {
  sentences: Sentence[];
  /** Each sentence's search terms, same order. */
  terms: ReadonlySet<string>[];
  /** Each sentence's vector, same order, normalised. */
  vectors: Float32Array[];
}

const CAPACITY = 1024;
const readings = new WeakMap<Embedder, RecentlyUsed<ReadPassage>>();

/** A sentence's search terms: its words without their Markdown. */
export const sentenceTerms = (sentence: Sentence): ReadonlySet<string> => new Set(analyze(plainText(sentence.text)));

// Everything a passage's sentences are derived from: its place (the sentences' lines), language, text and
// Markdown structure, which an edit elsewhere in its note may change (a code fence opened above it).
const keyOf = ({ id, language, text, structure }: Passage): string => `${id}\u0000${language}\u0000${text}\u0000${JSON.stringify(structure ?? null)}`;

/** The passages' sentences, in order; the sentences of passages not read recently are embedded in one batch. */
export async function readPassages(embedder: Embedder, passages: readonly Passage[]): Promise<ReadPassage[]> {
  let recent = readings.get(embedder);
  if (recent === undefined) readings.set(embedder, (recent = new RecentlyUsed(CAPACITY)));
  const read = passages.map((passage) => recent.get(keyOf(passage)));
  const unread = read.flatMap((known, i) => (known === undefined ? [i] : []));
  const split = unread.map((i) => splitSentences(passages[i]!));
  const vectors = await embedder.embedPassages(split.flat().map((sentence) => sentence.text));
  let offset = 0;
  unread.forEach((i, k) => {
    const sentences = split[k]!;
    read[i] = { sentences, terms: sentences.map(sentenceTerms), vectors: vectors.slice(offset, (offset += sentences.length)) };
    recent.set(keyOf(passages[i]!), read[i]);
  });
  return read as ReadPassage[];
}
