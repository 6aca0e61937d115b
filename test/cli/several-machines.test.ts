// Roles on one PostgreSQL database, as the README's "Running on several machines" describes: the writer
// indexes from the folder with the notes; a bot machine has only CONFNOTES_DATABASE_URL and an empty
// working folder, reads everything from the database, never syncs, and follows the writer's changes.
import { appendFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Answer, Digest } from '../../src/types.js';
import pg from 'pg';
import { cliEnv, runCli, startCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../store/test-database.js';

const ETSY = 'What did Etsy say about post-mortems?';
const QCON = '001_34568cbb42ee90fe.txt';
const VELOCITY = '004_22da52670a0e8992.txt';

describe.skipIf(!serverUrl)(needsServer('a writer and notes-less readers on one PostgreSQL'), () => {
  let database: TestDatabase;
  let notes: string;
  let writer: NodeJS.ProcessEnv;
  let reader: NodeJS.ProcessEnv;
  /** The bot machine's working folder: no notes, no index. */
  let botDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    notes = tempDir('notes');
    cpSync('data/notes', notes, { recursive: true });
    writer = cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url, CONFNOTES_NOTES_DIR: notes });
    botDir = tempDir('bot');
    const { CONFNOTES_NOTES_DIR: _n, CONFNOTES_INDEX_DIR: _i, ...rest } = cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url });
    reader = rest;
    const indexed = await runCli(['index'], writer);
    expect(indexed.stderr).toBe('');
    expect(indexed.stdout).toMatch(/Indexed 5 files/);
  });
  afterAll(async () => {
    await database?.stop();
  });

  it('answers from the database on a machine without the notes folder', async () => {
    const result = await runCli(['ask', '--json', ETSY], reader, botDir);
    expect(result.stderr).toBe('');
    const answer = JSON.parse(result.stdout) as Answer;
    const etsy = answer.excerpts.filter((e) => e.file === QCON);
    expect(etsy.map((e) => e.quote).join(' ')).toMatch(/post-mortem/i);
    const lines = readFileSync(join(notes, QCON), 'utf8').split('\n');
    for (const e of etsy) expect(lines.slice(e.lines[0] - 1, e.lines[1]).join('\n')).toContain(e.quote);
  });

  it('lists the conferences and prints the same digest as the writer', async () => {
    const conferences = await runCli(['conferences', '--json'], reader, botDir);
    expect(conferences.code).toBe(0);
    expect((JSON.parse(conferences.stdout) as Array<{ conference: string }>).map((c) => c.conference)).toContain('QCon London 2014');
    const [onBot, onWriter] = await Promise.all([
      runCli(['digest', '--json', 'qcon london'], reader, botDir),
      runCli(['digest', '--json', 'qcon london'], writer),
    ]);
    expect(onBot.stderr).toBe('');
    const digest = JSON.parse(onBot.stdout) as Digest;
    expect(digest.talks.map((t) => t.talk)).toContain("How outages shaped Etsy's architecture");
    expect(digest).toEqual(JSON.parse(onWriter.stdout));
  });

  it('refuses the writer commands in one line', async () => {
    for (const command of ['index', 'watch']) {
      const result = await runCli([command], reader, botDir);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`confnotes ${command} needs the notes folder.*bot machines need none`))]);
    }
  });

  it("follows the writer: a reader that stays open quotes a sentence indexed after it opened", async () => {
    const kb = await openKnowledgeBase(loadConfig({ CONFNOTES_NOTES_DIR: join(botDir, 'data/notes') }, reader));
    try {
      expect(kb.hasNotes).toBe(false);
      const question = 'What did they say about the zorblax cache?';
      const before = await kb.ask(question);
      expect(before.answer.excerpts.map((e) => e.quote).join(' ')).not.toMatch(/zorblax/);
      appendFileSync(join(notes, VELOCITY), '\nThe zorblax cache warms every replica before the traffic switch.\n');
      const reindexed = await runCli(['index'], writer);
      expect(reindexed.stdout).toMatch(/1 updated/);
      const after = await kb.ask(question);
      expect(after.answer.excerpts[0]?.quote).toMatch(/zorblax cache warms every replica/);
      expect(await kb.conferences()).toContain('QCon London 2014');
    } finally {
      await kb.close();
    }
  });
});

describe.skipIf(!serverUrl)(needsServer('the writer interrupted, and two writers at once'), () => {
  let database: TestDatabase;
  let notes: string;
  let writer: NodeJS.ProcessEnv;
  let files: string[];
  const COPIES = 8;

  beforeAll(async () => {
    database = await createTestDatabase();
    notes = tempDir('notes');
    // Enough files that the write transaction of a re-index lasts long enough to be caught inside.
    for (let c = 0; c < COPIES; c++) cpSync('data/notes', join(notes, `copy-${c}`), { recursive: true });
    files = readdirSync(notes, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt'));
    writer = cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url, CONFNOTES_NOTES_DIR: notes });
    expect((await runCli(['index'], writer)).code).toBe(0);
  });
  afterAll(async () => {
    await database?.stop();
  });

  /** Resolves once another connection is inserting passages: only apply's transaction does. */
  async function insideTheWriteTransaction(): Promise<void> {
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      for (;;) {
        const { rowCount } = await client.query(
          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO confnotes_passages%' AND xact_start IS NOT NULL",
        );
        if (rowCount) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      await client.end();
    }
  }

  it('kill -9 of the writer inside its transaction: readers keep the previous version, the next index completes', async () => {
    const reader = await openKnowledgeBase(loadConfig({ CONFNOTES_NOTES_DIR: join(tempDir('bot'), 'none') }, { ...writer, CONFNOTES_NOTES_DIR: undefined }));
    try {
      const before = await reader.store.manifest();
      for (const file of files) appendFileSync(join(notes, file), '\nThe quorvex pipeline replays every event twice.\n');
      const child = startCli(['index'], writer);
      const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      await Promise.race([insideTheWriteTransaction(), exited]);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      expect(await reader.store.manifest()).toEqual(before);
      const { answer } = await reader.ask('What did Etsy say about post-mortems?');
      expect(answer.excerpts.map((e) => e.quote).join(' ')).toMatch(/post-mortem/i);
      expect((await reader.ask('What does the quorvex pipeline replay?')).answer.excerpts.map((e) => e.quote).join(' ')).not.toMatch(/quorvex/);

      const next = await runCli(['index'], writer);
      expect(next.code).toBe(0);
      expect(next.stdout).toMatch(new RegExp(`${files.length} updated`));
      expect((await reader.ask('What does the quorvex pipeline replay?')).answer.excerpts[0]?.quote).toMatch(/quorvex pipeline replays/);
    } finally {
      await reader.close();
    }
  });

  it('two index runs at once: one waits for the other, both succeed, the index matches the notes', async () => {
    for (const file of files.slice(0, 10)) appendFileSync(join(notes, file), '\nA second line for the two writers.\n');
    const [first, second] = await Promise.all([runCli(['index'], writer), runCli(['index'], writer)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr + second.stderr).toBe('');
    const again = await runCli(['index'], writer);
    expect(again.stdout).toMatch(new RegExp(`Indexed ${files.length} files, .*\\(${files.length} unchanged\\)`));
  });
});
