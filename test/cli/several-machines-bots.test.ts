// The README's "Running on several machines", step by step, as child processes on one machine: one
// PostgreSQL database, a writer (`confnotes watch` where the notes are) and two Slack bot processes,
// each with only CONFNOTES_DATABASE_URL and an empty working folder, against the fake Slack.
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, startCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { BOT, FakeSlack, type RecordedCall, postToBot } from '../slack/fake-slack.js';
import { canStartServer, startOwnServer, type OwnServer } from '../store/own-server.js';
import { createTestDatabase, needsServer, serverUrl, type TestDatabase } from '../store/test-database.js';

const SECRET = 'several-machines-secret';
const VELOCITY = '004_22da52670a0e8992.txt';

interface Running {
  child: ChildProcess;
  stderr: () => string;
}

/** Starts a long-running command and waits for the stderr line that says it is ready. */
async function startUntil(args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined, ready: RegExp): Promise<Running & { match: RegExpMatchArray }> {
  const child = startCli(args, env, cwd);
  let stderr = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const found = stderr.match(ready);
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`confnotes ${args.join(' ')} exited with ${code}: ${stderr}`)));
  });
  return { child, stderr: () => stderr, match };
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

describe.skipIf(!serverUrl)(needsServer('several machines on one: a writer and two Slack bots on one PostgreSQL'), () => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let notes: string;
  let writer: Running;
  const bots: Array<Running & { port: number }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await new FakeSlack().start();
    notes = tempDir('notes');
    cpSync('data/notes', notes, { recursive: true });
    // 1. On the machine with the notes: the writer indexes them, then keeps the database up to date.
    writer = await startUntil(['watch'], cliEnv(testModelsDir(), { CONFNOTES_DATABASE_URL: database.url, CONFNOTES_NOTES_DIR: notes }), undefined, /watching /);
    // 2. On every bot machine: only the database URL and the platform's settings.
    const { CONFNOTES_INDEX_DIR: _i, ...base } = cliEnv(testModelsDir(), {
      CONFNOTES_DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-several-machines',
      SLACK_SIGNING_SECRET: SECRET,
      CONFNOTES_SLACK_API_URL: fake.apiUrl,
      CONFNOTES_SLACK_PORT: '0',
      CONFNOTES_RATE_LIMIT: '0',
    });
    const started = await Promise.all(
      [0, 1].map(() => startUntil(['serve', 'slack'], base, tempDir('bot'), /slack: listening on port (\d+)/)),
    );
    for (const bot of started) bots.push({ ...bot, port: Number(bot.match[1]) });
  });
  afterAll(async () => {
    await Promise.all([...bots, ...(writer ? [writer] : [])].map(stop));
    await fake?.close();
    await database?.stop();
  });

  it('each bot answers with the Etsy quote, read from the database', async () => {
    for (const bot of bots) {
      const { body, ts } = mention('What did Etsy say about post-mortems?');
      expect((await postToBot(bot.port, body, 'json', { secret: SECRET })).status).toBe(200);
      const reply = await answerIn(fake, ts, 30_000);
      expect(reply).toMatch(/post-mortem/i);
      expect(reply).toMatch(/001_34568cbb42ee90fe\.txt/);
    }
    expect(bots.map((b) => b.stderr()).join('')).not.toMatch(/does not exist/);
  });

  it('a digest asked of a bot comes from the database', async () => {
    const { body, ts } = mention('digest qcon london');
    await postToBot(bots[1]!.port, body, 'json', { secret: SECRET });
    const parent = await fake.waitFor('chat.postMessage', (c) => replyTo(ts)(c) && /QCon London 2014/.test(textOf(c)), 30_000);
    expect(textOf(parent)).toMatch(/QCon London 2014/);
    await fake.waitFor('chat.postMessage', (c) => /How outages shaped Etsy/.test(textOf(c)), 30_000);
  });

  it('a sentence added to a note is quoted by every bot within 10 s', async () => {
    appendFileSync(join(notes, VELOCITY), '\nThe zorblax cache warms every replica before the traffic switch.\n');
    const since = Date.now();
    for (const bot of bots) {
      // Asked again each second until the writer's change shows: the bot is never restarted.
      for (;;) {
        const { body, ts } = mention('What did they say about the zorblax cache?');
        await postToBot(bot.port, body, 'json', { secret: SECRET });
        const reply = await answerIn(fake, ts, 30_000);
        if (/zorblax cache warms every replica/.test(reply)) break;
        expect(Date.now() - since, writer.stderr()).toBeLessThan(10_000);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    console.log(`the edit was quoted by both bots ${Date.now() - since} ms after it was saved`);
    expect(Date.now() - since).toBeLessThan(10_000);
  });

  it('the same event delivered to both bots is answered once', async () => {
    const { body, ts } = mention('What did Etsy say about post-mortems?', 'EvDeliveredTwice');
    const responses = await Promise.all(bots.map((bot) => postToBot(bot.port, body, 'json', { secret: SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })));
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
    const { CONFNOTES_INDEX_DIR: _i, ...botEnv } = {
      ...env,
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
