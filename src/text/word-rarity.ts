// How rare a word is in general English, from its rank in GloVe's frequency-ordered vocabulary
// (src/text/english-frequency.json, written by scripts/english-frequency.mjs). A word the notes never
// use may be a common word they say otherwise ("swapping") or a name they never mention (a product,
// a company): only the second means the notes are silent.
import { foldAccents } from './analyze.js';
import frequency from './english-frequency.json' with { type: 'json' };

/** The list's words, most frequent first. */
export const frequentWords: readonly string[] = frequency.words;

let ranks: Map<string, number> | undefined;

/** 0-based rank of a word in the list; undefined past the list or missing from it. */
export function rankOf(word: string): number | undefined {
  // Indexed on first use: only questions with words the notes never use need it.
  ranks ??= new Map(frequentWords.map((w, i) => [w, i] as const));
  return ranks.get(foldAccents(word.toLowerCase()));
}

/** 0 for the commonest word, towards 1 for rarer ones (log of the rank), 1 past the list or missing from it. */
export function rarity(word: string): number {
  const rank = rankOf(word);
  return rank === undefined ? 1 : Math.log1p(rank) / Math.log1p(frequentWords.length);
}
