// How rare a word is in general use, from its rank in a frequency-ordered word list: English from GloVe's
// vocabulary (src/text/english-frequency.json, written by scripts/english-frequency.mjs), French from
// subtitles (french-frequency.json, scripts/french-frequency.mjs). A word the notes never use may be a
// common word they say otherwise ("swapping") or a name they never mention (a product, a company): only
// the second means the notes are silent.
//
// Each list stays one string, its words one a line, most frequent first, beside the ranks in the words'
// code-unit order (two bytes each): a word is found by binary search over those ranks. Parsing 50,000
// strings and keying a Map by them cost every `confnotes ask` ~70 ms, for the handful of words a
// question looks up; scanning the string for each word cost every question ~4 ms.
import { foldAccents } from './analyze.js';
import english from './english-frequency.json' with { type: 'json' };
import french from './french-frequency.json' with { type: 'json' };
import { linesOfText, type TextLines } from './lines.js';

interface FrequencyList {
  /** How many words the list holds. */
  count(): number;
  /** The word of a 0-based rank; undefined past the list. */
  wordAt(rank: number): string | undefined;
  /** 0-based rank of a word, folding case and accents; undefined past the list or missing from it. */
  rankOf(word: string): number | undefined;
}

function frequencyList({ words, ranksByWord }: { words: string; ranksByWord: string }): FrequencyList {
  // After a leading line break and before a trailing one, the word of rank r is line r + 1.
  const list = `\n${words}\n`;
  const ranks = Buffer.from(ranksByWord, 'base64');
  let lines: TextLines | undefined;
  // Found in one pass on first use: a question in English seldom reaches the French list.
  const listLines = (): TextLines => (lines ??= linesOfText(list));
  const count = (): number => listLines().starts.length - 2;
  const wordAt = (rank: number): string | undefined => {
    if (rank < 0 || rank >= count()) return undefined;
    const { starts } = listLines();
    return list.slice(starts[rank + 1], starts[rank + 2]! - 1);
  };
  const rankOf = (word: string): number | undefined => {
    const folded = foldAccents(word.toLowerCase());
    let [low, high] = [0, count() - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const rank = ranks.readUInt16LE(middle * 2);
      const at = wordAt(rank)!;
      if (at === folded) return rank;
      if (at < folded) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  };
  return { count, wordAt, rankOf };
}

const englishList = frequencyList(english);
const frenchList = frequencyList(french);

/** How many words the English list holds. */
export const frequentWordCount = englishList.count;
/** The English word of a 0-based rank; undefined past the list. */
export const frequentWordAt = englishList.wordAt;
/** 0-based rank of a word in the English list; undefined past the list or missing from it. */
export const rankOf = englishList.rankOf;

/** 0 for a list's commonest word, towards 1 for rarer ones (log of the rank); undefined past the list. */
function rarityIn(list: FrequencyList, word: string): number | undefined {
  const rank = list.rankOf(word);
  return rank === undefined ? undefined : Math.log1p(rank) / Math.log1p(list.count());
}

/** How rare a word is in general English: 0 for the commonest word, 1 past the list or missing from it. */
export const englishRarity = (word: string): number => rarityIn(englishList, word) ?? 1;

/**
 * How rare a word is in general English or, past the English list, in French ("veut", "jetable"):
 * 1 for a word of neither list, as a name the lists never met is.
 */
export const rarity = (word: string): number => rarityIn(englishList, word) ?? rarityIn(frenchList, word) ?? 1;

