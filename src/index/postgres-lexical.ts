// Lexical search for the PostgreSQL store, ranked like the embedded store (MiniSearch's BM25+, see bm25.ts).
//
// `confnotes_postings` holds one row per (term, field, passage) with the term's frequency in that field and
// the field's length, under a btree on (term, field, doc) that includes both. A search reads the question
// terms' postings from that index alone, one row per (term, field) with its postings packed as 4-byte
// integers, and the corpus statistics (each file row keeps the sums of its passages' field lengths) in the
// same statement; the process scores them as the embedded index does (lexical-index.ts: same formula, same
// order of additions, so the same scores to the last bit), then reads the file and position of the best
// passages only, to break ties. Both statements run in one REPEATABLE READ snapshot: a search never mixes
// two versions of a file that apply's transaction replaces. `confnotes_lexical` numbers the passages
// (`doc`: four bytes in each posting instead of a passage id) and holds what breaks ties.
//
// Not ts_rank over a tsvector: it ranks by other rules than the embedded store's BM25, and retrieval and
// answer term weights must behave the same on both stores. Not a GIN index over a jsonb of each passage's
// terms either, as before: GIN over jsonb keys always rechecks the row, so a search or a count read and
// parsed every matching passage's jsonb (100k synthetic passages, 2 shared cores: 145 ms for a 9-term
// question, 210 ms for one word's document frequency, and 11 s when a misspelling check of 600 candidate
// terms made the planner scan every row). Nor BM25 computed in SQL over these postings: PostgreSQL's
// window and hash aggregates over the 43k postings of an 8-term question took 120-180 ms, where reading
// them packed takes 30-40 ms and scoring them here a few ms (medians, same machine under load).
import type pg from 'pg';
import { analyze } from '../text/analyze.js';
import { BM25_PARAMS, FIELD_BOOSTS, LEXICAL_FIELDS, type PassageTerms, analysePassage } from './bm25.js';
import type { StoreHit } from './store.js';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
/** Runs `work` with statements that all see one snapshot of the database. */
export type InSnapshot = <T>(work: (query: Query) => Promise<T>) => Promise<T>;

const INSERT_BATCH = 500;

export const sumLengths = (passages: ReadonlyArray<PassageTerms>): number[] =>
  LEXICAL_FIELDS.map((_, f) => passages.reduce((n, p) => n + p.lengths[f]!, 0));

const BOOSTS = LEXICAL_FIELDS.map((f) => FIELD_BOOSTS[f]);

const POSTINGS = `
  SELECT term, field, count(*)::int AS holders,
         string_agg(int4send(doc), ''::bytea) AS docs, string_agg(int4send(freq), ''::bytea) AS freqs,
         string_agg(int4send(length), ''::bytea) AS lengths,
         (SELECT sum(passages)::int FROM confnotes_files) AS passages,
         (SELECT ARRAY[${LEXICAL_FIELDS.map((_, f) => `sum(field_length_sums[${f + 1}])::float8 / nullif(sum(passages), 0)`).join(', ')}]
          FROM confnotes_files) AS averages
  FROM confnotes_postings WHERE term = ANY($1::text[])
  GROUP BY term, field`;

interface PostingList {
  /** 0-based, as in LEXICAL_FIELDS. */
  field: number;
  holders: number;
  docs: DataView;
  freqs: DataView;
  lengths: DataView;
}

const view = (bytes: Buffer): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * BM25+ as lexical-index.ts computes it, term by term in the question's order and field by field: per
 * (term, field) holder counts, a repeated query term counted as often as it is repeated. Returns each
 * passage's sum and how many distinct query terms it holds.
 */
function score(
  repeats: ReadonlyMap<string, number>,
  lists: ReadonlyMap<string, PostingList[]>,
  passages: number,
  averages: ReadonlyArray<number>,
): Map<number, { sum: number; matched: number }> {
  const { k: k1, b, d } = BM25_PARAMS;
  const scores = new Map<number, { sum: number; matched: number }>();
  for (const [term, times] of repeats) {
    const seen = new Set<number>();
    for (const { field, holders, docs, freqs, lengths } of lists.get(term) ?? []) {
      const idf = Math.log(1 + (passages - holders + 0.5) / (holders + 0.5));
      const average = averages[field]!;
      for (let i = 0; i < holders * 4; i += 4) {
        const doc = docs.getInt32(i);
        const tf = freqs.getInt32(i);
        const value = times * BOOSTS[field]! * (idf * (d + (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths.getInt32(i)) / average))));
        let entry = scores.get(doc);
        if (!entry) scores.set(doc, (entry = { sum: 0, matched: 0 }));
        entry.sum += value;
        if (!seen.has(doc)) {
          seen.add(doc);
          entry.matched += 1;
        }
      }
    }
  }
  return scores;
}

export async function searchLexical(inSnapshot: InSnapshot, question: string, limit: number): Promise<StoreHit[]> {
  const terms = analyze(question);
  if (terms.length === 0 || limit <= 0) return [];
  const repeats = new Map<string, number>();
  for (const term of terms) repeats.set(term, (repeats.get(term) ?? 0) + 1);
  return inSnapshot(async (query) => {
    const { rows } = await query(POSTINGS, [[...repeats.keys()]]);
    if (rows.length === 0) return [];
    const lists = new Map<string, PostingList[]>();
    for (const row of rows) {
      const list = { field: (row.field as number) - 1, holders: row.holders as number, docs: view(row.docs), freqs: view(row.freqs), lengths: view(row.lengths) };
      lists.set(row.term as string, [...(lists.get(row.term as string) ?? []), list].sort((x, y) => x.field - y.field));
    }
    const scored = [...score(repeats, lists, rows[0].passages as number, rows[0].averages as number[])].map(([doc, { sum, matched }]) => ({
      doc,
      score: sum * matched,
    }));
    scored.sort((x, y) => y.score - x.score);
    // Every passage tied with the k-th, whose order the files' paths and positions decide.
    const kth = scored[Math.min(limit, scored.length) - 1]!.score;
    const best = scored.filter((s) => s.score >= kth);
    const { rows: places } = await query('SELECT doc, passage_id, file, position FROM confnotes_lexical WHERE doc = ANY($1::int[])', [
      best.map((s) => s.doc),
    ]);
    const place = new Map(places.map((p) => [p.doc as number, p as { passage_id: string; file: string; position: number }]));
    return best
      .flatMap((s) => {
        const at = place.get(s.doc);
        return at ? [{ ...s, ...at }] : [];
      })
      .sort((x, y) => y.score - x.score || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.position - y.position))
      .slice(0, limit)
      .map((s) => ({ id: s.passage_id, score: s.score }));
  });
}

/** Passages holding any of the terms, counted from the postings index. */
export async function documentFrequency(query: Query, terms: ReadonlyArray<string>): Promise<number> {
  if (terms.length === 0) return 0;
  const { rows } = await query(
    'SELECT count(*)::int AS n FROM (SELECT DISTINCT doc FROM confnotes_postings WHERE term = ANY($1::text[])) holders',
    [[...new Set(terms)]],
  );
  return rows[0].n as number;
}

export interface LexicalRow {
  id: string;
  file: string;
  position: number;
  terms: PassageTerms;
}

/**
 * Numbers the passages, then writes their postings as parallel arrays (unnest), which PostgreSQL reads
 * faster than the same rows as JSON.
 */
export async function insertLexical(client: pg.PoolClient, rows: ReadonlyArray<LexicalRow>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
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
    await client.query(
      `INSERT INTO confnotes_postings (term, field, doc, freq, length)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[])`,
      [postings.term, postings.field, postings.doc, postings.freq, postings.length],
    );
  }
}

/** Removes the postings of these files' passages; their lexical rows go with the passages (ON DELETE CASCADE). */
export async function deletePostings(client: pg.PoolClient, files: ReadonlyArray<string> | 'all'): Promise<void> {
  if (files === 'all') {
    await client.query('DELETE FROM confnotes_postings');
    return;
  }
  await client.query(
    `DELETE FROM confnotes_postings WHERE doc IN (
       SELECT l.doc FROM confnotes_passages p JOIN confnotes_lexical l ON l.passage_id = p.id WHERE p.file = ANY($1::text[]))`,
    [files],
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
  await insertLexical(client, lexical);
  await client.query(
    `UPDATE confnotes_files f SET field_length_sums = r.sums
     FROM jsonb_to_recordset($1::jsonb) AS r(file text, sums integer[]) WHERE f.file = r.file`,
    [JSON.stringify([...byFile].map(([file, passages]) => ({ file, sums: sumLengths(passages) })))],
  );
}
