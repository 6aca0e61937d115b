// A real PostgreSQL wire endpoint for tests: PGlite with pgvector, served on 127.0.0.1 at a random port,
// so that the store is exercised through the real `pg` client.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface TestDatabase {
  url: string;
  /** Drops the store's tables so that the next store opens over an empty database. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    async reset() {
      await db.exec(
        'DROP TABLE IF EXISTS confnotes_lexical, confnotes_passages, confnotes_talks, confnotes_files, confnotes_manifest CASCADE',
      );
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
