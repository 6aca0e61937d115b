// The Slack and Discord digest posters through the real clients (@slack/web-api's WebClient and
// discord.js's REST) against fake APIs on 127.0.0.1.
import type { Server } from 'node:http';
import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordDigestPoster } from '../../adapters/discord/digest-poster.js';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.js';
import type { Digest, DigestTalk } from '../../src/types.js';
import { fakeApi } from '../helpers/fake-api.js';

const talk = (n: number): DigestTalk => ({
  talk: `Talk ${n} with @everyone`,
  speakers: ['Jane Doe'],
  companies: ['Etsy'],
  file: 'qcon/day-1.md',
  lines: [n * 10, n * 10 + 8],
  highlights: [{ quote: `Etsy publishes a blameless post-mortem after outage ${n}.`, lines: [n * 10 + 2, n * 10 + 2] }],
  empty: false,
});
const digest = (talks: number): Digest => ({
  conference: 'QCon London 2014',
  date: '2014-03-03',
  files: ['qcon/day-1.md'],
  talks: Array.from({ length: talks }, (_, i) => talk(i + 1)),
});

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe('Slack digest poster', () => {
  it('posts the conference to the channel and the talks in its thread', async () => {
    const api = await fakeApi(() => ({ ok: true, channel: 'C0CONF', ts: '1700000000.000100' }));
    servers.push(api.server);
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `${api.url}/api/`, retryConfig: { retries: 0 } });
    const poster = createSlackDigestPoster(client, '#conferences');
    expect(poster.target).toBe('slack:#conferences');

    await poster.post(digest(10));

    expect(api.requests.map((r) => r.path)).toEqual(['/api/chat.postMessage', '/api/chat.postMessage', '/api/chat.postMessage']);
    const [parent, ...replies] = api.requests.map((r) => r.body);
    expect(api.requests[0]!.authorization).toBe('Bearer xoxb-test');
    expect(parent).toMatchObject({ channel: '#conferences', unfurl_links: 'false' });
    expect(parent!.thread_ts).toBeUndefined();
    expect(String(parent!.text)).toContain('QCon London 2014');
    for (const reply of replies) expect(reply).toMatchObject({ channel: 'C0CONF', thread_ts: '1700000000.000100' });
    expect(replies.map((r) => String(r.text)).join('\n')).toContain('Etsy publishes a blameless post-mortem after outage 10.');
  });

  it('fails when Slack refuses, so the watcher retries later', async () => {
    const api = await fakeApi(() => ({ ok: false, error: 'not_in_channel' }));
    servers.push(api.server);
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `${api.url}/api/`, retryConfig: { retries: 0 } });
    await expect(createSlackDigestPoster(client, 'C0CONF').post(digest(1))).rejects.toThrow(/not_in_channel/);
  });
});

describe('Discord digest poster', () => {
  it('posts the digest messages to the channel in order, pinging nobody', async () => {
    let id = 0;
    const api = await fakeApi((request) => ({ id: String(++id), channel_id: '222', content: request.body.content ?? '' }));
    servers.push(api.server);
    const rest = new REST({ api: `${api.url}/api`, retries: 0 }).setToken('discord-test-token');
    const poster = createDiscordDigestPoster(rest, '222');
    expect(poster.target).toBe('discord:222');

    await poster.post(digest(12));

    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of api.requests) {
      expect(request).toMatchObject({ method: 'POST', path: '/api/v10/channels/222/messages', authorization: 'Bot discord-test-token' });
      expect(request.body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(String(api.requests[0]!.body.content)).toContain('QCon London 2014');
    const titles = api.requests.flatMap((r) => (r.body.embeds as Array<{ title: string }>).map((e) => e.title));
    expect(titles).toHaveLength(12);
    expect(titles[0]).not.toContain('@everyone');
  });
});
