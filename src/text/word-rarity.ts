// How rare a word is in general use, from its rank in a frequency-ordered word list: English from GloVe's
// vocabulary (src/text/english-frequency.json, written by scripts/english-frequency.mjs), and past it French
// from subtitles (french-frequency.json, scripts/french-frequency.mjs). A word the notes never use may be a
// common word they say otherwise ("swapping") or a name they never mention (a product, a company): only
// the second means the notes are silent.
//
// The English list stays one string, its words one a line, most frequent first, beside the ranks in the words'
// code-unit order (two bytes each): a word is found by binary search over those ranks. Parsing 50,000
// strings and keying a Map by them cost every `confnotes ask` ~70 ms, for the handful of words a
// question looks up; scanning the string for each word cost every question ~4 ms.
import { foldAccents } from './analyze.js';
import frequency from './english-frequency.json' with { type: 'json' };
import french from './french-frequency.json' with { type: 'json' };
import { linesOfText, type TextLines } from './lines.js';

// After a leading line break and before a trailing one, the word of rank r is line r + 1.
const list = `\n${frequency.words}\n`;
const ranksByWord = Buffer.from(frequency.ranksByWord, 'base64');

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
  let [low, high] = [0, frequentWordCount() - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const rank = ranksByWord.readUInt16LE(middle * 2);
    const at = frequentWordAt(rank)!;
    if (at === folded) return rank;
    if (at < folded) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** 0 for a list's commonest word, towards 1 for rarer ones: the log of its rank. */
const rarityOfRank = (rank: number, listed: number): number => Math.log1p(rank) / Math.log1p(listed);

/**
 * The rank of a word, or past the list of the word a regular English plural or third person is made
 * from ("downsides", "meshes", "libraries"): the list keeps the commoner form, and ends at a rank where
 * many -s forms of its words are left out. The stem keeps three letters: "aws" or "ios" is no plural.
 */
function englishRankOf(word: string): number | undefined {
  const rank = rankOf(word);
  if (rank !== undefined || !/s$/iu.test(word)) return rank;
  const singulars = [word.replace(/ies$/iu, 'y'), word.replace(/es$/iu, ''), word.slice(0, -1)].filter((singular) => singular.length >= 3 && singular !== word);
  return singulars.map(rankOf).find((found) => found !== undefined);
}

/** How rare a word is in general English: from 0 for the commonest word to 1 past the list or missing from it. */
export function englishRarity(word: string): number {
  const rank = englishRankOf(word);
  return rank === undefined ? 1 : rarityOfRank(rank, frequentWordCount());
}

// The French list holds empty lines where English lists the word: it is read only past the English list.
// That is a few words in a process, so it is split and keyed on first use (~6 ms), not on import, rather
// than shipped with ranks to search, as the English list is, which every question reads.
interface FrenchList {
  ranks: ReadonlyMap<string, number>;
  /** Lines of the list, empty ones too: what a rank is out of. */
  count: number;
}
let frenchList: FrenchList | undefined;
function readFrenchList(): FrenchList {
  const listed = french.words.split('\n');
  return { ranks: new Map(listed.flatMap((word, rank) => (word === '' ? [] : [[word, rank] as const]))), count: listed.length };
}

/**
 * How rare a word is in general English or, past the English list, in French ("veut", "jetable"): 1 for a
 * word of neither list, as for a name the lists never met.
 */
export function rarity(word: string): number {
  const rank = englishRankOf(word);
  if (rank !== undefined) return rarityOfRank(rank, frequentWordCount());
  const { ranks, count } = (frenchList ??= readFrenchList());
  const frenchRank = ranks.get(foldAccents(word.toLowerCase()));
  return frenchRank === undefined ? 1 : rarityOfRank(frenchRank, count);
}
