// The PostgreSQL layout of the store, created idempotently at open: every statement may run again on an
// up-to-date database. Tables are prefixed so that the store can share a database with other apps.
//
// The vector column is created without dimensions because the model is only known at the first write;
// `setDimensions` types it (and rebuilds the HNSW index) when the first or a rebuilding change arrives.
import type { PoolClient } from 'pg';
import { backfillLexical } from './postgres-lexical.js';

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

// jsonb_ops, not jsonb_path_ops: only the former serves `?` (has this term).
const LEXICAL_INDEX = 'CREATE INDEX IF NOT EXISTS confnotes_lexical_terms_idx ON confnotes_lexical USING gin (term_freqs)';

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
     embedding vector NOT NULL)`,
  // A table of its own: narrow rows keep the per-term index probes of a search cheap (see postgres-lexical.ts).
  `CREATE TABLE IF NOT EXISTS confnotes_lexical (
     passage_id text PRIMARY KEY REFERENCES confnotes_passages (id) ON DELETE CASCADE,
     file text NOT NULL,
     position integer NOT NULL,
     field_lengths integer[] NOT NULL,
     term_freqs jsonb NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS confnotes_passages_file_idx ON confnotes_passages (file)',
  'CREATE INDEX IF NOT EXISTS confnotes_talks_file_idx ON confnotes_talks (file)',
  LEXICAL_INDEX,
  upgradeFromTsvector,
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
 * Drops the search indexes; call on empty tables, before a bulk insert. Building a GIN index over 100k
 * passages' terms at once is faster than growing it row by row, as for the HNSW index (below).
 */
export async function setDimensions(client: PoolClient, dimensions: number): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`invalid vector dimensions ${dimensions}`);
  await client.query(`DROP INDEX IF EXISTS ${EMBEDDING_INDEX}`);
  await client.query('DROP INDEX IF EXISTS confnotes_lexical_terms_idx');
  await client.query(`ALTER TABLE confnotes_passages ALTER COLUMN embedding TYPE vector(${dimensions})`);
}

/**
 * Built after bulk inserts: with the index in place every insert updates the graph (10 s instead of 2 s
 * for 5k rows, install notes). pgvector builds fast only while the graph fits in maintenance_work_mem
 * (64 MB by default, less than 100k passages of 100 dimensions take); past it, the build goes on on disk.
 */
export async function createSearchIndexes(client: PoolClient): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  await client.query(LEXICAL_INDEX);
  await client.query(
    `CREATE INDEX IF NOT EXISTS ${EMBEDDING_INDEX} ON confnotes_passages USING hnsw (embedding vector_cosine_ops)`,
  );
}
