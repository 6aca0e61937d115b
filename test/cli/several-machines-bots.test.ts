// The README's "Running on several machines", step by step, as child processes on one machine: one
// PostgreSQL database, a writer (`confnotes watch` where the notes are), two Slack bot processes and a
// Discord bot process, each bot with only CONFNOTES_DATABASE_URL and an empty working folder, against
// the fake Slack and the fake Discord.
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, startCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { isEdit, isFollowUp } from '../discord/bot-harness.js';
import { componentText } from '../discord/discord-checks.js';
import { APPLICATION_ID, BOT_TOKEN, interactionPayload, startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { BOT, FakeSlack, type RecordedCall, postToBot } from '../slack/fake-slack.js';
import { canStartServer, startOwnServer, type OwnServer } from '../store/own-server.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../store/test-database.js';

const SECRET = 'several-machines-secret';
const VELOCITY = '004_22da52670a0e8992.txt';

interface Running {
  child: ChildProcess;
  stderr: () => string;
}

/** Starts a long-running command, keeping what it writes to stderr. */
function startRunning(args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined): Running {
  const child = startCli(args, env, cwd);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, stderr: () => stderr };
}

/** Starts a long-running command and waits for the stderr line that says it is ready. */
async function startUntil(args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined, ready: RegExp): Promise<Running & { match: RegExpMatchArray }> {
  const running = startRunning(args, env, cwd);
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    running.child.stderr!.on('data', () => {
      const found = running.stderr().match(ready);
      if (found) resolve(found);
    });
    running.child.on('exit', (code) => reject(new Error(`confnotes ${args.join(' ')} exited with ${code}: ${running.stderr()}`)));
  });
  return { ...running, match };
}

async function stop({ child }: Running): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

let seq = 0;
function mention(text: string, eventId = `EvMachines${++seq}`): { body: string; ts: string } {
  const ts = `1700000200.${String(++seq).padStart(6, '0')}`;
  const event = { type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> ${text}`, ts, channel: 'C0GENERAL', event_ts: ts };
  const body = JSON.stringify({
    token: 'legacy', team_id: BOT.teamId, api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: 1_700_000_000,
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true }], event,
  });
  return { body, ts };
}

const replyTo = (ts: string) => (call: RecordedCall) => call.body.thread_ts === ts;
const textOf = (call: RecordedCall) => `${String(call.body.text)} ${JSON.stringify(call.body.blocks ?? '')}`;

/** The bots' answers in the thread of `ts`, streamed (startStream … stopStream) or posted whole, as text. */
const answersIn = (fake: FakeSlack, ts: string): string[] => [
  ...fake.calls.filter((c) => c.method === 'chat.postMessage' && replyTo(ts)(c)).map(textOf),
  ...fake.messages
    .filter((m) => m.thread_ts === ts && m.streamed && fake.calls.some((c) => c.method === 'chat.stopStream' && c.body.ts === m.ts))
    .map((m) => `${m.streamed!.join('')} ${JSON.stringify(m.blocks ?? '')}`),
];

/** The first answer in the thread of `ts`, however it was delivered. */
async function answerIn(fake: FakeSlack, ts: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [answer] = answersIn(fake, ts);
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`no answer in thread ${ts} within ${timeoutMs} ms; calls: ${fake.calls.map((c) => c.method).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!serverUrl)(needsServer('several machines on one: a writer, two Slack bots and a Discord bot on one PostgreSQL'), () => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let discord: FakeDiscord;
  let notes: string;
  let writer: Running;
  const slackBots: Array<Running & { port: number }> = [];
  let discordBot: Running;

  /** Asks the Discord bot a slash command question and resolves with the text of its answer. */
  async function askDiscord(question: string): Promise<string> {
    const interaction = interactionPayload(2, 'ask', [{ name: 'question', type: 3, value: question }]);
    discord.dispatch(interaction);
    return componentText((await discord.waitForRequest(isEdit(interaction.token), 30_000)).body).join('\n');
  }

  /** Asks one Slack bot by mention and resolves with its answer. */
  async function askSlack(bot: { port: number }, question: string): Promise<string> {
    const { body, ts } = mention(question);
    expect((await postToBot(bot.port, body, 'json', { secret: SECRET })).status).toBe(200);
    return answerIn(fake, ts, 30_000);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await new FakeSlack().start();
    discord = await startFakeDiscord();
    notes = tempDir('notes');
    cpSync('data/notes', notes, { recursive: true });
    // 1. On the machine with the notes: the writer indexes them, then keeps the database up to date.
    writer = await startUntil(['watch'], cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url, CONFNOTES_NOTES_DIR: notes }), undefined, /watching /);
    // 2. On every bot machine: only the database URL and the platform's settings, in an empty folder.
    const { CONFNOTES_INDEX_DIR: _i, ...base } = cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url, CONFNOTES_RATE_LIMIT: '0' });
    const slackEnv = {
      ...base,
      SLACK_BOT_TOKEN: 'xoxb-several-machines',
      SLACK_SIGNING_SECRET: SECRET,
      CONFNOTES_SLACK_API_URL: fake.apiUrl,
      CONFNOTES_SLACK_PORT: '0',
    };
    const discordEnv = { ...base, DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, CONFNOTES_DISCORD_API_URL: discord.apiUrl };
    const [slackA, slackB] = await Promise.all(
      [0, 1].map(() => startUntil(['serve', 'slack'], slackEnv, tempDir('bot'), /slack: listening on port (\d+)/)),
    );
    for (const bot of [slackA!, slackB!]) slackBots.push({ ...bot, port: Number(bot.match[1]) });
    discordBot = startRunning(['serve', 'discord'], discordEnv, tempDir('bot'));
    await discord.waitForSessions(1, 90_000);
  });
  afterAll(async () => {
    await Promise.all([...slackBots, ...(discordBot ? [discordBot] : []), ...(writer ? [writer] : [])].map(stop));
    await fake?.close();
    await discord?.close();
    await database?.stop();
  });

  it('each bot answers with the Etsy quote, read from the database', async () => {
    for (const bot of slackBots) {
      const reply = await askSlack(bot, 'What did Etsy say about post-mortems?');
      expect(reply).toMatch(/post-mortem/i);
      expect(reply).toMatch(/001_34568cbb42ee90fe\.txt/);
    }
    const onDiscord = await askDiscord('What did Etsy say about post-mortems?');
    expect(onDiscord).toMatch(/post-mortem/i);
    expect(onDiscord).toMatch(/001_34568cbb42ee90fe\.txt/);
    expect([...slackBots, discordBot].map((b) => b.stderr()).join('')).not.toMatch(/does not exist/);
  });

  it('`/confnotes digest` on Slack and `/digest` on Discord come from the database', async () => {
    const responseUrl = fake.responseUrl('several-machines-digest');
    const command = new URLSearchParams({
      token: 'legacy', team_id: BOT.teamId, team_domain: 'team', channel_id: 'C0GENERAL', channel_name: 'general',
      user_id: 'U0ASKER', user_name: 'asker', command: '/confnotes', text: 'digest QCon London 2014', api_app_id: 'A0001',
      response_url: responseUrl, trigger_id: 'trigger-several-machines',
    }).toString();
    expect((await postToBot(slackBots[1]!.port, command, 'form', { secret: SECRET })).status).toBe(200);
    const parent = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === undefined && /Digest of QCon London 2014/.test(textOf(c)), 30_000);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === parent.response!.ts && /How outages shaped Etsy/.test(textOf(c)), 30_000);

    const interaction = interactionPayload(2, 'digest', [{ name: 'conference', type: 3, value: 'QCon London 2014' }]);
    discord.dispatch(interaction);
    const header = await discord.waitForRequest(isEdit(interaction.token), 30_000);
    expect(header.body.content).toMatch(/^\*\*QCon London 2014\*\*/);
    const sent = () => [header, ...discord.requests.filter(isFollowUp(interaction.token))].map((r) => JSON.stringify(r.body));
    await discord.waitFor(() => sent().some((m) => /How outages shaped Etsy/.test(m)), 30_000);
  });

  it('a sentence added to a note is quoted by every bot within 10 s', async () => {
    appendFileSync(join(notes, VELOCITY), '\nThe zorblax cache warms every replica before the traffic switch.\n');
    const since = Date.now();
    const asks = [...slackBots.map((bot) => (q: string) => askSlack(bot, q)), askDiscord];
    for (const ask of asks) {
      // Asked again each second until the writer's change shows: no bot is restarted.
      for (;;) {
        const reply = await ask('What did they say about the zorblax cache?');
        if (/zorblax cache warms every replica/.test(reply)) break;
        expect(Date.now() - since, writer.stderr()).toBeLessThan(10_000);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    console.log(`the edit was quoted by all three bots ${Date.now() - since} ms after it was saved`);
    expect(Date.now() - since).toBeLessThan(10_000);
  });

  it('the same event delivered to both Slack bots is answered once', async () => {
    const { body, ts } = mention('What did Etsy say about post-mortems?', 'EvDeliveredTwice');
    const responses = await Promise.all(slackBots.map((bot) => postToBot(bot.port, body, 'json', { secret: SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await answerIn(fake, ts, 30_000);
    // Long enough for a second answer to arrive if one were coming (a first one took well under this).
    await new Promise((r) => setTimeout(r, 3000));
    expect(answersIn(fake, ts)).toHaveLength(1);
  });
});

describe.skipIf(!canStartServer)(needsServer('a Slack bot whose database stops and comes back'), () => {
  let server: OwnServer;
  let fake: FakeSlack;
  let bot: Running & { port: number };

  beforeAll(async () => {
    server = await startOwnServer();
    fake = await new FakeSlack().start();
    const notes = tempDir('notes');
    cpSync('data/notes', notes, { recursive: true });
    const env = cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: server.url });
    const indexed = startCli(['index', notes], env);
    expect(await new Promise((resolve) => indexed.on('exit', resolve))).toBe(0);
    const { CONFNOTES_INDEX_DIR: _i, ...withoutIndexDir } = env;
    const botEnv = {
      ...withoutIndexDir,
      SLACK_BOT_TOKEN: 'xoxb-outage',
      SLACK_SIGNING_SECRET: SECRET,
      CONFNOTES_SLACK_API_URL: fake.apiUrl,
      CONFNOTES_SLACK_PORT: '0',
      CONFNOTES_RATE_LIMIT: '0',
    };
    const started = await startUntil(['serve', 'slack'], botEnv, tempDir('bot'), /slack: listening on port (\d+)/);
    bot = { ...started, port: Number(started.match[1]) };
  });
  afterAll(async () => {
    if (bot) await stop(bot);
    await fake?.close();
    await server?.remove();
  });

  const ask = async (): Promise<string> => {
    const { body, ts } = mention('What did Etsy say about post-mortems?');
    expect((await postToBot(bot.port, body, 'json', { secret: SECRET })).status).toBe(200);
    return answerIn(fake, ts, 60_000);
  };

  it('apologises with an error id while the database is down, stays up, and answers again once it is back', async () => {
    expect(await ask()).toMatch(/post-mortem/i);
    await server.halt();
    const { body, ts } = mention('What did Etsy say about post-mortems?');
    await postToBot(bot.port, body, 'json', { secret: SECRET });
    const apology = await fake.waitFor('chat.postEphemeral', replyTo(ts), 60_000);
    expect(textOf(apology)).toMatch(/Sorry, something went wrong.*`[0-9a-f]{8}`/);
    expect(bot.child.exitCode).toBeNull();
    await server.resume();
    expect(await ask()).toMatch(/post-mortem/i);
    expect(bot.stderr()).not.toMatch(/postgres:\/\/[^@\s]*:[^@\s]*@/);
  });
});
