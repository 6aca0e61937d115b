// PGlite with pgvector served on 127.0.0.1 at a random port: a PostgreSQL wire endpoint with nothing to
// set up, for the store contract when no real server is at hand. It is one session (pglite-socket
// interleaves pooled connections' statements in it), so it cannot stand in for several connections
// or processes: those tests need the real server (test-database.ts).
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { TestDatabase } from './test-database.js';

export async function startPgliteDatabase(): Promise<TestDatabase> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    async reset() {
      await db.exec(
        'DROP TABLE IF EXISTS confnotes_terms, confnotes_postings, confnotes_lexical, confnotes_passages, confnotes_talks, confnotes_files, confnotes_manifest CASCADE',
      );
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
