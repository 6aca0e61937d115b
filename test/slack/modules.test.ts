// The small stateful helpers: rate limit, retry dedupe, request text, request guard, signature check, feedback button values.
import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signedBySlack } from '../../adapters/slack/ack-first.js';
import { createDedupe } from '../../adapters/slack/dedupe.js';
import { decodeFeedbackValue, encodeFeedbackValue } from '../../adapters/slack/feedback-ref.js';
import { parseRequest, plainText } from '../../adapters/slack/incoming-text.js';
import { createRateLimiter } from '../../adapters/slack/rate-limit.js';
import { isFromTheFuture } from '../../adapters/slack/request-guard.js';
import { slackSignature } from './fake-slack.js';

describe('createRateLimiter', () => {
  it('allows perMinute requests per user in a sliding minute, then says when to retry', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter(2, () => now);
    expect(limiter.take('U1').allowed).toBe(true);
    now += 10_000;
    expect(limiter.take('U1').allowed).toBe(true);
    expect(limiter.take('U2').allowed).toBe(true);
    expect(limiter.take('U1')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    now += 50_000;
    expect(limiter.take('U1').allowed).toBe(true);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take('U1').allowed).toBe(true);
  });
});

describe('createDedupe', () => {
  it('reports each id once and forgets the oldest beyond capacity', () => {
    const dedupe = createDedupe(2);
    expect(dedupe.firstSeen('a')).toBe(true);
    expect(dedupe.firstSeen('a')).toBe(false);
    dedupe.firstSeen('b');
    dedupe.firstSeen('c');
    expect(dedupe.firstSeen('a')).toBe(true);
    expect(dedupe.firstSeen('c')).toBe(false);
  });
});

describe('plainText and parseRequest', () => {
  it('undoes Slack markup and drops the leading bot mention', () => {
    expect(plainText('<@UBOT0001> what about A &amp; B &lt;3 in <#C1|general>? <https://x.io|x>')).toBe('what about A & B <3 in #general? x');
  });

  it('drops the mentions of people, groups and everyone wherever they are', () => {
    expect(plainText('hey <@U0ALICE>, what did Etsy say <!subteam^S0TEAM|@sre> <!here>? cc <@U0BOB|bob>')).toBe('hey, what did Etsy say? cc');
    expect(plainText('<!date^1392734382^{date}|Feb 18, 2014> talks?')).toBe('Feb 18, 2014 talks?');
  });

  it('recognises help and digest, and treats the rest as a question', () => {
    expect(parseRequest('help')).toEqual({ kind: 'help' });
    expect(parseRequest('digest QCon London')).toEqual({ kind: 'digest', conference: 'QCon London' });
    expect(parseRequest('digest')).toEqual({ kind: 'digest', conference: '' });
    expect(parseRequest('  Etsy post-mortems? ')).toEqual({ kind: 'ask', question: 'Etsy post-mortems?' });
  });
});

describe('isFromTheFuture', () => {
  const at = (ts: number) => ({ headers: { 'x-slack-request-timestamp': String(ts) } });
  it('flags timestamps over five minutes ahead only', () => {
    const now = 1_700_000_000_000;
    expect(isFromTheFuture(at(1_700_000_000 + 301), now)).toBe(true);
    expect(isFromTheFuture(at(1_700_000_000 + 299), now)).toBe(false);
    expect(isFromTheFuture(at(1_700_000_000 - 3600), now)).toBe(false);
    expect(isFromTheFuture({ headers: {} }, now)).toBe(false);
  });
});

describe('signedBySlack', () => {
  it('accepts what Bolt accepts and refuses what it refuses: wrong secret, changed body, stale timestamp, bad version', () => {
    const now = 1_800_000_000_000;
    const seconds = now / 1000;
    const body = 'command=%2Fconfnotes&text=caf%C3%A9+%E2%80%94+what+did+Etsy+say%3F';
    const cases = [
      { signature: slackSignature('secret', seconds, body), timestamp: seconds, body, ok: true },
      { signature: slackSignature('secret', seconds - 299, body), timestamp: seconds - 299, body, ok: true },
      { signature: slackSignature('other', seconds, body), timestamp: seconds, body, ok: false },
      { signature: slackSignature('secret', seconds, body), timestamp: seconds, body: `${body}x`, ok: false },
      { signature: slackSignature('secret', seconds, body), timestamp: seconds + 1, body, ok: false },
      { signature: slackSignature('secret', seconds - 301, body), timestamp: seconds - 301, body, ok: false },
      { signature: slackSignature('secret', seconds, body).replace('v0=', 'v1='), timestamp: seconds, body, ok: false },
      { signature: 'v0=deadbeef', timestamp: seconds, body, ok: false },
    ];
    for (const { signature, timestamp, body: sent, ok } of cases) {
      expect(signedBySlack('secret', signature, timestamp, Buffer.from(sent), now)).toBe(ok);
      const bolt = () =>
        verifySlackRequest({ signingSecret: 'secret', body: sent, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: now });
      if (ok) expect(bolt).not.toThrow();
      else expect(bolt).toThrow();
    }
  });
});

describe('feedback', () => {
  it('round-trips a vote and its reference within the 2000-character button value', () => {
    const ref = { question: 'q'.repeat(3000), excerpts: Array.from({ length: 200 }, (_, i) => `notes/file-${i}.md:1-2`) };
    const value = encodeFeedbackValue('down', ref);
    expect(value.length).toBeLessThanOrEqual(2000);
    const back = decodeFeedbackValue(value)!;
    expect(back.vote).toBe('down');
    expect(back.ref.question).toBe('q'.repeat(500));
    expect(back.ref.excerpts.length).toBeGreaterThan(0);
    expect(ref.excerpts.slice(0, back.ref.excerpts.length)).toEqual(back.ref.excerpts);
    expect(decodeFeedbackValue('not json')).toBeUndefined();
    expect(decodeFeedbackValue('{"v":"sideways","q":"q","e":[]}')).toBeUndefined();
  });
});
