// The feedback log in the database every bot process shares: two append-only tables, created with the
// store's schema (postgres-schema.ts), so that `confnotes gaps` on any machine reads what all of them recorded.
import pg from 'pg';
import { ConfnotesError } from '../errors.js';
import { log } from '../log.js';
import { migrate } from '../index/postgres-schema.js';
import { describeTarget, isTransient } from '../index/postgres-store.js';
import type { FeedbackLog, GapRecord } from './feedback-log.js';

export function postgresFeedbackLog(url: string): FeedbackLog {
  const target = describeTarget(url);
  // Two connections: records are a row each, and reading them is one query.
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => log.warn({ err: error.message }, `idle connection of the feedback log to ${target} lost`));

  const unavailable = (error: unknown) =>
    isTransient(error) ? new ConfnotesError('DATABASE_UNAVAILABLE', `cannot use ${target}: ${(error as Error).message || String(error)}`, { cause: error }) : error;

  // The tables may not exist yet (`confnotes gaps` before any bot started): the schema is brought up to
  // date once, at the first use, then again after a failure.
  let ready: Promise<void> | undefined;
  const schema = () =>
    (ready ??= (async () => {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  async function query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    try {
      await schema();
      return await pool.query(text, values);
    } catch (error) {
      throw unavailable(error);
    }
  }

  return {
    async recordGap(record) {
      await query('INSERT INTO confnotes_gaps (kind, question, origin, closest, recorded_at) VALUES ($1, $2, $3, $4, $5)', [
        record.kind, record.question, record.origin, JSON.stringify(record.closest), record.time,
      ]);
    },
    async recordVote(record) {
      await query('INSERT INTO confnotes_votes (question, excerpts, user_id, vote, recorded_at) VALUES ($1, $2, $3, $4, $5)', [
        record.question, record.excerpts, record.user, record.vote, record.time,
      ]);
    },
    async gaps(since) {
      const { rows } = await query(
        'SELECT kind, question, origin, closest, recorded_at FROM confnotes_gaps WHERE $1::timestamptz IS NULL OR recorded_at >= $1 ORDER BY id',
        [since?.toISOString() ?? null],
      );
      return rows.map(
        (row): GapRecord => ({
          kind: row.kind,
          question: row.question,
          origin: row.origin,
          closest: row.closest,
          time: (row.recorded_at as Date).toISOString(),
        }),
      );
    },
    close: () => pool.end(),
  };
}
