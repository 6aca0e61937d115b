// One Discord bot split over two "machines": `serve discord --shards 0,1 --shard-count 4` and
// `--shards 2,3 --shard-count 4`, notes-less processes reading one PostgreSQL, against the fake Discord.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { isEdit } from '../discord/bot-harness.js';
import { componentText } from '../discord/discord-checks.js';
import { APPLICATION_ID, BOT_TOKEN, interactionPayload, startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../store/test-database.js';

it('a shard list that does not fit the shard count is refused in one line', async () => {
  const env = cliEnv(testModelsDir(), { DISCORD_TOKEN: BOT_TOKEN });
  for (const args of [['--shards', '0,4', '--shard-count', '4'], ['--shards', '0,1']]) {
    const result = await runCli(['serve', 'discord', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^confnotes: --shards: /)]);
  }
});

describe.skipIf(!serverUrl)(needsServer('Discord shards across machines'), () => {
  let database: TestDatabase;
  let fake: FakeDiscord;
  const machines: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startFakeDiscord();
    const indexed = await runCli(['index', 'data/notes'], cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url }));
    expect(indexed.code).toBe(0);
  });
  afterAll(async () => {
    await Promise.all(
      machines.map((child) => child.exitCode === null && new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))),
    );
    await fake?.close();
    await database?.stop();
  });

  it('each machine connects its own shards, and each answers from the database', async () => {
    const { CONFNOTES_INDEX_DIR: _i, ...env } = cliEnv(testModelsDir(), {
      CONFNOTES_DATABASE_URL: database.url,
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      CONFNOTES_DISCORD_API_URL: fake.apiUrl,
    });
    for (const ids of ['0,1', '2,3']) machines.push(startCli(['serve', 'discord', '--shards', ids, '--shard-count', '4'], env, tempDir('bot')));
    const sessions = await fake.waitForSessions(4, 90_000);
    expect(sessions.map((s) => s.shard).sort((a, b) => a[0] - b[0])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]]);
    const interaction = interactionPayload(2, 'ask', [{ name: 'question', type: 3, value: 'What did Etsy say about post-mortems?' }]);
    fake.dispatch(interaction, sessions.find((s) => s.shard[0] === 3)!);
    const edit = await fake.waitForRequest(isEdit(interaction.token), 30_000);
    expect(componentText(edit.body).join('\n')).toMatch(/post-mortem/i);

    // A digest asked on the other machine's shard, read from the database.
    const digest = interactionPayload(2, 'digest', [{ name: 'conference', type: 3, value: 'QCon London 2014' }]);
    fake.dispatch(digest, sessions.find((s) => s.shard[0] === 0)!);
    const header = await fake.waitForRequest(isEdit(digest.token), 60_000);
    expect(header.body.content).toMatch(/^\*\*QCon London 2014\*\*/);
  });
});
