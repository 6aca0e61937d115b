// The feedback log's one contract, run against the state folder and a real PostgreSQL, and what only
// one of them has to show: a torn line, an unreachable database.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFeedbackLog, type VoteRecord } from '../../src/gaps/feedback-log.js';
import { expectRejectedWith } from '../store/store.contract.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../store/test-database.js';
import { GAP_RECORDS, runFeedbackLogContract } from './feedback-log.contract.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confnotes-feedback-log-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const readLines = async (path: string): Promise<unknown[]> => {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
};

let places = 0;
runFeedbackLogContract('state folder', async () => {
  const stateDir = join(dir, `state-${++places}`);
  return {
    open: () => openFeedbackLog({ stateDir }),
    votes: async () => (await readLines(join(stateDir, 'feedback.jsonl'))) as VoteRecord[],
  };
});

test('state folder: a line torn by a crash is skipped, and the next process\'s records still count', async () => {
  const stateDir = join(dir, 'torn');
  await (await openFeedbackLog({ stateDir })).recordGap(GAP_RECORDS[0]!);
  const path = join(stateDir, 'gaps.jsonl');
  await writeFile(path, `${await readFile(path, 'utf8')}{"kind":"abst`);
  const next = await openFeedbackLog({ stateDir });
  await next.recordGap(GAP_RECORDS[1]!);
  await next.recordGap(GAP_RECORDS[2]!);
  expect(await next.gaps()).toEqual(GAP_RECORDS.slice(0, 3));
});

describe.skipIf(!serverUrl)(needsServer('PostgreSQL feedback log'), () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.stop());

  runFeedbackLogContract('PostgreSQL', async () => {
    // No table left from the previous test: the log creates them with the store's schema at first use.
    await database.reset();
    return {
      open: () => openFeedbackLog({ stateDir: join(dir, 'unused'), databaseUrl: database.url }),
      async votes() {
        const client = new pg.Client(database.url);
        await client.connect();
        try {
          const { rows } = await client.query('SELECT question, excerpts, user_id, vote, recorded_at FROM confnotes_votes ORDER BY id');
          return rows.map((r) => ({ question: r.question, excerpts: r.excerpts, user: r.user_id, vote: r.vote, time: (r.recorded_at as Date).toISOString() }));
        } finally {
          await client.end();
        }
      },
    };
  });

  test('PostgreSQL: nothing is written to the state folder', async () => {
    const stateDir = join(dir, 'beside-the-database');
    const log = await openFeedbackLog({ stateDir, databaseUrl: database.url });
    await log.recordGap(GAP_RECORDS[0]!);
    await log.close();
    expect(await readLines(join(stateDir, 'gaps.jsonl'))).toEqual([]);
  });
});

test('PostgreSQL: an unreachable database is DATABASE_UNAVAILABLE, naming it without the password', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  const log = await openFeedbackLog({ stateDir: join(dir, 'unused'), databaseUrl: `postgres://confnotes:s3cret@127.0.0.1:${port}/notes` });
  try {
    const error = await expectRejectedWith(log.gaps(), 'DATABASE_UNAVAILABLE', new RegExp(`cannot use PostgreSQL at 127\\.0\\.0\\.1:${port}/notes: .*ECONNREFUSED`));
    expect(error.message).not.toContain('s3cret');
    await expectRejectedWith(log.recordGap(GAP_RECORDS[0]!), 'DATABASE_UNAVAILABLE');
  } finally {
    await log.close();
  }
});
