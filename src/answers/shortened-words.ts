// People type words cut short: "env", "sécu", "vulns". Such a word is in no note and in no dictionary,
// so it would weigh like a name the notes never mention, which marks a question they cannot answer. It
// is read as the commonest search term of the notes that it begins ("environ", "secur", "vulner").
import type { Store } from '../index/store.js';
import { equivalentsOf } from '../retrieval/expand-query.js';
import { termsOf } from '../text/analyze.js';
import { rankOf } from '../text/word-rarity.js';

/** Shorter, a beginning is shared by too many unrelated words ("co", "re"). */
const MIN_BEGINNING = 3;

/**
 * The term a word no note uses stands for when it is cut short; none for a word of a dictionary (the
 * English list, the glossary) or with a number (a version, a product: "es6", "k8s"), whose absence from
 * the notes means what it says.
 */
export async function completionOf(store: Pick<Store, 'termsBeginning'>, word: string): Promise<string | undefined> {
  if (/\d/u.test(word) || rankOf(word) !== undefined || equivalentsOf(word).length > 0) return undefined;
  for (const term of termsOf(word)) {
    if (term.length < MIN_BEGINNING) continue;
    const [completion] = await store.termsBeginning(term, 1);
    if (completion !== undefined) return completion;
  }
  return undefined;
}
