// Socket Mode end to end: the app opens its websocket through apps.connections.open on the fake Web API,
// then receives envelopes over it and acknowledges them on the same socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHandle, startSlack } from '../../adapters/slack/start-slack.js';
import { BOT, FakeSlack } from './fake-slack.js';
import { type TestService, openTestService } from './service.js';

const APP_TOKEN = 'xapp-test-token';

/** A /confnotes command envelope's payload asking about Etsy, answered through `responseUrl`. */
const etsyCommand = (responseUrl: string) => ({
  token: 'legacy', team_id: BOT.teamId, channel_id: 'C0GENERAL', channel_name: 'general', user_id: 'U0ASKER',
  command: '/confnotes', text: 'What did Etsy say about post-mortems?', response_url: responseUrl, trigger_id: 't', api_app_id: 'A0001',
});

let fake: FakeSlack;
let test: TestService;
let bot: SlackHandle;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  test = await openTestService();
  bot = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl, appToken: APP_TOKEN, signingSecret: undefined }));
  await fake.socketConnected();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await test?.close();
});

describe('Slack over Socket Mode', () => {
  it('connects with the app token and listens on no port', async () => {
    const open = await fake.waitFor('apps.connections.open');
    expect(open.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(bot.port).toBeUndefined();
  });

  it('acks a slash command envelope, then answers through respond()', async () => {
    const responseUrl = fake.responseUrl('socket-cmd');
    const ack = fake.sendEnvelope('slash_commands', etsyCommand(responseUrl));
    expect(await ack).toEqual({});
    const reply = await fake.waitFor('response_url', (c) => c.url === responseUrl);
    expect(reply.body.response_type).toBe('in_channel');
    expect(JSON.stringify(reply.body.blocks)).toContain('001_34568cbb42ee90fe.txt:');
  });

  it('answers a mention envelope in its thread', async () => {
    const ts = '1700000300.000001';
    await fake.sendEnvelope('events_api', {
      token: 'legacy', team_id: BOT.teamId, api_app_id: 'A0001', type: 'event_callback', event_id: 'EvSocket1', event_time: 1_700_000_300,
      event: { type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> What did Etsy say about post-mortems?`, ts, channel: 'C0GENERAL', event_ts: ts },
    });
    const started = await fake.waitFor('chat.startStream');
    expect(started.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: ts });
    expect(started.authorization).toBe('Bearer xoxb-test-token');
    await fake.waitFor('chat.stopStream');
    expect(fake.messages.find((m) => m.ts === started.response!.ts)!.text).toContain('post-mortem');
  });

  // Last: the fake then sends envelopes over this bot's socket, which stop() closes.
  it('stop() waits for the commands it acknowledged to be answered', async () => {
    const own = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl, appToken: APP_TOKEN, signingSecret: undefined }));
    const responseUrl = fake.responseUrl('socket-stop');
    const ack = fake.sendEnvelope('slash_commands', etsyCommand(responseUrl));
    expect(await ack).toEqual({});
    await own.stop();
    expect(fake.calls.some((c) => c.url === responseUrl)).toBe(true);
  });
});
