// People type words cut short ("env", "sécu", "vulns") and slip while typing ("databses"). Such a word
// is in no note and in no dictionary, so it would weigh like a name the notes never mention, which marks
// a question they cannot answer. It is read as the note term it stands for: the commonest one it begins
// ("environ", "secur", "vulner"), or else the commonest one a single slip away ("databas").
import type { Store } from '../index/store.js';
import { equivalentsOf } from '../retrieval/expand-query.js';
import { termsOf } from '../text/analyze.js';
import { rankOf } from '../text/word-rarity.js';

/** Shorter, a beginning is shared by too many unrelated words ("co", "re"). */
const MIN_BEGINNING = 3;

// Lucene's DirectSpellChecker defaults: a word shorter than 4 letters is not corrected, and its first
// letter is kept (slips seldom fall on it).
const MIN_CORRECTED = 4;
/** Letters a slip may add or put in another's place; search terms have their accents folded. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A note term a word was read as, with how many passages hold it. */
export interface NoteTerm {
  term: string;
  df: number;
}

/**
 * The note term a word no note uses stands for when it is cut short or mistyped; none for a word of a
 * dictionary (the English list, the glossary) or with a number (a version, a product: "es6", "k8s"),
 * whose absence from the notes means what it says.
 */
export async function noteTermFor(store: Pick<Store, 'termsBeginning' | 'documentFrequency'>, word: string): Promise<NoteTerm | undefined> {
  if (/\d/u.test(word) || rankOf(word) !== undefined || equivalentsOf(word).length > 0) return undefined;
  const terms = termsOf(word);
  for (const term of terms) {
    if (term.length < MIN_BEGINNING) continue;
    const [completion] = await store.termsBeginning(term, 1);
    if (completion !== undefined) return { term: completion, df: await store.documentFrequency([completion]) };
  }
  for (const term of terms) {
    if (term.length < MIN_CORRECTED) continue;
    // Each variant is one exact lookup (batched into one statement by the database store), however many
    // terms the notes hold; the commonest variant the notes use wins, ties in code-point order.
    const variants = [...new Set(slipsOf(term))].sort();
    const holders = await Promise.all(variants.map((variant) => store.documentFrequency([variant])));
    const best = holders.reduce((at, count, i) => (count > holders[at]! ? i : at), 0);
    if (holders[best]! > 0) return { term: variants[best]!, df: holders[best]! };
  }
  return undefined;
}

/**
 * Every term one slip from `term` past its first letter: a letter dropped, two neighbours swapped, a
 * letter replaced or added. Damerau (1964) found four misspellings in five to be one such slip; allowing
 * two would read names the notes never mention as words they use.
 */
export function* slipsOf(term: string): Generator<string> {
  for (let at = 1; at <= term.length; at++) {
    const [head, tail] = [term.slice(0, at), term.slice(at)];
    if (tail !== '') yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const letter of LETTERS) {
      if (tail !== '' && letter !== tail[0]) yield head + letter + tail.slice(1);
      yield head + letter + tail;
    }
  }
}
