// A small two-language note parsed by the real parser, for the pure answer-layer tests.
import { lexicalIndexOf } from '../../src/index/lexical-index.js';
import { parseNote } from '../../src/notes/parse-note.js';
import { termsOf, words } from '../../src/text/analyze.js';
import { rarity } from '../../src/text/word-rarity.js';
import type { QueryTerm } from '../../src/answers/term-weights.js';
import type { CandidatePassage } from '../../src/answers/extract-excerpts.js';
import { sentenceTerms } from '../../src/answers/read-passages.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Passage } from '../../src/types.js';

const NOTE = [
  '# Demo Conf 2030',
  '',
  '## Running a bakery on spreadsheets',
  '',
  '### Ada Example',
  '',
  'Ada runs a bakery and told us how its stock lives in shared spreadsheets.',
  '',
  '## Les pannes de la boulangerie',
  '',
  'Ada a raconté comment le pétrin tombait en panne chaque hiver.',
  'Le stock de farine était vérifié à la main.',
  '',
  'Ils ont fini par acheter deux pétrins. Depuis, plus aucune panne pendant les fêtes.',
  '',
  '## Cooling racks',
  '',
  'Racks need airflow. Cooling racks were the theme of the whole afternoon, racks everywhere.',
  '',
  '## Links from the afternoon',
  '',
  'The ovens of Bakehouse 24 ran hot all afternoon, said the baker. [Slides](https://example.com/ovens/temperature)',
  '',
].join('\n');

export const note = parseNote({ file: 'demo.md', text: NOTE, encoding: 'UTF-8', hash: 'demo' });

/** The embedded store's own lexical index over the note, with the store calls that weighing a question's words makes. */
export const lexicalIndex = lexicalIndexOf(note.passages);
export const noteStore = {
  documentFrequency: async (terms: readonly string[]) => lexicalIndex.documentFrequency(terms),
  termsBeginning: async (prefix: string, limit: number) => lexicalIndex.termsBeginning(prefix, limit),
  lexicalSearch: async (query: readonly string[] | string, k: number) => lexicalIndex.search(query, k),
  passages: async (ids: string[]) => note.passages.filter(({ id }) => ids.includes(id)),
};

/** The note's lines, 0-based: a quote citing lines a..b must lie within noteLines.slice(a - 1, b). */
export const noteLines = NOTE.split('\n');

export const passageOf = (talk: RegExp): Passage => {
  const passage = note.passages.find((p) => talk.test(p.talk));
  if (!passage) throw new Error(`no passage for ${talk}`);
  return passage;
};

/** Query terms with chosen weights, analysed as the answer layer analyses a question. */
export const queryTerms = (weights: Record<string, number>): QueryTerm[] =>
  Object.entries(weights).map(([word, idf]) => ({ word, terms: termsOf(words(word)[0]!), idf, df: 1, rarity: rarity(word) }));

/** A passage read for quotes as the answer layer reads it, every sentence given the same vector. */
export const candidateOf = (passage: Passage, rank = 0, vector = new Float32Array(3)): CandidatePassage => {
  const sentences = splitSentences(passage);
  return { passage, rank, sentences, terms: sentences.map(sentenceTerms), vectors: sentences.map(() => vector) };
};
