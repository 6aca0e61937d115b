// The small stateful helpers: rate limit, retry dedupe, request text, request guard, feedback button values.
import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../adapters/slack/dedupe.js';
import { decodeFeedbackValue, encodeFeedbackValue } from '../../adapters/slack/feedback-ref.js';
import { parseRequest, plainText } from '../../adapters/slack/incoming-text.js';
import { createRateLimiter } from '../../adapters/slack/rate-limit.js';
import { isFromTheFuture } from '../../adapters/slack/request-guard.js';

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
