// Lexical search for the PostgreSQL store, ranked like the embedded store's MiniSearch (see bm25.ts).
//
// `confnotes_lexical` keeps each passage's per-field term frequencies (jsonb, GIN-indexed on its keys)
// and field lengths; each file row keeps the sums of its passages' field lengths. Corpus statistics
// therefore change with the files in apply's transaction, and a search reads them and the postings in one
// statement, one snapshot. A search fetches every passage holding a query term (document frequencies are
// counted from them, so a capped candidate list would skew them, and `lexicalSearch(word, 1000).length`
// must count them all as the embedded store does), then ranks them in JS.
import type pg from 'pg';
import { analyze } from '../text/analyze.js';
import { LEXICAL_FIELDS, type PassageTerms, type Posting, analysePassage, rankBm25 } from './bm25.js';
import type { StoreHit } from './store.js';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

const INSERT_BATCH = 500;

export const sumLengths = (passages: ReadonlyArray<PassageTerms>): number[] =>
  LEXICAL_FIELDS.map((_, f) => passages.reduce((n, p) => n + p.lengths[f]!, 0));

// One match per (query term, passage holding it), each term found by its own index probe: extracting every
// query term from every candidate's map instead costs 2-3× more. A join of unnest($1) with the table would
// say the same, but planners (PGlite's, after ANALYZE too) then scan the whole table once per term.
// Matches travel as one JSON value: thousands of rows cost more to decode one by one in node-postgres.
const CORPUS = `SELECT ARRAY[sum(passages), ${LEXICAL_FIELDS.map((_, f) => `sum(field_length_sums[${f + 1}])`).join(', ')}]::integer[]
                FROM confnotes_files`;

function searchQuery(termCount: number): string {
  const probes = Array.from(
    { length: termCount },
    (_, i) => `SELECT $${i + 1}::text AS term, passage_id AS id, file, position, field_lengths, term_freqs -> $${i + 1} AS freqs
               FROM confnotes_lexical WHERE term_freqs ? $${i + 1}`,
  );
  return `SELECT (${CORPUS}) AS corpus, coalesce(json_agg(m), '[]') AS matches FROM (${probes.join(' UNION ALL ')}) AS m`;
}

interface MatchRow {
  id: string;
  file: string;
  position: number;
  field_lengths: number[];
  term: string;
  freqs: number[];
}

/** The embedded store's index order (files sorted by path as `mergeFiles` does, then passage order): ties keep it. */
function byIndexOrder(a: MatchRow, b: MatchRow): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.position - b.position;
}

function postingsOf(rows: MatchRow[]): Posting[] {
  const byId = new Map<string, { id: string; lengths: number[]; freqs: Record<string, number[]> }>();
  for (const row of rows.sort(byIndexOrder)) {
    let posting = byId.get(row.id);
    if (!posting) byId.set(row.id, (posting = { id: row.id, lengths: row.field_lengths, freqs: {} }));
    posting.freqs[row.term] = row.freqs;
  }
  return [...byId.values()];
}

export async function searchLexical(query: Query, question: string, k: number): Promise<StoreHit[]> {
  const terms = analyze(question);
  if (terms.length === 0 || k <= 0) return [];
  const unique = [...new Set(terms)];
  const { rows } = await query(searchQuery(unique.length), unique);
  const { corpus, matches } = rows[0] as { corpus: number[]; matches: MatchRow[] };
  if (matches.length === 0) return [];
  const [passages, ...lengthSums] = corpus;
  return rankBm25(terms, postingsOf(matches), { passages: passages!, lengthSums }).slice(0, k);
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
