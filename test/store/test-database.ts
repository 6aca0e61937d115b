// Databases on the real PostgreSQL server of the tests. `.ci/run` starts one with
// ../shared/scripts/postgres-for-tests.sh and exports its URL as CONFNOTES_TEST_DATABASE_URL; by hand:
//   eval "$(../shared/scripts/postgres-for-tests.sh start)"
// Each test file gets a database of its own on that server, so that files running in parallel never see
// each other's tables. Without the URL, the tests that need a server say so and are skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const serverUrl: string | undefined = process.env.CONFNOTES_TEST_DATABASE_URL || undefined;

/** The name of a skipped suite, so that the reason shows in the run's output. */
export const needsServer = (title: string): string =>
  serverUrl ? title : `${title} (skipped: needs PostgreSQL, set CONFNOTES_TEST_DATABASE_URL or run .ci/run)`;

export interface TestDatabase {
  url: string;
  /** Drops the store's tables, so that the next store opens over an empty database. */
  reset(): Promise<void>;
  /** Drops the database, closing any connection left to it. */
  stop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) throw new Error('CONFNOTES_TEST_DATABASE_URL is not set');
  const name = `confnotes_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    reset: () =>
      withClient(url.toString(), async (c) => {
        // Every table of the store's migrations, whatever their version.
        const { rows } = await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'confnotes\\_%'");
        if (rows.length > 0) await c.query(`DROP TABLE ${rows.map((r) => r.tablename as string).join(', ')} CASCADE`);
      }),
    stop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
