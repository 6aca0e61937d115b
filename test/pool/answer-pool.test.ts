// The answer pool: answers from worker threads equal those of the same knowledge base in process; a worker that
// dies costs only its own question (which gets the adapters' apology) and is replaced; close() waits for answers
// in flight; and the Slack and Discord bots over the pool still acknowledge commands while every worker is busy.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSlack } from '../../adapters/slack/start-slack.js';
import { openKnowledgeBase } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ConfnotesError } from '../../src/errors.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { startAnswerPool } from '../../src/pool/answer-pool.js';
import type { ConfnotesService } from '../../src/service.js';
import { SHARED } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { discordConfig, isCallback, isEdit, startBot } from '../discord/bot-harness.js';
import { interactionPayload, startFakeDiscord } from '../discord/fake-discord.js';
import { BOT, FakeSlack, postToBot } from '../slack/fake-slack.js';

// The pool runs compiled workers (worker threads cannot load TypeScript): `npm test` compiles first.
const WORKER = resolve('dist/src/pool/answer-worker.js');
const GATED_WORKER = resolve('test/pool/gated-worker.mjs');
const ETSY = 'What did Etsy say about post-mortems?';
const SECRET = 'pool-test-secret';

const temp: string[] = [];
const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), `confnotes-pool-${prefix}-`));
  temp.push(dir);
  return dir;
};

async function openKb(notesDir: string): Promise<KnowledgeBase> {
  const root = await tempDir('kb');
  const config = loadConfig(
    {
      CONFNOTES_NOTES_DIR: notesDir,
      CONFNOTES_INDEX_DIR: join(root, 'index'),
      CONFNOTES_STATE_DIR: join(root, 'state'),
      CONFNOTES_MODELS_DIR: testModelsDir(),
    },
    {},
  );
  return openKnowledgeBase(config);
}

/** Starts an answer that blocks its worker until `release` is called. */
async function hold(service: ConfnotesService, question: string) {
  const gate = await tempDir('gate');
  const answer = service.ask(`hold ${gate} ${question}`);
  await vi.waitFor(() => expect(existsSync(join(gate, 'holding'))).toBe(true), { timeout: 60_000, interval: 20 });
  return { answer, release: () => writeFile(join(gate, 'release'), '') };
}

afterAll(async () => {
  await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.skipIf(!existsSync(join(SHARED, 'eval', 'dev.jsonl')))('answer pool over the shared corpus (needs ../shared)', () => {
  let kb: KnowledgeBase;
  let pool: ConfnotesService;
  beforeAll(async () => {
    kb = await openKb(join(SHARED, 'corpus'));
    pool = await startAnswerPool(kb, { threads: 2, script: WORKER });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('answers every dev question exactly as the knowledge base does in process', async () => {
    const questions = readFileSync(join(SHARED, 'eval', 'dev.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { question: string }).question);
    const fromPool = await Promise.all(questions.map((q) => pool.ask(q)));
    for (const [i, question] of questions.entries()) {
      expect(fromPool[i], question).toEqual((await kb.ask(question, { excerpts: kb.config.excerpts })).answer);
    }
  });
});

describe('answer pool behaviour', () => {
  let kb: KnowledgeBase;
  let pool: ConfnotesService;
  beforeAll(async () => {
    kb = await openKb(resolve('data/notes'));
    pool = await startAnswerPool(kb, { threads: 1, script: GATED_WORKER });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('refuses an empty question with the usage error, without a worker', async () => {
    const error = await pool.ask('  ?! ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfnotesError);
    expect((error as ConfnotesError).code).toBe('QUESTION_EMPTY');
  });

  it('fails only the question of a worker that dies, and answers the next one with a new worker', async () => {
    const error = await pool.ask('crash while answering').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConfnotesError);
    expect((error as Error).message).toMatch(/worker .* stopped/);
    const answer = await pool.ask(ETSY);
    expect(answer).toEqual((await kb.ask(ETSY, { excerpts: kb.config.excerpts })).answer);
  });

  it('acknowledges Slack commands while every worker is busy, and apologises with an error id for a crashed one', async () => {
    const fake = await new FakeSlack().start();
    const bot = await startSlack(pool, {
      ...kb.config,
      slack: { ...kb.config.slack, botToken: 'xoxb-pool', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl, rateLimitPerMinute: 0 },
    });
    try {
      const busy = await hold(pool, ETSY);
      const send = (text: string, id: string) => {
        const responseUrl = fake.responseUrl(id);
        const body = new URLSearchParams({
          token: 'legacy', team_id: BOT.teamId, team_domain: 'team', channel_id: 'C0GENERAL', channel_name: 'general', user_id: 'U0ASKER',
          user_name: 'asker', command: '/confnotes', text, api_app_id: 'A0001', response_url: responseUrl, trigger_id: `trigger-${id}`,
        }).toString();
        return { responseUrl, response: postToBot(bot.port!, body, 'form', { secret: SECRET }) };
      };
      const asked = send(ETSY, 'while-busy');
      // The only worker is blocked: this acknowledgement came from the main thread alone.
      expect((await asked.response).status).toBe(200);
      expect(fake.calls.some((c) => c.url === asked.responseUrl)).toBe(false);
      await busy.release();
      expect(JSON.stringify((await fake.waitFor('response_url', (c) => c.url === asked.responseUrl)).body)).toContain('post-mortem');
      await busy.answer;

      const crashed = send('crash during a command', 'crash');
      expect((await crashed.response).status).toBe(200);
      const apology = await fake.waitFor('response_url', (c) => c.url === crashed.responseUrl);
      expect(String(apology.body.text)).toMatch(/Sorry, something went wrong[\s\S]*`[0-9a-f]{8}`/);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });

  it('defers a Discord /ask while every worker is busy, then edits in its answer', async () => {
    const fake = await startFakeDiscord();
    const harness = await startBot(pool, { ...kb.config, discord: discordConfig(fake).discord });
    try {
      const busy = await hold(pool, ETSY);
      const interaction = interactionPayload(2, 'ask', [{ name: 'question', type: 3, value: ETSY }]);
      fake.dispatch(interaction);
      // The only worker is blocked: this deferral came from the main thread alone.
      await fake.waitForRequest(isCallback(interaction.id));
      expect(fake.requests.some(isEdit(interaction.token))).toBe(false);
      await busy.release();
      expect(JSON.stringify((await fake.waitForRequest(isEdit(interaction.token), 60_000)).body)).toContain('post-mortem');
      await busy.answer;
    } finally {
      await harness.bot.stop();
      await fake.close();
    }
  });

  it('close() waits for the answer in flight', async () => {
    const events: string[] = [];
    const { answer, release } = await hold(pool, ETSY);
    const answered = answer.then((a) => events.push(`answered ${a.abstained ? 'abstained' : 'with excerpts'}`));
    const closed = pool.close().then(() => events.push('closed'));
    await release();
    await Promise.all([answered, closed]);
    expect(events).toEqual(['answered with excerpts', 'closed']);
  });
});

describe('answer pool start', () => {
  it('warms its workers on the notes’ talk titles, and starts when a title makes no valid question', async () => {
    const notes = await tempDir('notes');
    await writeFile(
      join(notes, 'demo.md'),
      '# Demo Conf 2030\n\n## ?!\n\nNotes on queues and retries, with backoff.\n\n## Caching at the edge\n\nEdge caches keep static files near users.\n',
    );
    const kb = await openKb(notes);
    expect((await kb.store.talks()).map((t) => t.talk)).toContain('?!');
    const pool = await startAnswerPool(kb, { threads: 1, script: WORKER });
    try {
      const answer = await pool.ask('where do edge caches keep static files?');
      expect(answer).toEqual((await kb.ask('where do edge caches keep static files?', { excerpts: kb.config.excerpts })).answer);
      expect(answer.excerpts[0]?.talk).toBe('Caching at the edge');
    } finally {
      await pool.close();
    }
  });
});
