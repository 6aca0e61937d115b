// Several bot processes share one database: what each recorded (an abstention, a 👎, a question asked on the
// command line) is reported together by `confnotes gaps`, run as a child process on a machine that has only
// the database URL. The two Slack bots run in this process, each with its own state folder and feedback log,
// as `confnotes serve slack` wires them; the CLI commands are child processes.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHandle, startSlack } from '../../adapters/slack/start-slack.js';
import { openService } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { GapGroup } from '../../src/gaps/group-gaps.js';
import type { ConfnotesService } from '../../src/service.js';
import { cliEnv, runCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { FakeSlack, feedbackClick, mention, postToBot } from '../slack/fake-slack.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../store/test-database.js';

const SECRET = 'gaps-database-secret';
const SILENT = 'What did they say about quorvadb and zorblax?';
const SILENT_AGAIN = 'Anyone talked about zorblax and quorvadb?';

describe.skipIf(!serverUrl)(needsServer('confnotes gaps over the database that two Slack bots and the CLI record in'), () => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let service: ConfnotesService;
  let base: Config;
  const bots: Array<{ handle: SlackHandle; stateDir: string }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await new FakeSlack().start();
    const notesDir = tempDir('notes');
    cpSync('data/notes', notesDir, { recursive: true });
    base = loadConfig({ CONFNOTES_NOTES_DIR: notesDir, CONFNOTES_DATABASE_URL: database.url, CONFNOTES_MODELS_DIR: testModelsDir() }, {});
    // The notes are indexed into the database, which the bots and the CLI answer from.
    service = await openService(base);
    for (let i = 0; i < 2; i += 1) {
      const stateDir = tempDir('bot-state');
      const slack = { ...base.slack, botToken: 'xoxb-gaps', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, rateLimitPerMinute: 0 };
      bots.push({ handle: await startSlack(service, { ...base, stateDir, slack }), stateDir });
    }
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.handle.stop()));
    await service?.close();
    await fake?.close();
    await database?.stop();
  });

  /** Mentions the bot in `channel` and waits for its answer in the thread. */
  async function ask(bot: SlackHandle, channel: string, question: string) {
    const { body, ts } = mention(question, { channel });
    expect((await postToBot(bot.port!, body, 'json', { secret: SECRET })).status).toBe(200);
    return fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === ts, 30_000);
  }

  it('lists in one group what both bots and the command line could not answer, with a 👎, from the database alone', async () => {
    for (const question of [SILENT, SILENT_AGAIN]) expect((await service.ask(question)).abstained).toBe(true);
    const [a, b] = bots;
    const first = await ask(a!.handle, 'C0ALPHA', SILENT);
    expect(String(first.body.text)).toContain('The notes are silent');
    const second = await ask(b!.handle, 'C0BETA', SILENT_AGAIN);
    const blocks = second.body.blocks as Array<{ type: string; elements?: Array<{ negative_button: { value: string } }> }>;
    const down = blocks.find((block) => block.type === 'context_actions')!.elements![0]!.negative_button.value;
    const voteUrl = fake.responseUrl('gaps-down');
    const click = feedbackClick({ channel: 'C0BETA', ts: String(second.response!.ts), blocks }, { value: down, vote: 'down' }, voteUrl);
    await postToBot(b!.handle.port!, click, 'form', { secret: SECRET });
    await fake.waitFor('response_url', (c) => c.url === voteUrl);

    // A machine with the database and nothing else: no notes, an empty state folder, another working folder.
    const { CONFNOTES_INDEX_DIR: _index, ...onlyTheDatabase } = cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url });
    const asked = await runCli(['ask', SILENT, '--json'], onlyTheDatabase, tempDir('cli'));
    expect(JSON.parse(asked.stdout).abstained).toBe(true);

    const result = await runCli(['gaps', '--json'], onlyTheDatabase, tempDir('reader'));
    expect(result.stderr).toBe('');
    const groups = JSON.parse(result.stdout) as GapGroup[];
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      question: SILENT,
      count: 4,
      kinds: { abstained: 3, downvoted: 1 },
      origins: [{ origin: 'slack:C0BETA', count: 2 }, { origin: 'slack:C0ALPHA', count: 1 }, { origin: 'cli', count: 1 }],
    });
    expect(groups[0]!.questions).toEqual([SILENT, SILENT_AGAIN]);
    expect(groups[0]!.closest.length).toBeGreaterThan(0);

    // The vote is in the database too, and nothing went to the bots' state folders.
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      const { rows } = await client.query('SELECT question, user_id, vote FROM confnotes_votes');
      expect(rows).toEqual([{ question: SILENT_AGAIN, user_id: 'U0VOTER', vote: 'down' }]);
    } finally {
      await client.end();
    }
    for (const { stateDir } of bots) {
      expect(existsSync(join(stateDir, 'gaps.jsonl'))).toBe(false);
      expect(existsSync(join(stateDir, 'feedback.jsonl'))).toBe(false);
    }
  });
});
