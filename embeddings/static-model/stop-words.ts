// English and French stop words in the form the tokenizer produces (lowercase, accents folded).
import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as french } from '@orama/stopwords/french';
import { isWordToken, preTokenize } from './text-rules.js';

export function stopWords(): Set<string> {
  const folded = new Set<string>();
  for (const entry of [...english, ...french]) {
    // Contractions ("don't") split into pieces that are not stop words on their own ("don", "won"): skip them.
    const pieces = preTokenize(entry);
    if (pieces.length === 1 && isWordToken(pieces[0]!)) folded.add(pieces[0]!);
  }
  return folded;
}
