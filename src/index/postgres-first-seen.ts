// "Has any process seen this id already?", answered by the shared database: Slack retries an event it
// thinks was not delivered, and behind a load balancer the retry may reach another process, which must
// not answer it a second time. The first process to insert the id wins; an id older than the expiry
// counts as new again (and is rewritten), so the table holds only recent ids.
import pg from 'pg';
import { log } from '../log.js';

export interface FirstSeen {
  /** True for the first process and call that records `id`; false for every later one within the expiry. */
  firstSeen(id: string): Promise<boolean>;
  close(): Promise<void>;
}

// Slack gives up retrying after three attempts over about five minutes.
const DEFAULT_EXPIRY_SECONDS = 3600;

export function openFirstSeen(url: string, { expirySeconds = DEFAULT_EXPIRY_SECONDS } = {}): FirstSeen {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on('error', (error) => log.warn({ err: error.message }, 'idle connection of the event-id table lost'));
  let created: Promise<unknown> | undefined;
  const table = () =>
    (created ??= pool
      .query('CREATE TABLE IF NOT EXISTS confnotes_first_seen (id text PRIMARY KEY, seen_at timestamptz NOT NULL)')
      .catch((error: unknown) => {
        created = undefined;
        throw error;
      }));
  return {
    async firstSeen(id) {
      await table();
      const { rowCount } = await pool.query(
        `INSERT INTO confnotes_first_seen (id, seen_at) VALUES ($1, now())
         ON CONFLICT (id) DO UPDATE SET seen_at = now()
           WHERE confnotes_first_seen.seen_at < now() - make_interval(secs => $2)
         RETURNING 1`,
        [id, expirySeconds],
      );
      if (Math.random() < 0.01) {
        // Now and then, not on every event: old ids are only dead weight.
        void pool.query('DELETE FROM confnotes_first_seen WHERE seen_at < now() - make_interval(secs => $1)', [expirySeconds]).catch(() => undefined);
      }
      return rowCount === 1;
    },
    close: () => pool.end(),
  };
}
