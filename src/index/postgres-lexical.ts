// Lexical search for the PostgreSQL store, ranked like the embedded store (MiniSearch's BM25+, see bm25.ts).
//
// `confnotes_postings` holds one row per (term, field, passage) with the term's frequency in that field and
// the field's length, under a btree on (term, field, doc) that includes both. A search reads the question
// terms' postings from that index alone, one row per (term, field) with its postings packed as 4-byte
// integers, and the corpus statistics (each file row keeps the sums of its passages' field lengths) in the
// same statement; the process scores them as the embedded index does (lexical-index.ts: the same formula,
// added up in the same order), then reads the file and position of the best passages only, to break ties. Both statements run in one REPEATABLE READ snapshot: a search never mixes
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
import { idf, LEXICAL_FIELDS, postingScore, type PassageTerms, analysePassage } from './bm25.js';
import type { StoreHit } from './store.js';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
/** Runs `work` with statements that all see one snapshot of the database. */
export type InSnapshot = <T>(work: (query: Query) => Promise<T>) => Promise<T>;

const INSERT_BATCH = 500;

export const sumLengths = (passages: ReadonlyArray<PassageTerms>): number[] =>
  LEXICAL_FIELDS.map((_, f) => passages.reduce((n, p) => n + p.lengths[f]!, 0));

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
 * (term, field) holder counts, a repeated query term counted as often as it is repeated, the sum
 * multiplied by the number of distinct query terms a passage holds. Returns the passages and their scores.
 */
function score(
  repeats: ReadonlyMap<string, number>,
  lists: ReadonlyMap<string, PostingList[]>,
  passages: number,
  averages: ReadonlyArray<number>,
): { docs: Int32Array; scores: Float64Array } {
  let postings = 0;
  for (const term of repeats.keys()) for (const list of lists.get(term) ?? []) postings += list.holders;
  // Each passage's slot, found in an open-addressing table of passage numbers (identities start at 1, so
  // 0 is free): a Map, or an object per passage, cost most of a search over a common word's postings.
  const size = 2 ** Math.ceil(Math.log2(2 * postings + 2));
  const keys = new Int32Array(size);
  const slotOfKey = new Int32Array(size);
  const docs = new Int32Array(postings);
  const sums = new Float64Array(postings);
  const matched = new Uint16Array(postings);
  const lastTerm = new Uint16Array(postings);
  let count = 0;
  let termNumber = 0;
  for (const [term, times] of repeats) {
    termNumber++;
    for (const { field, holders, docs: listDocs, freqs, lengths } of lists.get(term) ?? []) {
      const termIdf = idf(passages, holders);
      const average = averages[field]!;
      for (let i = 0; i < holders * 4; i += 4) {
        const doc = listDocs.getInt32(i);
        const tf = freqs.getInt32(i);
        const value = postingScore(times, field, termIdf, tf, lengths.getInt32(i), average);
        let at = Math.imul(doc, 0x9e3779b1) & (size - 1);
        while (keys[at] !== 0 && keys[at] !== doc) at = (at + 1) & (size - 1);
        if (keys[at] === 0) {
          keys[at] = doc;
          slotOfKey[at] = count;
          docs[count++] = doc;
        }
        const slot = slotOfKey[at]!;
        sums[slot]! += value;
        if (lastTerm[slot] !== termNumber) {
          lastTerm[slot] = termNumber;
          matched[slot]! += 1;
        }
      }
    }
  }
  return { docs: docs.subarray(0, count), scores: sums.subarray(0, count).map((sum, slot) => sum * matched[slot]!) };
}

/** The passages scoring at least the limit-th best score: the best, and every one tied with the last of them. */
function best({ docs, scores }: { docs: Int32Array; scores: Float64Array }, limit: number): Array<{ doc: number; score: number }> {
  if (docs.length === 0) return [];
  // A numeric typed-array sort, without a comparator: tens of thousands of scores in a millisecond or two.
  const ascending = Float64Array.from(scores).sort();
  const kth = ascending[Math.max(0, ascending.length - limit)]!;
  const kept: Array<{ doc: number; score: number }> = [];
  for (let slot = 0; slot < scores.length; slot++) if (scores[slot]! >= kth) kept.push({ doc: docs[slot]!, score: scores[slot]! });
  return kept;
}

export interface LexicalSearch {
  question: string;
  limit: number;
}

/**
 * Several searches in one snapshot and two statements: the postings of all their terms, then the places
 * of all their best passages. Answering a question searches its words and their equivalents at once, and
 * the two share terms.
 */
export async function searchLexical(inSnapshot: InSnapshot, searches: ReadonlyArray<LexicalSearch>): Promise<StoreHit[][]> {
  const wanted = searches.map(({ question, limit }) => {
    const repeats = new Map<string, number>();
    if (limit > 0) for (const term of analyze(question)) repeats.set(term, (repeats.get(term) ?? 0) + 1);
    return { repeats, limit };
  });
  const terms = [...new Set(wanted.flatMap(({ repeats }) => [...repeats.keys()]))];
  if (terms.length === 0) return searches.map(() => []);
  return inSnapshot(async (query) => {
    const { rows } = await query(POSTINGS, [terms]);
    if (rows.length === 0) return searches.map(() => []);
    const lists = new Map<string, PostingList[]>();
    for (const row of rows) {
      const list = { field: (row.field as number) - 1, holders: row.holders as number, docs: view(row.docs), freqs: view(row.freqs), lengths: view(row.lengths) };
      lists.set(row.term as string, [...(lists.get(row.term as string) ?? []), list].sort((x, y) => x.field - y.field));
    }
    const passages = rows[0].passages as number;
    const averages = rows[0].averages as number[];
    // Every passage tied with the k-th too: their order is the files' paths and positions.
    const bests = wanted.map(({ repeats, limit }) => best(score(repeats, lists, passages, averages), limit));
    const { rows: places } = await query('SELECT doc, passage_id, file, position FROM confnotes_lexical WHERE doc = ANY($1::int[])', [
      [...new Set(bests.flatMap((best) => best.map((s) => s.doc)))],
    ]);
    const place = new Map(places.map((p) => [p.doc as number, p as { passage_id: string; file: string; position: number }]));
    return bests.map((best, i) =>
      best
        .flatMap((s) => {
          const at = place.get(s.doc);
          return at ? [{ ...s, ...at }] : [];
        })
        .sort((x, y) => y.score - x.score || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.position - y.position))
        .slice(0, wanted[i]!.limit)
        .map((s) => ({ id: s.passage_id, score: s.score })),
    );
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
  await (await insertLexical(client, lexical)).written;
  await client.query(
    `UPDATE confnotes_files f SET field_length_sums = r.sums
     FROM jsonb_to_recordset($1::jsonb) AS r(file text, sums integer[]) WHERE f.file = r.file`,
    [JSON.stringify([...byFile].map(([file, passages]) => ({ file, sums: sumLengths(passages) })))],
  );
}
