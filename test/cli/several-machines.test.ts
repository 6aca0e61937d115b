// Roles on one PostgreSQL database, as the README's "Running on several machines" describes: the writer
// indexes from the folder with the notes; a bot machine has only CONFNOTES_DATABASE_URL and an empty
// working folder, reads everything from the database, never syncs, and follows the writer's changes.
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Answer, Digest } from '../../src/types.js';
import { cliEnv, runCli, tempDir } from '../helpers/cli.js';
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
