// Slack's AI-app surface, end to end over HTTP with the real Bolt Assistant and the real service: prompts
// built from the indexed talks when a thread opens, and questions answered (streamed) in their thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHandle, startSlack } from '../../adapters/slack/start-slack.js';
import { suggestPrompts } from '../../src/suggestions/suggested-prompts.js';
import { BOT, FakeSlack, postToBot } from './fake-slack.js';
import { SECRET, type TestService, openTestService } from './service.js';

let fake: FakeSlack;
let test: TestService;
let bot: SlackHandle;
let seq = 0;

const THREAD = '1700000700.000001';

function envelope(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy', team_id: BOT.teamId, api_app_id: 'A0001', type: 'event_callback', event_id: `EvA${++seq}`, event_time: 1_700_000_700,
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true }], event,
  });
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  test = await openTestService();
  bot = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await test?.close();
});

describe('Slack assistant threads', () => {
  it('greets a new thread and suggests prompts built from the indexed talks and conferences', async () => {
    const started = envelope({
      type: 'assistant_thread_started', event_ts: THREAD,
      assistant_thread: { user_id: 'U0ASKER', channel_id: 'D0ASKER', thread_ts: THREAD, context: { channel_id: 'C0GENERAL', team_id: BOT.teamId } },
    });
    expect((await postToBot(bot.port!, started, 'json', { secret: SECRET })).status).toBe(200);
    const call = await fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect(call.body).toMatchObject({ channel_id: 'D0ASKER', thread_ts: THREAD });
    const prompts = call.body.prompts as Array<{ title: string; message: string }>;
    const talks = await test.service.talks!();
    const conferences = await test.service.conferences();
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const prompt of prompts.slice(0, -1)) {
      const [, speaker, title] = /^What did (.+?) say about (.+)\?$/.exec(prompt.message)!;
      expect(talks.some((t) => t.speakers.includes(speaker!) && t.talk === title)).toBe(true);
    }
    const digest = /^digest (.+)$/.exec(prompts.at(-1)!.message)![1]!;
    expect(conferences).toContain(digest);
    expect(prompts).toEqual(suggestPrompts(talks));
    const greeting = fake.callsTo('chat.postMessage')[0]!;
    expect(greeting.body).toMatchObject({ channel: 'D0ASKER', thread_ts: THREAD });
  });

  it('answers a message in the thread: status first, then the quotes streamed into that thread', async () => {
    const ts = `1700000700.${String(++seq).padStart(6, '0')}`;
    const message = envelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: 'What did Etsy say about post-mortems?', ts, thread_ts: THREAD, event_ts: ts });
    await postToBot(bot.port!, message, 'json', { secret: SECRET });
    const stop = await fake.waitFor('chat.stopStream');
    const order = fake.calls.map((c) => c.method);
    const status = order.indexOf('assistant.threads.setStatus');
    expect(status).toBeGreaterThanOrEqual(0);
    expect(status).toBeLessThan(order.indexOf('chat.startStream'));
    expect(fake.calls[status]!.body).toMatchObject({ channel_id: 'D0ASKER', thread_ts: THREAD, status: 'is searching the notes…' });
    expect(fake.callsTo('chat.startStream')[0]!.body).toMatchObject({ channel: 'D0ASKER', thread_ts: THREAD });
    expect(fake.messages.find((m) => m.ts === stop.body.ts)!.text).toContain('post-mortem');
  });

  it('takes the bot\'s own messages in the thread for what they are', async () => {
    const before = fake.calls.length;
    const ts = `1700000700.${String(++seq).padStart(6, '0')}`;
    await postToBot(bot.port!, envelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: BOT.userId, bot_id: BOT.botId, text: 'Found 1 excerpt', ts, thread_ts: THREAD }), 'json', { secret: SECRET });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls.slice(before)).toEqual([]);
  });
});

describe('suggestPrompts', () => {
  it('asks about the newest talks with a named speaker, one per conference, then offers the newest digest', () => {
    const prompts = suggestPrompts([
      { conference: 'Old Conf 2012', talk: 'Legacy', speakers: ['Ann'] },
      { conference: 'New Conf 2024', talk: 'Fresh ideas', speakers: ['Bo'] },
      { conference: 'New Conf 2024', talk: 'More ideas', speakers: ['Cy'] },
      { conference: 'New Conf 2024', talk: 'Nobody', speakers: [] },
    ]);
    expect(prompts).toEqual([
      { title: 'Bo: Fresh ideas', message: 'What did Bo say about Fresh ideas?' },
      { title: 'Ann: Legacy', message: 'What did Ann say about Legacy?' },
      { title: 'Digest of New Conf 2024', message: 'digest New Conf 2024' },
    ]);
    expect(suggestPrompts([])).toEqual([]);
  });
});
