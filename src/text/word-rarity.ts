// How rare a word is in general English, from its rank in GloVe's frequency-ordered vocabulary
// (src/text/english-frequency.json, written by scripts/english-frequency.mjs). A word the notes never
// use may be a common word they say otherwise ("swapping") or a name they never mention (a product,
// a company): only the second means the notes are silent.
//
// The list stays one string, its words one a line: a word is found with one indexOf, and its rank is
// the number of lines before it. Parsing 50,000 strings and keying a Map by them cost every
// `confnotes ask` ~70 ms, for the handful of words a question looks up.
import { foldAccents } from './analyze.js';
import frequency from './english-frequency.json' with { type: 'json' };
import { linesOfText, type TextLines } from './lines.js';

// Between a leading and a trailing line break, so that `\nword\n` finds the first word and the last: line 0
// and the last line are empty, and the word of rank r is line r + 1.
const list = `\n${frequency.words}\n`;

let lines: TextLines | undefined;
/** The list's lines, found in one pass on first use. */
const listLines = (): TextLines => (lines ??= linesOfText(list));

/** How many words the list holds. */
export const frequentWordCount = (): number => listLines().starts.length - 2;

/** The word of a 0-based rank; undefined past the list. */
export function frequentWordAt(rank: number): string | undefined {
  if (rank < 0 || rank >= frequentWordCount()) return undefined;
  const { starts } = listLines();
  return list.slice(starts[rank + 1], starts[rank + 2]! - 1);
}

/** 0-based rank of a word in the list; undefined past the list or missing from it. */
export function rankOf(word: string): number | undefined {
  const folded = foldAccents(word.toLowerCase());
  // A word is one line: anything that could span lines or match a part of one is no word of the list.
  if (folded === '' || folded.includes('\n')) return undefined;
  const offset = list.indexOf(`\n${folded}\n`);
  return offset < 0 ? undefined : listLines().lineAt(offset + 1) - 1;
}

/** 0 for the commonest word, towards 1 for rarer ones (log of the rank), 1 past the list or missing from it. */
export function rarity(word: string): number {
  const rank = rankOf(word);
  return rank === undefined ? 1 : Math.log1p(rank) / Math.log1p(frequentWordCount());
}
