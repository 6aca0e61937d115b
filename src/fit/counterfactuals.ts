// Questions the notes cannot answer, made from questions they can: the question's rarest word that the
// notes use and that does not name the talk found (not its title, speaker or company, but what is asked
// of it) is swapped for a word of about the same rarity in general English that no note uses. "What did
// Etsy say about <product>?" asked of a product the notes never mention must abstain, however well the
// talk found matches the rest. Swapping the rarest word instead, often the name that says which talk is
// meant, made questions that found no talk at all; unanswerable questions people ask find the talk and
// ask it for what it does not say. A handful of written negatives cannot teach that; one counterpart
// per question can.
import { termsOf } from '../text/analyze.js';
import { frequentWordAt, frequentWordCount, rankOf } from '../text/word-rarity.js';

/** The question with every whole-word occurrence of `word` (any case) replaced by `substitute`. */
export function swapWord(question: string, word: string, substitute: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return question.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), substitute);
}

/** How far from the word's rank to look for a substitute, each way. */
const SEARCH = 2000;

/**
 * A word near `word`'s rank in the frequency list (the list's end when the word is past it) that is a
 * search term, at least four letters long, and unused by the notes. Deterministic: the nearest such word,
 * below the rank first.
 */
export async function unusedWordNear(word: string, isUnused: (w: string) => Promise<boolean>): Promise<string | undefined> {
  const at = rankOf(word) ?? frequentWordCount() - 1;
  for (let d = 1; d <= SEARCH; d++) {
    for (const i of [at - d, at + d]) {
      const candidate = frequentWordAt(i);
      if (!candidate || candidate.length < 4 || termsOf(candidate).length === 0) continue;
      if (await isUnused(candidate)) return candidate;
    }
  }
  return undefined;
}
