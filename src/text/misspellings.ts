// The spellings one edit away from a word (a letter dropped, added, changed, or two swapped: the
// Damerau–Levenshtein neighbours): a question's "kubernets" is the notes' "kubernetes" mistyped, not a
// product they never mention.
import { foldAccents } from './analyze.js';

// The letters of English and French words, accents folded as the index folds them.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from the word (accents folded), the word itself left out. */
export function oneEditAway(word: string): string[] {
  const w = foldAccents(word.toLowerCase());
  const out = new Set<string>();
  for (let i = 0; i <= w.length; i++) {
    const [head, tail] = [w.slice(0, i), w.slice(i)];
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      out.add(head + letter + tail);
      if (tail.length > 0) out.add(head + letter + tail.slice(1));
    }
  }
  out.delete(w);
  return [...out];
}
