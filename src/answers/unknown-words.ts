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
// letter is kept (slips seldom fall on it; it also bounds the terms compared).
const MIN_CORRECTED = 4;
/** The commonest terms of the first letter that are compared: a slip is read as a word the notes use often. */
const CANDIDATES = 1000;

/**
 * The note term a word no note uses stands for when it is cut short or mistyped; none for a word of a
 * dictionary (the English list, the glossary) or with a number (a version, a product: "es6", "k8s"),
 * whose absence from the notes means what it says.
 */
export async function noteTermFor(store: Pick<Store, 'termsBeginning'>, word: string): Promise<string | undefined> {
  if (/\d/u.test(word) || rankOf(word) !== undefined || equivalentsOf(word).length > 0) return undefined;
  const terms = termsOf(word);
  for (const term of terms) {
    if (term.length < MIN_BEGINNING) continue;
    const [completion] = await store.termsBeginning(term, 1);
    if (completion !== undefined) return completion;
  }
  for (const term of terms) {
    if (term.length < MIN_CORRECTED) continue;
    // Most holders first: the commonest term one slip away.
    const correction = (await store.termsBeginning(term[0]!, CANDIDATES)).find((candidate) => oneSlipApart(term, candidate));
    if (correction !== undefined) return correction;
  }
  return undefined;
}

/**
 * Whether one added, dropped or replaced letter, or two swapped neighbours, turn `a` into `b`. Damerau
 * (1964) found four misspellings in five to be one such slip; allowing two would read names the notes
 * never mention as words they use.
 */
export function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  // What differs, once the shared beginning and end are set aside.
  const [restA, restB] = [a.slice(start, endA), b.slice(start, endB)];
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
