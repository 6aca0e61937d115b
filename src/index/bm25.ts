// The lexical model both stores share: which passage fields are searched, how much each weighs, and
// BM25+ exactly as MiniSearch 7 computes it (`calcBM25Score`, `termResults`, the OR combinator and the
// "quality" factor of `search`).
//
// The embedded store keeps MiniSearch itself, whose serialised inverted index loads in ~0.15 s; stores
// that keep their own postings (PostgreSQL) rank with `rankBm25`, so that the same question gives the
// same passages in the same order on every store. The store contract suite checks that they agree.
import { termsOf, words } from '../text/analyze.js';
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

export interface CorpusStats {
  passages: number;
  /** Sum of the field lengths of all passages, per field. */
  lengthSums: number[];
}

export interface Posting {
  id: string;
  lengths: readonly number[];
  /** Per-field occurrences of (at least) the query terms the passage contains. */
  freqs: Readonly<Record<string, readonly number[]>>;
}

export interface Bm25Hit {
  id: string;
  score: number;
}

// A term such as "constructor" must not find Object.prototype's.
const freqsOf = (posting: Posting, term: string): readonly number[] | undefined =>
  Object.hasOwn(posting.freqs, term) ? posting.freqs[term] : undefined;

function bm25(termFreq: number, matching: number, total: number, length: number, averageLength: number): number {
  const { k, b, d } = BM25_PARAMS;
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * length) / averageLength)));
}

/**
 * Ranks passages for analysed query terms (duplicates kept: MiniSearch counts a repeated term twice).
 * `matches` must hold every passage containing a query term, in index order: document frequencies are
 * counted from them, and equal scores keep that order as MiniSearch's stable sort does. Sums run in
 * MiniSearch's order (fields within a term, then terms) so that scores agree to the last bit, bar the
 * average field length, which MiniSearch accumulates incrementally.
 */
export function rankBm25(queryTerms: readonly string[], matches: readonly Posting[], corpus: CorpusStats): Bm25Hit[] {
  const averages = corpus.lengthSums.map((sum) => sum / corpus.passages);
  const results = new Map<Posting, { score: number; terms: Set<string> }>();
  for (const term of queryTerms) {
    const termScores = new Map<Posting, number>();
    LEXICAL_FIELDS.forEach((field, f) => {
      const holders = matches.filter((m) => (freqsOf(m, term)?.[f] ?? 0) > 0);
      for (const m of holders) {
        const raw = bm25(freqsOf(m, term)![f]!, holders.length, corpus.passages, m.lengths[f]!, averages[f]!);
        termScores.set(m, (termScores.get(m) ?? 0) + FIELD_BOOSTS[field] * raw);
      }
    });
    for (const [m, score] of termScores) {
      const result = results.get(m);
      if (result) {
        result.score += score;
        result.terms.add(term);
      } else {
        results.set(m, { score, terms: new Set([term]) });
      }
    }
  }
  // MiniSearch multiplies by the number of distinct query terms matched, favouring passages that match more.
  return [...results]
    .map(([m, { score, terms }]) => ({ id: m.id, score: score * terms.size }))
    .sort((a, b) => b.score - a.score);
}
