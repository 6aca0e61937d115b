// Chooses which source words become rows of the model.
import { isWordToken, preTokenize } from './text-rules.js';

export interface VocabularyOptions {
  /** Keep only the `limit` most frequent usable words (plus `extraWords`); all of them when absent. */
  limit?: number;
  /** Texts whose words are kept even beyond `limit`, e.g. the words of a test's sentences. */
  extraWords?: string[];
  /** Words left out: they fall back to the unknown token, whose row is zero, so they do not move the mean's direction. */
  exclude?: ReadonlySet<string>;
}

/**
 * Returns the source rows to keep, in source (frequency) order.
 * Unreachable entries are dropped: the tokenizer splits "well-known" into three pieces, so that row could never be looked up.
 */
export function selectVocabulary(words: readonly string[], options: VocabularyOptions = {}): number[] {
  const { limit = Infinity, exclude = new Set<string>() } = options;
  const extra = new Set(options.extraWords?.flatMap(preTokenize));
  const rows: number[] = [];
  let kept = 0;
  words.forEach((word, row) => {
    if (!isWordToken(word) || exclude.has(word)) return;
    if (kept < limit) {
      kept++;
      rows.push(row);
    } else if (extra.has(word)) {
      rows.push(row);
    }
  });
  return rows;
}
