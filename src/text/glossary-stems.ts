// The glossary keyed by stems, which is how query expansion looks words up (src/retrieval/expand-query.ts).
// Stemming its ~16,000 words took ~200 ms, paid by every `confnotes ask` before answering, so the keyed
// maps are stored in glossary-data/stems.json, written by `node scripts/glossary-stems.mjs` from the same
// functions. The file names the glossary it was computed from: when the glossary changes and the file was
// not written again, the maps are computed here as before, so answers never depend on a stale file (and
// test/text/glossary-stems.test.ts fails until it is written again).
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { foldAccents } from './analyze.js';
import { englishToFrench, frenchToEnglish, glossarySha256 } from './glossary.js';
import stored from './glossary-data/stems.json' with { type: 'json' };

export const englishStem = (word: string): string => englishStemmer(foldAccents(word.toLowerCase()));
export const frenchStem = (word: string): string => foldAccents(frenchStemmer(word.toLowerCase()));

export interface StemmedGlossary {
  /** French stem → English equivalents. */
  toEnglish: ReadonlyMap<string, readonly string[]>;
  /** English stem → French forms. */
  toFrench: ReadonlyMap<string, readonly string[]>;
}

/** What stems.json holds: the maps as entry lists, and the glossary they were computed from. */
export interface StoredStems {
  glossarySha256: string;
  toEnglish: Array<[string, string[]]>;
  toFrench: Array<[string, string[]]>;
}

// Each side is keyed by its own language's stem only: keying French forms by their English stem too
// would let English question words collide with unrelated French forms.
const byStem = (map: ReadonlyMap<string, readonly string[]>, stem: (word: string) => string): Map<string, readonly string[]> => {
  const keyed = new Map<string, readonly string[]>();
  for (const [word, translations] of map) {
    const key = stem(word);
    keyed.set(key, [...new Set([...(keyed.get(key) ?? []), ...translations])]);
  }
  return keyed;
};

/** The maps computed from the glossary (what stems.json must hold). */
export function computeStems(): StoredStems {
  return {
    glossarySha256: glossarySha256(),
    toEnglish: [...byStem(frenchToEnglish(), frenchStem)].map(([stem, words]) => [stem, [...words]]),
    toFrench: [...byStem(englishToFrench(), englishStem)].map(([stem, words]) => [stem, [...words]]),
  };
}

let stemmed: StemmedGlossary | undefined;

/** The glossary keyed by stems: from stems.json when it was computed from this glossary, else computed now (once). */
export function stemmedGlossary(): StemmedGlossary {
  if (!stemmed) {
    const stems: StoredStems = (stored as StoredStems).glossarySha256 === glossarySha256() ? (stored as StoredStems) : computeStems();
    stemmed = { toEnglish: new Map(stems.toEnglish), toFrench: new Map(stems.toFrench) };
  }
  return stemmed;
}
