// MiniSearch 7 as the embedded store once used it: the reference both stores' BM25+ must rank like
// (same fields, parameters and analyzer; see src/index/bm25.ts).
import MiniSearch from 'minisearch';
import { BM25_PARAMS, LEXICAL_FIELDS, type LexicalField, fieldText } from '../../src/index/bm25.js';
import type { StoreHit } from '../../src/index/store.js';
import { termsOf, words } from '../../src/text/analyze.js';
import type { Passage } from '../../src/types.js';

export function miniSearchReference(passages: ReadonlyArray<Passage>): { search(query: string, k: number): StoreHit[] } {
  const index = new MiniSearch<Passage>({
    fields: [...LEXICAL_FIELDS],
    idField: 'id',
    extractField: (passage, field) => (field === 'id' ? passage.id : fieldText(passage, field as LexicalField)),
    tokenize: words,
    processTerm: termsOf,
    searchOptions: { bm25: { ...BM25_PARAMS }, combineWith: 'OR', prefix: false, fuzzy: false },
  });
  index.addAll(passages);
  return { search: (query, k) => index.search(query).slice(0, k).map((r) => ({ id: r.id as string, score: r.score })) };
}
