// The PostgreSQL layout of the store, created idempotently at open: every statement may run again on an
// up-to-date database. Tables are prefixed so that the store can share a database with other apps.
//
// The vector column is created without dimensions because the model is only known at the first write;
// `setDimensions` types it (and rebuilds the HNSW index) when the first or a rebuilding change arrives.
import type { PoolClient } from 'pg';

const migrations = [
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
     passages integer NOT NULL)`,
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
     search tsvector NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS confnotes_passages_file_idx ON confnotes_passages (file)',
  'CREATE INDEX IF NOT EXISTS confnotes_talks_file_idx ON confnotes_talks (file)',
  'CREATE INDEX IF NOT EXISTS confnotes_passages_search_idx ON confnotes_passages USING gin (search)',
];

const EMBEDDING_INDEX = 'confnotes_passages_embedding_idx';

export async function migrate(client: PoolClient): Promise<void> {
  // Two processes starting at once would race on CREATE ... IF NOT EXISTS (unique violations in the catalog).
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('confnotes_migrate'))");
    for (const statement of migrations) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Drops the HNSW index; call on an empty passages table, before a bulk insert. */
export async function setDimensions(client: PoolClient, dimensions: number): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`invalid vector dimensions ${dimensions}`);
  await client.query(`DROP INDEX IF EXISTS ${EMBEDDING_INDEX}`);
  await client.query(`ALTER TABLE confnotes_passages ALTER COLUMN embedding TYPE vector(${dimensions})`);
}

/** Built after bulk inserts: with the index in place every insert updates the graph (10 s instead of 2 s for 5k rows, install notes). */
export async function createEmbeddingIndex(client: PoolClient): Promise<void> {
  await client.query(
    `CREATE INDEX IF NOT EXISTS ${EMBEDDING_INDEX} ON confnotes_passages USING hnsw (embedding vector_cosine_ops)`,
  );
}
