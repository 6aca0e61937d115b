// The reply decisions behind every Slack surface, with a logger whose output the test reads.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../adapters/slack/conversation.js';
import { createRateLimiter } from '../../adapters/slack/rate-limit.js';
import { safeError } from '../../adapters/slack/safe-error.js';
import { createLogger } from '../../src/log.js';
import type { ConfnotesService } from '../../src/service.js';

/** Test double: a service whose every call fails, to exercise the apology path. */
const brokenService: ConfnotesService = {
  ask: async () => { throw new Error('index exploded'); },
  digest: async () => { throw new Error('index exploded'); },
  conferences: async () => [],
  close: async () => undefined,
};

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { logger: createLogger('info', stream), lines };
}

describe('createConversation', () => {
  it('apologises with an error id that is also in the log', async () => {
    const { logger, lines } = capturingLogger();
    const converse = createConversation({ service: brokenService, channels: [], rateLimitPerMinute: 0, rateLimiter: createRateLimiter(0), logger });
    const reply = await converse('why?', { user: 'U1', channel: 'C1', isDm: false });
    expect(reply.kind).toBe('message');
    const text = reply.kind === 'message' ? reply.message.text : '';
    const errorId = /`([0-9a-f]{8})`/.exec(text)![1]!;
    const logged = JSON.parse(lines.find((l) => l.includes(errorId))!);
    expect(logged).toMatchObject({ errorId, user: 'U1', err: { message: 'index exploded' } });
  });

  it('allows channels of the allow-list by id or by name, and DMs always', async () => {
    const { logger } = capturingLogger();
    const converse = createConversation({ service: brokenService, channels: ['C0IDS', '#notes'], rateLimitPerMinute: 0, rateLimiter: createRateLimiter(0), logger });
    const refused = (r: Awaited<ReturnType<typeof converse>>) => r.kind === 'message' && r.message.text.startsWith('I only answer in');
    expect(refused(await converse('q', { user: 'U1', channel: 'C0OTHER', channelName: 'random', isDm: false }))).toBe(true);
    expect(refused(await converse('q', { user: 'U1', channel: 'C0OTHER', channelName: 'Notes', isDm: false }))).toBe(false);
    expect(refused(await converse('q', { user: 'U1', channel: 'C0IDS', isDm: false }))).toBe(false);
    expect(refused(await converse('q', { user: 'U1', channel: 'D0DM', isDm: true }))).toBe(false);
  });
});

describe('safeError', () => {
  it('keeps the Slack error code and drops the failed request with its token', () => {
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
      original: { config: { headers: { Authorization: 'Bearer xoxb-secret' } } },
    });
    const safe = safeError(error);
    expect(safe).toEqual({ name: 'Error', message: 'An API error occurred: not_in_channel', code: 'slack_webapi_platform_error', slackError: 'not_in_channel' });
    expect(JSON.stringify(safe)).not.toContain('xoxb');
  });
});
