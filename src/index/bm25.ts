// The lexical model both stores share: which passage fields are searched, the BM25+ parameters, and a
// passage's terms as MiniSearch 7 indexes them.
//
// Both stores keep these terms and compute BM25+ as MiniSearch does (`calcBM25Score`, `termResults`, the
// OR combinator and the "quality" factor of `search`): the embedded store over typed-array postings
// (lexical-index.ts), the PostgreSQL store in SQL over its postings btree (postgres-lexical.ts), through
// `idf` and `postingScore` below and their SQL renderings beside them, so that the same question gives the
// same passages in the same order on every store. The store contract suite checks both against
// MiniSearch itself.
import { analyze, termsOf, words } from '../text/analyze.js';
import type { Passage } from '../types.js';

export const LEXICAL_FIELDS = ['text', 'talk', 'speakers', 'companies', 'conference'] as const;
export type LexicalField = (typeof LEXICAL_FIELDS)[number];

// Every field weighs alike, as in MiniSearch by default: no weight here is picked by hand. Weights fitted
// for the best fused ranking (conferences and speakers ×5) quoted the answer less often, notes files left
// out, than weighing the fields alike; the reranker weighs a talk's title, speakers and companies itself.

/** MiniSearch's defaults, also given to it explicitly so that an upgrade changing them cannot split the stores. */
export const BM25_PARAMS = { k: 1.2, b: 0.7, d: 0.5 } as const;

const { k: K1, b: B, d: D } = BM25_PARAMS;

/** A term's inverse document frequency in one field, as MiniSearch's `calcBM25Score` computes it. */
export const idf = (passages: number, holders: number): number => Math.log(1 + (passages - holders + 0.5) / (holders + 0.5));

/**
 * One posting's share of a passage's score: `calcBM25Score` of MiniSearch for a term found `tf` times in
 * a field of `length` words, once per repeat of the term in the question.
 */
export const postingScore = (times: number, termIdf: number, tf: number, length: number, average: number): number =>
  times * (termIdf * (D + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average))));

/** SQL float8 constants that parse back to exactly these numbers (JavaScript prints the shortest such text). */
const float8 = (value: number): string => `${value}::float8`;

/**
 * `idf` as a PostgreSQL expression over float8 columns, the same operations in the same order: PostgreSQL
 * computes in IEEE doubles as JavaScript does, so both stores score alike but for the last bits, where the
 * C library's `ln` and V8's `Math.log` may round apart (at 100k passages, one score in thirty, by 4e-16 of it at most).
 */
export const idfSql = (passages: string, holders: string): string =>
  `ln(1 + (${passages} - ${holders} + ${float8(0.5)}) / (${holders} + ${float8(0.5)}))`;

/**
 * `postingScore` as a PostgreSQL expression, given `times`, the question's repeats of the term.
 */
export const postingScoreSql = (times: string, termIdf: string, tf: string, length: string, average: string): string =>
  `${times} * (${termIdf} * (${float8(D)} + (${tf} * ${float8(K1 + 1)}) / ` +
  `(${tf} + ${float8(K1)} * (${float8(1 - B)} + (${float8(B)} * ${length}) / ${average}))))`;

export type LexicalFields = Pick<Passage, LexicalField>;

export function fieldText(passage: LexicalFields, field: LexicalField): string {
  const value = passage[field];
  return Array.isArray(value) ? value.join(' ') : value;
}

/** What BM25 needs of one passage. Arrays are indexed like LEXICAL_FIELDS. */
export interface PassageTerms {
  /** Distinct words per field, stop words included: MiniSearch's field length. */
  lengths: number[];
  /** Occurrences of each term per field. */
  freqs: Record<string, number[]>;
}

/** A passage's terms as MiniSearch indexes them. */
export function analysePassage(passage: LexicalFields): PassageTerms {
  const freqs = new Map<string, number[]>();
  const lengths = LEXICAL_FIELDS.map((field, f) => {
    const fieldWords = words(fieldText(passage, field));
    for (const term of fieldWords.flatMap(termsOf)) {
      let counts = freqs.get(term);
      if (!counts) freqs.set(term, (counts = LEXICAL_FIELDS.map(() => 0)));
      counts[f]! += 1;
    }
    return new Set(fieldWords).size;
  });
  return { lengths, freqs: Object.fromEntries(freqs) };
}

/**
 * A search's terms with how often each is asked (MiniSearch weighs a term by its repeats): a text's as
 * `analyze` cuts it, or a list of search terms as they are.
 */
export function queryTermCounts(query: string | ReadonlyArray<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of typeof query === 'string' ? analyze(query) : query) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
