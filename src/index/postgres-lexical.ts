// Lexical search for the PostgreSQL store, ranked like the embedded store (MiniSearch's BM25+, see bm25.ts),
// computed by PostgreSQL: only a search's best passages come back to the process.
//
// `confnotes_postings` holds one row per (term, field, passage) with the term's frequency in that field and
// the field's length, under a btree on (term, field, doc) that includes both; `confnotes_terms` keeps how
// many passages hold each (term, field), and each file row the sums of its passages' field lengths. One
// statement per search: the question's terms weighed from those stored statistics (idf, average lengths),
// then the terms' postings read from the btree alone, in the question's order, and summed per passage in a
// hash aggregate, with a bit per term for the number of the question's terms a passage holds; the best
// `limit` come back, ties broken by file and position. Searches run in one REPEATABLE READ snapshot: a
// search never mixes two versions of a file that apply's transaction replaces. `confnotes_lexical`
// numbers the passages (`doc`: four bytes in each posting instead of a passage id) and holds what breaks ties.
//
// Measured at 100k synthetic passages on 2 shared cores (loads 2-6, so medians of alternated runs): the
// scan of the postings and the hash aggregate's grouping are most of a search (a 36-term question over 37k
// postings: 25 ms, 27 ms with a count in place of the BM25 arithmetic). Each of these was measured and
// dropped: counting each (term, field)'s holders from the postings in the statement rather than storing
// them (the question's postings read twice), a second aggregate per (passage, term) for the count of terms
// held (+30-50 ms on 35), a bit string per term instead of bigint masks (+15 ms on 35), numeric constants
// in the formula instead of float8 (+60 ms on 147), materialising every scored passage to find the k-th
// (+6 ms on 25), named prepared statements (planning takes ~0.3 ms on a warm connection, and PGlite's
// one session would share their names between the pool's connections). The bench's questions, each
// searched with its equivalents as answering does: p50 15-16 ms, p95 39-45 ms, against 12 ms and 26-31 ms
// when the process read the postings packed and scored them (load 4). That is slower, and it is what the
// issue asks: no step of answering fetches all postings of a term into the process. ts_rank over a
// tsvector was not taken either: it ranks by other rules than the embedded store's BM25.
import type pg from 'pg';
import { idfSql, LEXICAL_FIELDS, postingScoreSql, queryTermCounts, type PassageTerms, analysePassage } from './bm25.js';
import { type StoreHit, TIE_MARGIN } from './store.js';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
/** Runs `work` with statements that all see one snapshot of the database. */
export type InSnapshot = <T>(work: (query: Query) => Promise<T>) => Promise<T>;

const INSERT_BATCH = 500;
/** Question terms counted per bigint: a passage's distinct terms held are the bits set in its masks. */
const TERMS_PER_MASK = 64;

export const sumLengths = (passages: ReadonlyArray<PassageTerms>): number[] =>
  LEXICAL_FIELDS.map((_, f) => passages.reduce((n, p) => n + p.lengths[f]!, 0));

const averageLength = (f: number): string => `sum(field_length_sums[${f + 1}])::float8 / nullif(sum(passages), 0)`;

/**
 * Set for a search's transaction. Memory for the hash aggregate of a question holding a common word: 100k
 * passages scored took 16 MB, and past the default (8 MB with hash_mem_multiplier) it spilled to disk (500
 * ms against 430). No sorts where a hash does: over small tables the planner grouped by sorting the
 * postings by passage, which adds a passage's postings in no set order, and equal passages in two files
 * then differed in the last bit of their scores. A search's other sorts (the weights' order, the best
 * passages' top-N) have no alternative and stay.
 */
const SEARCH_SETTINGS = "SET LOCAL work_mem = '32MB'; SET LOCAL enable_sort = off";

/**
 * A search of `$1` (distinct terms in the question's order), `$2` (how often each is repeated): its
 * passages with their scores, places and files, either the best `$3` or (`tied`) all scoring `$3` or more.
 * Each (term, field) weighs its postings. The weights are ordered, and their postings read in a loop over
 * them (OFFSET 0 keeps the subquery from being pulled up into a join the planner may order otherwise), so that a
 * passage's sum adds its postings in the embedded index's order, term by term, field by field, to the bit.
 * The count of distinct terms a passage holds is one bit per term in `masks` bigints, ORed per passage: a
 * DISTINCT count or a second aggregate would sort or hash the postings again.
 */
function searchStatement(masks: number, tied: boolean): string {
  const held =
    masks === 1
      ? 'bit_count(bit_or(w.bit)::bit(64))'
      : Array.from({ length: masks }, (_, m) => `coalesce(bit_count(bit_or(w.bit) FILTER (WHERE w.mask = ${m})::bit(64)), 0)`).join(' + ');
  return `
  WITH question AS (SELECT term, times, n - 1 AS n FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS q(term, times, n)),
  corpus AS (SELECT sum(passages)::float8 AS passages, ARRAY[${LEXICAL_FIELDS.map((_, f) => averageLength(f)).join(', ')}] AS averages
             FROM confnotes_files),
  weights AS MATERIALIZED (
    SELECT t.term, t.field, q.n / ${TERMS_PER_MASK} AS mask, 1::int8 << (q.n % ${TERMS_PER_MASK})::int AS bit,
           q.times, ${idfSql('c.passages', 't.holders')} AS idf, c.averages[t.field] AS average
    FROM question q JOIN confnotes_terms t ON t.term = q.term CROSS JOIN corpus c
    ORDER BY q.n, t.field),
  scored AS (
    SELECT p.doc, sum(${postingScoreSql('w.times', 'w.idf', 'p.freq', 'p.length', 'w.average')}) * (${held}) AS score
    FROM weights w CROSS JOIN LATERAL (SELECT doc, freq, length FROM confnotes_postings WHERE term = w.term AND field = w.field OFFSET 0) p
    GROUP BY p.doc)
  SELECT l.passage_id, l.file, l.position, s.score
  FROM ${tied ? 'scored s' : '(SELECT doc, score FROM scored ORDER BY score DESC LIMIT $3) s'}
  CROSS JOIN LATERAL (SELECT passage_id, file, position FROM confnotes_lexical WHERE doc = s.doc) l
  ${tied ? 'WHERE s.score >= $3' : ''}`;
}

interface Scored {
  passage_id: string;
  file: string;
  position: number;
  score: number;
}

/** Best first, equal scores by file then position, as the embedded store's generation order. */
const byScoreThenPlace = (x: Scored, y: Scored): number =>
  y.score - x.score || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.position - y.position);

export interface LexicalSearch {
  /** A text to analyse, or search terms. */
  query: string | ReadonlyArray<string>;
  limit: number;
}

/**
 * Several searches in one snapshot, a statement each. Answering a question searches its words and their
 * equivalents at once. A search fetches its best passages and a margin, the top of a heap (PostgreSQL's
 * top-N sort) rather than a sort of every passage scored; only when the margin is tied with the
 * limit-th too does it fetch every passage tied with it.
 */
export async function searchLexical(inSnapshot: InSnapshot, searches: ReadonlyArray<LexicalSearch>): Promise<StoreHit[][]> {
  const wanted = searches.map(({ query, limit }) => {
    const repeats = limit > 0 ? queryTermCounts(query) : new Map<string, number>();
    return { terms: [...repeats.keys()], times: [...repeats.values()], limit };
  });
  if (wanted.every(({ terms }) => terms.length === 0)) return searches.map(() => []);
  return inSnapshot(async (query) => {
    await query(SEARCH_SETTINGS);
    const hits: StoreHit[][] = [];
    for (const { terms, times, limit } of wanted) {
      if (terms.length === 0) {
        hits.push([]);
        continue;
      }
      const masks = Math.ceil(terms.length / TERMS_PER_MASK);
      let rows = (await query(searchStatement(masks, false), [terms, times, limit + TIE_MARGIN])).rows as Scored[];
      rows.sort(byScoreThenPlace);
      if (rows.length === limit + TIE_MARGIN && rows.at(-1)!.score === rows[limit - 1]!.score) {
        rows = (await query(searchStatement(masks, true), [terms, times, rows[limit - 1]!.score])).rows as Scored[];
        rows.sort(byScoreThenPlace);
      }
      hits.push(rows.slice(0, limit).map((row) => ({ id: row.passage_id, score: row.score })));
    }
    return hits;
  });
}

/**
 * For each set of terms, the passages holding any of them, counted from the postings index: one
 * statement for all the sets (a question weighs each of its words at once).
 */
export async function documentFrequencies(query: Query, termSets: ReadonlyArray<ReadonlyArray<string>>): Promise<number[]> {
  const counted = termSets.map((terms, i) => ({ terms: [...new Set(terms)], i })).filter(({ terms }) => terms.length > 0);
  const counts = termSets.map(() => 0);
  if (counted.length === 0) return counts;
  // One `term = ANY(...)` per set, which the planner always serves from the index, rather than a join
  // with the sets unnested, whose plan would rest on row estimates.
  const { rows } = await query(
    counted
      .map((_, j) => `SELECT ${j} AS set, count(*)::int AS n FROM (SELECT DISTINCT doc FROM confnotes_postings WHERE term = ANY($${j + 1}::text[])) holders`)
      .join(' UNION ALL '),
    counted.map(({ terms }) => terms),
  );
  for (const row of rows) counts[counted[row.set as number]!.i] = row.n as number;
  return counts;
}

/**
 * Terms longer than `prefix` that begin with it, the most passages first, then in code-point order. The
 * prefix is a range of `confnotes_terms`' btree: its terms compare byte by byte.
 */
export async function termsBeginning(query: Query, prefix: string, limit: number): Promise<string[]> {
  const { rows } = await query(
    `SELECT term, count(DISTINCT doc) AS holders
     FROM confnotes_postings
     WHERE term IN (SELECT term FROM confnotes_terms WHERE term LIKE $1 AND term <> $2)
     GROUP BY term
     ORDER BY holders DESC, term
     LIMIT $3`,
    [`${prefix.replace(/[\\%_]/g, '\\$&')}%`, prefix, limit],
  );
  return rows.map((row) => row.term as string);
}

export interface LexicalRow {
  id: string;
  file: string;
  position: number;
  terms: PassageTerms;
}

/**
 * Numbers the passages, then writes their postings as parallel arrays (unnest), which PostgreSQL reads
 * faster than the same rows as JSON. Resolves once the last postings statement is sent, with `written`,
 * its completion: the caller may prepare what it sends next meanwhile (and must await it before).
 */
export async function insertLexical(client: pg.PoolClient, rows: ReadonlyArray<LexicalRow>): Promise<{ written: Promise<unknown> }> {
  let written: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    await written;
    const { rows: numbered } = await client.query(
      `INSERT INTO confnotes_lexical (passage_id, file, position)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) RETURNING passage_id, doc`,
      [batch.map((r) => r.id), batch.map((r) => r.file), batch.map((r) => r.position)],
    );
    const docs = new Map(numbered.map((r) => [r.passage_id as string, r.doc as number]));
    const postings = { term: [] as string[], field: [] as number[], doc: [] as number[], freq: [] as number[], length: [] as number[] };
    for (const { id, terms } of batch) {
      const doc = docs.get(id)!;
      for (const [term, freqs] of Object.entries(terms.freqs)) {
        freqs.forEach((freq, f) => {
          if (freq === 0) return;
          postings.term.push(term);
          postings.field.push(f + 1);
          postings.doc.push(doc);
          postings.freq.push(freq);
          postings.length.push(terms.lengths[f]!);
        });
      }
    }
    written = client.query(
      `INSERT INTO confnotes_postings (term, field, doc, freq, length)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[])`,
      [postings.term, postings.field, postings.doc, postings.freq, postings.length],
    );
  }
  return { written };
}

/** The numbers of these files' passages. */
const DOCS_OF_FILES = 'SELECT l.doc FROM confnotes_passages p JOIN confnotes_lexical l ON l.passage_id = p.id WHERE p.file = ANY($1::text[])';

/**
 * Removes the postings of these files' passages, and their holders from the terms' counts; their lexical
 * rows go with the passages (ON DELETE CASCADE).
 */
export async function deletePostings(client: pg.PoolClient, files: ReadonlyArray<string> | 'all'): Promise<void> {
  if (files === 'all') {
    await client.query('DELETE FROM confnotes_terms');
    await client.query('DELETE FROM confnotes_postings');
    return;
  }
  await client.query(
    `UPDATE confnotes_terms t SET holders = t.holders - gone.holders
     FROM (SELECT term, field, count(*)::int AS holders FROM confnotes_postings WHERE doc IN (${DOCS_OF_FILES}) GROUP BY term, field) gone
     WHERE t.term = gone.term AND t.field = gone.field`,
    [files],
  );
  await client.query('DELETE FROM confnotes_terms WHERE holders = 0');
  await client.query(`DELETE FROM confnotes_postings WHERE doc IN (${DOCS_OF_FILES})`, [files]);
}

/**
 * Adds these files' passages (all: every passage) to the count of passages holding each (term, field),
 * once their postings are written: what a search weighs terms by, without counting postings itself.
 */
export async function countTermHolders(client: pg.PoolClient, files: ReadonlyArray<string> | 'all'): Promise<void> {
  await client.query(
    `INSERT INTO confnotes_terms (term, field, holders)
     SELECT term, field, count(*) FROM confnotes_postings ${files === 'all' ? '' : `WHERE doc IN (${DOCS_OF_FILES})`} GROUP BY term, field
     ON CONFLICT (term, field) DO UPDATE SET holders = confnotes_terms.holders + excluded.holders`,
    files === 'all' ? [] : [files],
  );
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
  await (await insertLexical(client, lexical)).written;
  await client.query(
    `UPDATE confnotes_files f SET field_length_sums = r.sums
     FROM jsonb_to_recordset($1::jsonb) AS r(file text, sums integer[]) WHERE f.file = r.file`,
    [JSON.stringify([...byFile].map(([file, passages]) => ({ file, sums: sumLengths(passages) })))],
  );
}
