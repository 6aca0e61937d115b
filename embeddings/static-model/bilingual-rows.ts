// Gives French words the direction of their English translations, so that a French passage and an
// English question about the same thing land near each other in the English-only GloVe space.
// GloVe does hold many folded French words ("probleme", "equipe"), but learnt from the few French
// snippets of English text: rare, so SIF weighs them heavily, and pointing nowhere useful.
import { foldText } from './text-rules.js';

export interface BilingualRows {
  /** French words to add to the vocabulary, with one row each in `rows`. */
  added: string[];
  rows: Float32Array;
  /** Vocabulary indices whose row is replaced by the translation's row. */
  replaced: Array<{ index: number; row: Float32Array }>;
}

/**
 * For each French form of the glossary (folded as the tokenizer folds it), the mean of the final rows of
 * its English translations that the model has. A form the vocabulary already holds has its row replaced:
 * the glossary holds no word that is also a frequent English word (scripts/bilingual-glossary.mjs leaves
 * them out), so the row GloVe learnt for it came from the few French snippets of English text.
 */
export function bilingualRows(
  glossary: ReadonlyMap<string, readonly string[]>,
  vocabulary: readonly string[],
  matrix: Float32Array,
  dimensions: number,
): BilingualRows {
  const indexOf = new Map(vocabulary.map((word, i) => [word, i] as const));
  const added: string[] = [];
  const addedRows: number[] = [];
  const replaced: BilingualRows['replaced'] = [];
  const seen = new Set<string>();
  for (const [french, english] of glossary) {
    const folded = foldText(french);
    if (seen.has(folded) || !/^[a-z]+$/.test(folded)) continue;
    seen.add(folded);
    const sources = english.map((w) => indexOf.get(w)).filter((i): i is number => i !== undefined);
    if (sources.length === 0) continue;
    const row = new Float32Array(dimensions);
    for (const i of sources) for (let d = 0; d < dimensions; d++) row[d]! += matrix[i * dimensions + d]! / sources.length;
    const existing = indexOf.get(folded);
    if (existing === undefined) {
      added.push(folded);
      addedRows.push(...row);
    } else {
      replaced.push({ index: existing, row });
    }
  }
  return { added, rows: Float32Array.from(addedRows), replaced };
}
