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

const list = `\n${frequency.words}\n`;

let lineStarts: Uint32Array | undefined;

/** Offset of each word's preceding newline, in order: the words' ranks by position, found in one pass on first use. */
function starts(): Uint32Array {
  if (!lineStarts) {
    const found: number[] = [];
    for (let at = list.indexOf('\n'); at < list.length - 1; at = list.indexOf('\n', at + 1)) found.push(at);
    lineStarts = Uint32Array.from(found);
  }
  return lineStarts;
}

/** How many words the list holds. */
export const frequentWordCount = (): number => starts().length;

/** The word of a 0-based rank; undefined past the list. */
export function frequentWordAt(rank: number): string | undefined {
  const at = starts();
  if (rank < 0 || rank >= at.length) return undefined;
  return list.slice(at[rank]! + 1, list.indexOf('\n', at[rank]! + 1));
}

/** 0-based rank of a word in the list; undefined past the list or missing from it. */
export function rankOf(word: string): number | undefined {
  const folded = foldAccents(word.toLowerCase());
  // A word is one line: anything that could span lines or match a part of one is no word of the list.
  if (folded === '' || folded.includes('\n')) return undefined;
  const offset = list.indexOf(`\n${folded}\n`);
  if (offset < 0) return undefined;
  // The line starting at `offset`: binary search for it among the lines' starts.
  const at = starts();
  let low = 0;
  let high = at.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** 0 for the commonest word, towards 1 for rarer ones (log of the rank), 1 past the list or missing from it. */
export function rarity(word: string): number {
  const rank = rankOf(word);
  return rank === undefined ? 1 : Math.log1p(rank) / Math.log1p(frequentWordCount());
}
