import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analysePassage } from '../../src/index/bm25.js';
import { openPostgresStore } from '../../src/index/postgres-store.js';
import { analyze } from '../../src/text/analyze.js';
import { compileChildren } from './compile-children.js';
import { CHANGING_FILE, COPIES_FOR_5K, TEST_EMBEDDER, indexText, seedFiles, seedTexts, writerVariant } from './fixtures.js';
import { mixedQueries, recallAgainstExact } from './recall.js';
import { startPgliteDatabase } from './pglite-server.js';
import { expectRejectedWith, runStoreContract } from './store.contract.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from './test-database.js';

// The real server when there is one (always in CI). Without it the contract still runs, on PGlite: one
// session, enough for one store in one process, and nothing needs setting up; what needs several
// connections or processes is skipped.
let database: TestDatabase;
beforeAll(async () => {
  database = serverUrl ? await createTestDatabase() : await startPgliteDatabase();
});
afterAll(() => database?.stop());

runStoreContract(serverUrl ? 'PostgreSQL store' : 'PostgreSQL store (PGlite, no server)', async () => {
  await database.reset();
  return openPostgresStore(database.url);
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('PostgreSQL store: an unreachable database is DATABASE_UNAVAILABLE after retries, without leaking the password', async () => {
  const url = `postgres://confnotes:s3cret@127.0.0.1:${await closedPort()}/notes`;
  const started = performance.now();
  const error = await expectRejectedWith(
    openPostgresStore(url, { connectAttempts: 3, retryDelayMs: 50 }),
    'DATABASE_UNAVAILABLE',
    /cannot use PostgreSQL at 127\.0\.0\.1:\d+\/notes: .*ECONNREFUSED.*CONFNOTES_DATABASE_URL/,
  );
  expect(error.message).not.toContain('s3cret');
  expect(performance.now() - started).toBeGreaterThanOrEqual(150); // waited 50 + 100 ms between attempts
});

describe.skipIf(!serverUrl)(needsServer('PostgreSQL store on a real server'), () => {
  test('opening twice migrates idempotently and keeps the data', async () => {
    await database.reset();
    const first = await openPostgresStore(database.url);
    await first.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    const second = await openPostgresStore(database.url);
    expect((await second.manifest())!.counts.files).toBe(5);
    await Promise.all([first.close(), second.close()]);
  });

  test('a database from before BM25 (a tsvector per passage) is upgraded at open and ranks the same', async () => {
    await database.reset();
    const first = await openPostgresStore(database.url);
    await first.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    const questions = ['Etsy post-mortem', 'deploiements chez Etsy', 'Sarah Dapul-Weberman', 'the'];
    const before = await Promise.all(questions.map((q) => first.lexicalSearch(q, 1000)));
    await first.close();
    const client = new pg.Client(database.url);
    await client.connect();
    await client.query('DROP TABLE confnotes_lexical, confnotes_postings, confnotes_terms');
    await client.query('ALTER TABLE confnotes_files DROP COLUMN field_length_sums');
    await client.query("ALTER TABLE confnotes_passages ADD COLUMN search tsvector NOT NULL DEFAULT ''");
    await client.end();
    const upgraded = await openPostgresStore(database.url);
    expect(await Promise.all(questions.map((q) => upgraded.lexicalSearch(q, 1000)))).toEqual(before);
    await upgraded.close();
  });

  test('a database from before the postings table (a jsonb of terms per passage) is upgraded at open and answers the same', async () => {
    await database.reset();
    const first = await openPostgresStore(database.url);
    await first.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    const questions = ['Etsy post-mortem', 'deploiements chez Etsy', 'Sarah Dapul-Weberman', 'the'];
    const frequencies = [analyze('deployment production'), analyze('etsy'), ['nosuchterm']];
    const before = await Promise.all(questions.map((q) => first.lexicalSearch(q, 1000)));
    const countsBefore = await Promise.all(frequencies.map((terms) => first.documentFrequency(terms)));
    await first.close();
    // The jsonb layout, rebuilt from the stored passages as that version wrote it.
    const client = new pg.Client(database.url);
    await client.connect();
    await client.query('DROP TABLE confnotes_postings, confnotes_terms');
    await client.query('ALTER TABLE confnotes_lexical DROP COLUMN doc, ADD COLUMN field_lengths integer[], ADD COLUMN term_freqs jsonb');
    const { rows } = await client.query('SELECT id, text, talk, speakers, companies, conference FROM confnotes_passages');
    await client.query(
      `UPDATE confnotes_lexical l SET field_lengths = r.lengths, term_freqs = r.freqs
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, lengths integer[], freqs jsonb) WHERE l.passage_id = r.id`,
      [JSON.stringify(rows.map((row) => ({ id: row.id, ...analysePassage(row) })))],
    );
    await client.query('CREATE INDEX confnotes_lexical_terms_idx ON confnotes_lexical USING gin (term_freqs)');
    await client.end();
    const upgraded = await openPostgresStore(database.url);
    expect(await Promise.all(questions.map((q) => upgraded.lexicalSearch(q, 1000)))).toEqual(before);
    expect(await Promise.all(frequencies.map((terms) => upgraded.documentFrequency(terms)))).toEqual(countsBefore);
    expect(countsBefore[0]).toBeGreaterThan(0);
    // A change after the upgrade numbers its passages after the upgraded ones and replaces their postings.
    const seeds = seedTexts();
    const edited = indexText(seeds[0]!.file, `${seeds[0]!.text}\n\nEtsy again, and once more Etsy.\n`);
    await upgraded.apply({ embedder: TEST_EMBEDDER, upsert: [edited], remove: [seeds[1]!.file] });
    const now = [edited, ...seedFiles().slice(2)].flatMap((f) => f.passages);
    const etsy = analyze('etsy');
    expect(await upgraded.documentFrequency(etsy)).toBe(now.filter((p) => etsy.some((t) => Object.hasOwn(analysePassage(p).freqs, t))).length);
    await upgraded.close();
  });

  test('a database from before passages carried their structure gains the column at open, old rows without one', async () => {
    await database.reset();
    const first = await openPostgresStore(database.url);
    const [old, changed] = seedFiles();
    await first.apply({ embedder: TEST_EMBEDDER, upsert: [old!, changed!], remove: [] });
    await first.close();
    const client = new pg.Client(database.url);
    await client.connect();
    await client.query('ALTER TABLE confnotes_passages DROP COLUMN structure');
    await client.end();
    const upgraded = await openPostgresStore(database.url);
    const { structure: _, ...withoutStructure } = old!.passages[0]!;
    expect(await upgraded.passages([old!.passages[0]!.id])).toEqual([withoutStructure]);
    await upgraded.apply({ embedder: TEST_EMBEDDER, upsert: [changed!], remove: [] });
    expect(await upgraded.passages([changed!.passages[0]!.id])).toEqual([changed!.passages[0]]);
    expect(changed!.passages[0]!.structure!.units.length).toBeGreaterThan(0);
    await upgraded.close();
  });

  test('concurrent indexers are serialised and both changes land', async () => {
    await database.reset();
    const [a, b] = await Promise.all([openPostgresStore(database.url), openPostgresStore(database.url)]);
    const seeds = seedFiles();
    await a.apply({ embedder: TEST_EMBEDDER, upsert: seeds.slice(0, 1), remove: [] });
    await Promise.all([
      a.apply({ embedder: TEST_EMBEDDER, upsert: seeds.slice(1, 3), remove: [] }),
      b.apply({ embedder: TEST_EMBEDDER, upsert: seeds.slice(3), remove: [] }),
    ]);
    expect((await a.manifest())!.counts).toEqual({
      files: 5,
      talks: seeds.reduce((n, f) => n + f.talks.length, 0),
      passages: seeds.reduce((n, f) => n + f.passages.length, 0),
    });
    await Promise.all([a.close(), b.close()]);
  });

  test('at ~5k passages: HNSW recall@10 against exact search, and query times over the wire', async () => {
    await database.reset();
    // Below ANN_MIN_PASSAGES the store searches exactly; this measures the HNSW walk.
    const store = await openPostgresStore(database.url, { annMinPassages: 0 });
    const files = writerVariant(COPIES_FOR_5K, 0);
    let started = performance.now();
    await store.apply({ embedder: TEST_EMBEDDER, upsert: files, remove: [] });
    const applyMs = performance.now() - started;
    const passageCount = files.reduce((n, f) => n + f.passages.length, 0);
    const vectors = files.flatMap((f) => f.vectors);
    const { recall, medianMs } = await recallAgainstExact(store, vectors, mixedQueries(vectors));
    started = performance.now();
    for (let i = 0; i < 20; i++) await store.lexicalSearch('what did Etsy say about post-mortems and deployment?', 10);
    const lexicalMs = (performance.now() - started) / 20;
    // Exact past the 1,000 results that a search-based count stopped at.
    const deploy = analyze('deployment production team');
    const holders = files.flatMap((f) => f.passages).filter((p) => deploy.some((t) => Object.hasOwn(analysePassage(p).freqs, t))).length;
    expect(holders).toBeGreaterThan(1000);
    expect(await store.documentFrequency(deploy)).toBe(holders);
    console.log(
      `PostgreSQL, ${passageCount} passages: apply ${applyMs.toFixed(0)} ms, ` +
        `vectorSearch median ${medianMs.toFixed(2)} ms, recall@10 ${recall.toFixed(3)}, ` +
        `lexicalSearch mean ${lexicalMs.toFixed(2)} ms`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    await store.close();
  });

  test('a reader process never sees a mix of two versions of a file another process re-applies', async () => {
    const { outDir, scripts } = await compileChildren([
      'test/store/children/postgres-writer.ts',
      'test/store/children/postgres-reader.ts',
    ]);
    try {
      await database.reset();
      const setup = await openPostgresStore(database.url);
      await setup.apply({ embedder: TEST_EMBEDDER, upsert: writerVariant(1, 0), remove: [] });
      await setup.close();

      const run = promisify(execFile);
      const duration = '6000';
      const [writer, reader] = await Promise.all(
        scripts.map((script) => run(process.execPath, [script, database.url, duration])),
      );
      const { applies } = JSON.parse(writer.stdout) as { applies: number };
      const result = JSON.parse(reader.stdout) as { seen: number[]; mixed: string[]; mixedCount: number };
      console.log(`two processes: ${applies} applies of ${CHANGING_FILE}; reader saw versions ${result.seen.join(' / ')}`);
      expect(result.mixed).toEqual([]);
      expect(applies).toBeGreaterThan(5);
      expect(result.seen.every((n) => n > 0)).toBe(true);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
