// The lexical model both stores share: which passage fields are searched, how much each weighs, the
// BM25+ parameters, and a passage's terms as MiniSearch 7 indexes them.
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

/**
 * Field weights relative to the passage text, so that a question naming a speaker, a company or a talk
 * lands on that talk. Tune with the eval set.
 */
export const FIELD_BOOSTS: Readonly<Record<LexicalField, number>> = {
  text: 1,
  talk: 2,
  speakers: 3,
  companies: 3,
  conference: 1.5,
};

/** MiniSearch's defaults, also given to it explicitly so that an upgrade changing them cannot split the stores. */
export const BM25_PARAMS = { k: 1.2, b: 0.7, d: 0.5 } as const;

const BOOSTS = LEXICAL_FIELDS.map((f) => FIELD_BOOSTS[f]);
const { k: K1, b: B, d: D } = BM25_PARAMS;

/** A term's inverse document frequency in one field, as MiniSearch's `calcBM25Score` computes it. */
export const idf = (passages: number, holders: number): number => Math.log(1 + (passages - holders + 0.5) / (holders + 0.5));

/**
 * One posting's share of a passage's score: `calcBM25Score` of MiniSearch for a term found `tf` times in
 * field `field` (0-based, as LEXICAL_FIELDS) of `length` words, weighted by the field's boost, once per
 * repeat of the term in the question.
 */
export const postingScore = (times: number, field: number, termIdf: number, tf: number, length: number, average: number): number =>
  times * BOOSTS[field]! * (termIdf * (D + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average))));

/** SQL float8 constants that parse back to exactly these numbers (JavaScript prints the shortest such text). */
const float8 = (value: number): string => `${value}::float8`;

/**
 * `idf` as a PostgreSQL expression over float8 columns, the same operations in the same order: PostgreSQL
 * computes in IEEE doubles as JavaScript does, so both stores score alike but for the last bits, where the
 * C library's `ln` and V8's `Math.log` may round apart (at 100k passages, one score in thirty, by 4e-16 of it at most).
 */
export const idfSql = (passages: string, holders: string): string =>
  `ln(1 + (${passages} - ${holders} + ${float8(0.5)}) / (${holders} + ${float8(0.5)}))`;

/** A field's boost as a PostgreSQL expression; `field` is 1-based there, as in the postings table. */
export const boostSql = (field: string): string => `('{${BOOSTS.join(',')}}'::float8[])[${field}]`;

/**
 * `postingScore` as a PostgreSQL expression, given `times * boost` (the question's repeats of the term
 * times the field's boost, `boostSql`): the product the JavaScript computes first.
 */
export const postingScoreSql = (timesBoost: string, termIdf: string, tf: string, length: string, average: string): string =>
  `${timesBoost} * (${termIdf} * (${float8(D)} + (${tf} * ${float8(K1 + 1)}) / ` +
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
