// Lexical search for the PostgreSQL store, ranked like the embedded store (MiniSearch's BM25+, see bm25.ts),
// inside the database: only the best k passages travel to the process.
//
// `confnotes_lexical` keeps each passage's per-field term frequencies (jsonb, GIN-indexed on its keys)
// and field lengths; each file row keeps the sums of its passages' field lengths. Corpus statistics
// therefore change with the files in apply's transaction, and a search reads them and the postings in one
// statement, one snapshot. Per-field document frequencies are counted from the postings in the same
// statement, so they are exact at any size.
//
// Not ts_rank over a tsvector: it ranks by other rules than the embedded store's BM25, and retrieval and
// answer term weights must behave the same on both stores. Measured at 5,148 passages on PostgreSQL 15
// (2 shared cores, medians of 15): ranking in SQL 108 / 48 / 23 ms for questions of 6 / 5 / 2 terms,
// where fetching every posting and ranking in JS took 281 / 74 / 18 ms.
import type pg from 'pg';
import { analyze } from '../text/analyze.js';
import { BM25_PARAMS, FIELD_BOOSTS, LEXICAL_FIELDS, type PassageTerms, analysePassage } from './bm25.js';
import type { StoreHit } from './store.js';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

const INSERT_BATCH = 500;

export const sumLengths = (passages: ReadonlyArray<PassageTerms>): number[] =>
  LEXICAL_FIELDS.map((_, f) => passages.reduce((n, p) => n + p.lengths[f]!, 0));

const sqlArray = (values: ReadonlyArray<number | string>): string => `ARRAY[${values.join(', ')}]::float8[]`;
const { k, b, d } = BM25_PARAMS;

// BM25+ as bm25.ts states it: per (term, field) holder counts, a repeated query term counted as often as it
// is repeated, and the sum multiplied by the number of distinct query terms a passage holds. Each term's
// postings come from its own GIN probe (the LATERAL subquery); equal scores keep the embedded index's order
// (files by path in code-point order, then passage order).
const SEARCH = `
  WITH query AS (
    SELECT term, count(*)::float8 AS repeats FROM unnest($1::text[]) AS term GROUP BY term
  ), corpus AS (
    SELECT sum(passages)::float8 AS n,
           ARRAY[${LEXICAL_FIELDS.map((_, f) => `sum(field_length_sums[${f + 1}])::float8 / nullif(sum(passages), 0)`).join(', ')}] AS averages
    FROM confnotes_files
  ), matches AS (
    SELECT q.term, q.repeats, l.passage_id, l.file, l.position, e.field::int, e.freq::float8 AS freq,
           l.field_lengths[e.field] AS length, count(*) OVER (PARTITION BY q.term, e.field)::float8 AS holders
    FROM query q
    CROSS JOIN LATERAL (SELECT passage_id, file, position, field_lengths, term_freqs -> q.term AS freqs
                        FROM confnotes_lexical WHERE term_freqs ? q.term) l
    CROSS JOIN LATERAL jsonb_array_elements_text(l.freqs) WITH ORDINALITY AS e(freq, field)
    WHERE e.freq::int > 0
  )
  SELECT m.passage_id AS id,
         sum(m.repeats * (${sqlArray(LEXICAL_FIELDS.map((f) => FIELD_BOOSTS[f]))})[m.field]
             * ln(1 + (c.n - m.holders + 0.5) / (m.holders + 0.5))
             * (${d} + m.freq * ${k + 1} / (m.freq + ${k} * (1 - ${b} + ${b} * m.length / c.averages[m.field]))))
           * count(DISTINCT m.term) AS score
  FROM matches m CROSS JOIN corpus c
  GROUP BY m.passage_id, m.file, m.position
  ORDER BY score DESC, m.file COLLATE "C", m.position
  LIMIT $2`;

export async function searchLexical(query: Query, question: string, limit: number): Promise<StoreHit[]> {
  const terms = analyze(question);
  if (terms.length === 0 || limit <= 0) return [];
  const { rows } = await query(SEARCH, [terms, limit]);
  return rows.map((r) => ({ id: r.id as string, score: Number(r.score) }));
}

/** Passages holding any of the terms: one GIN probe, counted in the database. */
export async function documentFrequency(query: Query, terms: ReadonlyArray<string>): Promise<number> {
  if (terms.length === 0) return 0;
  const { rows } = await query('SELECT count(*)::int AS n FROM confnotes_lexical WHERE term_freqs ?| $1::text[]', [[...terms]]);
  return rows[0].n as number;
}

export interface LexicalRow {
  id: string;
  file: string;
  position: number;
  terms: PassageTerms;
}

export async function insertLexical(client: pg.PoolClient, rows: ReadonlyArray<LexicalRow>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH).map(({ id, file, position, terms }) => ({
      id,
      file,
      position,
      field_lengths: terms.lengths,
      term_freqs: terms.freqs,
    }));
    await client.query(
      `INSERT INTO confnotes_lexical (passage_id, file, position, field_lengths, term_freqs)
       SELECT r.id, r.file, r.position, r.field_lengths, r.term_freqs
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, file text, position int, field_lengths integer[], term_freqs jsonb)`,
      [JSON.stringify(batch)],
    );
  }
}

/** Fills the lexical table and sums of passages written before they existed, from the stored fields. */
export async function backfillLexical(client: pg.PoolClient): Promise<void> {
  const { rows: files } = await client.query('SELECT file FROM confnotes_files');
  const { rows } = await client.query(
    'SELECT id, file, position, text, talk, speakers, companies, conference FROM confnotes_passages',
  );
  const byFile = new Map<string, PassageTerms[]>(files.map((f) => [f.file as string, []]));
  const lexical = rows.map((row): LexicalRow => {
    const terms = analysePassage(row);
    byFile.get(row.file as string)!.push(terms);
    return { id: row.id, file: row.file, position: row.position, terms };
  });
  await insertLexical(client, lexical);
  await client.query(
    `UPDATE confnotes_files f SET field_length_sums = r.sums
     FROM jsonb_to_recordset($1::jsonb) AS r(file text, sums integer[]) WHERE f.file = r.file`,
    [JSON.stringify([...byFile].map(([file, passages]) => ({ file, sums: sumLengths(passages) })))],
  );
}
