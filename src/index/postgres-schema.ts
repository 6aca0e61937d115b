// The PostgreSQL layout of the store, created idempotently at open: every statement may run again on an
// up-to-date database. Tables are prefixed so that the store can share a database with other apps.
//
// The vector column is created without dimensions because the model is only known at the first write;
// `setDimensions` types it (and rebuilds the HNSW index) when the first or a rebuilding change arrives.
import type { PoolClient } from 'pg';
import { backfillLexical, countTermHolders } from './postgres-lexical.js';

/**
 * Before lexical search ranked with BM25 (bm25.ts), passages had a tsvector: their term frequencies and
 * field lengths are computed from the stored fields. Checked first because ALTER TABLE locks out readers
 * even when it has nothing to do.
 */
async function upgradeFromTsvector(client: PoolClient): Promise<void> {
  const { rowCount } = await client.query(
    "SELECT 1 FROM pg_attribute WHERE attrelid = 'confnotes_passages'::regclass AND attname = 'search' AND NOT attisdropped",
  );
  if (!rowCount) return;
  await client.query('ALTER TABLE confnotes_files ADD COLUMN field_length_sums integer[]');
  await client.query('ALTER TABLE confnotes_passages DROP COLUMN search');
  await backfillLexical(client);
  await client.query('ALTER TABLE confnotes_files ALTER COLUMN field_length_sums SET NOT NULL');
}

/**
 * Between BM25 and the postings table, each passage's term frequencies were one jsonb under a GIN index
 * (see postgres-lexical.ts for why that was slow). Its postings are written from it in SQL, at open
 * (about 40 s at 100k passages on 2 busy cores, once), before the postings' indexes are built.
 */
async function upgradeFromJsonbTerms(client: PoolClient): Promise<void> {
  const { rowCount } = await client.query(
    "SELECT 1 FROM pg_attribute WHERE attrelid = 'confnotes_lexical'::regclass AND attname = 'term_freqs' AND NOT attisdropped",
  );
  if (!rowCount) return;
  await client.query('ALTER TABLE confnotes_lexical ADD COLUMN doc integer GENERATED ALWAYS AS IDENTITY');
  await client.query(
    `INSERT INTO confnotes_postings (term, field, doc, freq, length)
     SELECT t.key, f.field, l.doc, f.freq::int, l.field_lengths[f.field]
     FROM confnotes_lexical l
     CROSS JOIN LATERAL jsonb_each(l.term_freqs) AS t
     CROSS JOIN LATERAL jsonb_array_elements_text(t.value) WITH ORDINALITY AS f(freq, field)
     WHERE f.freq::int > 0`,
  );
  // Its GIN index goes with the column.
  await client.query('ALTER TABLE confnotes_lexical DROP COLUMN term_freqs, DROP COLUMN field_lengths');
}

/**
 * Passages carry their Markdown structure (MarkdownStructure in types.ts) since pipeline 7. Rows written
 * before it keep a null one until the sync that the new pipeline triggers rewrites them; until then their
 * sentences are split a line at a time (sentences.ts). Checked first, as ALTER TABLE locks out readers.
 */
async function addPassageStructure(client: PoolClient): Promise<void> {
  const { rowCount } = await client.query(
    "SELECT 1 FROM pg_attribute WHERE attrelid = 'confnotes_passages'::regclass AND attname = 'structure' AND NOT attisdropped",
  );
  if (!rowCount) await client.query('ALTER TABLE confnotes_passages ADD COLUMN structure jsonb');
}

/**
 * How many passages hold each (term, field): the terms' weights in a search (postgres-lexical.ts). Created
 * with its counts, so that a database from before it, whose postings are there, is counted once at open.
 */
async function addTermHolders(client: PoolClient): Promise<void> {
  const { rows } = await client.query("SELECT to_regclass('confnotes_terms') IS NULL AS missing");
  if (!rows[0].missing) return;
  await client.query(
    `CREATE TABLE confnotes_terms (
       term text COLLATE "C" NOT NULL,
       field integer NOT NULL,
       holders integer NOT NULL,
       PRIMARY KEY (term, field))`,
  );
  await countTermHolders(client, 'all');
}

// Built after a bulk load (setDimensions drops them): building a btree over millions of postings at once
// is several times faster than growing it row by row. The first serves searches and counts from the index
// alone; the second, apply's deletes.
const POSTINGS_INDEXES = [
  'CREATE INDEX IF NOT EXISTS confnotes_postings_term_idx ON confnotes_postings (term, field, doc) INCLUDE (freq, length)',
  'CREATE INDEX IF NOT EXISTS confnotes_postings_doc_idx ON confnotes_postings (doc)',
];

const migrations: Array<string | ((client: PoolClient) => Promise<void>)> = [
  'CREATE EXTENSION IF NOT EXISTS vector',
  `CREATE TABLE IF NOT EXISTS confnotes_manifest (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     embedder_id text NOT NULL,
     dimensions integer NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS confnotes_files (
     file text PRIMARY KEY,
     hash text NOT NULL,
     encoding text NOT NULL,
     conference text NOT NULL,
     talks integer NOT NULL,
     passages integer NOT NULL,
     field_length_sums integer[] NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS confnotes_talks (
     id text PRIMARY KEY,
     file text NOT NULL REFERENCES confnotes_files (file) ON DELETE CASCADE,
     position integer NOT NULL,
     conference text NOT NULL,
     date text,
     talk text NOT NULL,
     speakers text[] NOT NULL,
     companies text[] NOT NULL,
     language text NOT NULL,
     line_start integer NOT NULL,
     line_end integer NOT NULL,
     empty boolean NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS confnotes_passages (
     id text PRIMARY KEY,
     file text NOT NULL REFERENCES confnotes_files (file) ON DELETE CASCADE,
     position integer NOT NULL,
     talk_id text NOT NULL,
     conference text NOT NULL,
     date text,
     talk text NOT NULL,
     speakers text[] NOT NULL,
     companies text[] NOT NULL,
     language text NOT NULL,
     line_start integer NOT NULL,
     line_end integer NOT NULL,
     text text NOT NULL,
     embedding vector NOT NULL,
     structure jsonb)`,
  // Passage numbers for the postings, and what breaks ties between equal scores (see postgres-lexical.ts).
  `CREATE TABLE IF NOT EXISTS confnotes_lexical (
     passage_id text PRIMARY KEY REFERENCES confnotes_passages (id) ON DELETE CASCADE,
     file text NOT NULL,
     position integer NOT NULL,
     doc integer GENERATED ALWAYS AS IDENTITY)`,
  // No foreign key to confnotes_lexical: checking one per posting would slow a 100k-passage build by about
  // as much as writing the postings; apply deletes a file's postings itself (deletePostings).
  // Terms compare byte by byte ("C"): the database's collation would only slow the btree, by a third in
  // building it over 5M postings on a C.UTF-8 database, more on language collations.
  `CREATE TABLE IF NOT EXISTS confnotes_postings (
     term text COLLATE "C" NOT NULL,
     field integer NOT NULL,
     doc integer NOT NULL,
     freq integer NOT NULL,
     length integer NOT NULL)`,
  upgradeFromJsonbTerms,
  'CREATE UNIQUE INDEX IF NOT EXISTS confnotes_lexical_doc_idx ON confnotes_lexical (doc)',
  'CREATE INDEX IF NOT EXISTS confnotes_passages_file_idx ON confnotes_passages (file)',
  'CREATE INDEX IF NOT EXISTS confnotes_talks_file_idx ON confnotes_talks (file)',
  ...POSTINGS_INDEXES,
  upgradeFromTsvector,
  addTermHolders,
  addPassageStructure,
  // What the notes did not answer, and the votes on answers (src/gaps/postgres-feedback-log.ts): every bot
  // process appends, `confnotes gaps` reads them all. Ids keep the order records arrived in.
  `CREATE TABLE IF NOT EXISTS confnotes_gaps (
     id bigserial PRIMARY KEY,
     kind text NOT NULL CHECK (kind IN ('abstained', 'downvoted')),
     question text NOT NULL,
     origin text NOT NULL,
     closest jsonb NOT NULL,
     recorded_at timestamptz NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS confnotes_gaps_recorded_at_idx ON confnotes_gaps (recorded_at)',
  `CREATE TABLE IF NOT EXISTS confnotes_votes (
     id bigserial PRIMARY KEY,
     question text NOT NULL,
     excerpts text[] NOT NULL,
     user_id text NOT NULL,
     vote text NOT NULL CHECK (vote IN ('up', 'down')),
     recorded_at timestamptz NOT NULL)`,
];

const EMBEDDING_INDEX = 'confnotes_passages_embedding_idx';
/** Taken only while the search indexes are built, and only as far as they need it. */
const INDEX_BUILD_MEMORY = '512MB';

export async function migrate(client: PoolClient): Promise<void> {
  // Two processes starting at once would race on CREATE ... IF NOT EXISTS (unique violations in the catalog).
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('confnotes_migrate'))");
    for (const step of migrations) await (typeof step === 'string' ? client.query(step) : step(client));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Drops the search indexes; call on empty tables, before a bulk insert. Building the postings' indexes
 * at once is faster than growing them row by row, as for the HNSW index (below).
 */
export async function setDimensions(client: PoolClient, dimensions: number): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`invalid vector dimensions ${dimensions}`);
  await client.query(`DROP INDEX IF EXISTS ${EMBEDDING_INDEX}`);
  await client.query('DROP INDEX IF EXISTS confnotes_postings_term_idx, confnotes_postings_doc_idx');
  await client.query(`ALTER TABLE confnotes_passages ALTER COLUMN embedding TYPE vector(${dimensions})`);
}

/**
 * Built after bulk inserts: with the index in place every insert updates the graph (10 s instead of 2 s
 * for 5k rows, install notes). pgvector builds fast only while the graph fits in maintenance_work_mem
 * (64 MB by default, less than 100k passages of 100 dimensions take); past it, the build goes on on disk.
 */
export async function createSearchIndexes(client: PoolClient): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  for (const index of POSTINGS_INDEXES) await client.query(index);
  await client.query(
    `CREATE INDEX IF NOT EXISTS ${EMBEDDING_INDEX} ON confnotes_passages USING hnsw (embedding vector_cosine_ops)`,
  );
}
