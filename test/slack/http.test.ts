// End to end over HTTP: real Bolt, the real service over the sample notes, signed requests like
// Slack's, and a fake Slack Web API recording what the bot sends back.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackHandle, startSlack } from '../../adapters/slack/start-slack.js';
import type { Digest } from '../../src/types.js';
import { BOT, FakeSlack, type RecordedCall, eventEnvelope, feedbackClick, mention, postToBot } from './fake-slack.js';
import { failingOn } from '../helpers/failing-service.js';
import { SECRET, type TestService, openTestService, withDigest } from './service.js';

const ETSY_FILE = '001_34568cbb42ee90fe.txt';
const NOTES_URL = 'https://github.com/acme/notes/blob/main/';
const ETSY_QUESTION = 'What did Etsy say about post-mortems?';
const FAIL_TRIGGER = 'please-fail';

let fake: FakeSlack;
let test: TestService;
let bot: SlackHandle;
let seq = 0;

const cannedDigest: Digest = {
  conference: 'Canned Conf',
  files: ['canned.md'],
  talks: [
    { talk: 'Talk A', speakers: ['Ann'], companies: [], file: 'canned.md', lines: [3, 9], highlights: [{ quote: 'A says hi.', lines: [4, 4] }], empty: false },
    { talk: 'Talk B', speakers: [], companies: [], file: 'canned.md', lines: [10, 11], highlights: [], empty: true },
  ],
};

function command(text: string, over: Record<string, string> = {}): { body: string; responseUrl: string } {
  const id = `cmd${++seq}`;
  const responseUrl = fake.responseUrl(id, over.channel_id ?? 'C0GENERAL');
  const body = new URLSearchParams({
    token: 'legacy', team_id: BOT.teamId, team_domain: 'team', channel_id: 'C0GENERAL', channel_name: 'general',
    user_id: 'U0ASKER', user_name: 'asker', command: '/confnotes', text, api_app_id: 'A0001',
    response_url: responseUrl, trigger_id: `trigger-${id}`, ...over,
  }).toString();
  return { body, responseUrl };
}

const sendCommand = (text: string, over?: Record<string, string>, port = bot.port!) => {
  const c = command(text, over);
  return { ...c, response: postToBot(port, c.body, 'form', { secret: SECRET }) };
};
const respondedTo = (url: string) => fake.waitFor('response_url', (c) => c.url === url);
const blocksText = (call: RecordedCall) => JSON.stringify(call.body.blocks);

/** The quotes a reader sees in streamed Markdown: each run of `> ` lines, entities decoded, joiners removed. */
function quotesIn(markdown: string): string[] {
  const quotes: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('> ')) {
      if (!current) quotes.push((current = []));
      current.push(line.slice(2).replace(/\u200D/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    } else current = undefined;
  }
  return quotes.map((q) => q.join('\n'));
}

const streamedText = (ts: string) =>
  fake.calls
    .filter((c) => ['chat.startStream', 'chat.appendStream', 'chat.stopStream'].includes(c.method) && (c.method === 'chat.startStream' ? c.response?.ts === ts : c.body.ts === ts))
    .map((c) => ((c.body.chunks as Array<{ text: string }> | undefined) ?? []).map((chunk) => chunk.text).join('') + String(c.body.markdown_text ?? ''))
    .join('');

/** Links of the form <url|file:a-b> in mrkdwn, with the lines their anchor names. */
function linkedLines(mrkdwn: string): Array<{ file: string; start: number; end: number }> {
  return [...mrkdwn.matchAll(/<https:\/\/github\.com\/acme\/notes\/blob\/main\/([^#|>]+)#L(\d+)(?:-L(\d+))?\|/g)].map((m) => ({
    file: decodeURIComponent(m[1]!),
    start: Number(m[2]),
    end: Number(m[3] ?? m[2]),
  }));
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  test = await openTestService();
  const service = withDigest(cannedDigest.conference, cannedDigest, failingOn(FAIL_TRIGGER, test.service));
  bot = await startSlack(service, { ...test.config({ apiUrl: fake.apiUrl }), notesUrl: NOTES_URL });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await test?.close();
});

beforeEach(() => {
  fake.calls.length = 0;
});

describe('Slack over HTTP', () => {
  it('makes no Web API call at start', async () => {
    const quiet = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl }));
    await quiet.stop();
    expect(fake.calls).toEqual([]);
  });

  it('stop() waits for the commands it acknowledged to be answered', async () => {
    const own = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl }));
    const { response, responseUrl } = sendCommand(ETSY_QUESTION, undefined, own.port);
    expect((await response).status).toBe(200);
    await own.stop();
    expect(fake.calls.some((c) => c.url === responseUrl)).toBe(true);
  });

  it('answers /confnotes: ack at once, then the Etsy excerpt and its citation via respond()', async () => {
    const started = Date.now();
    const { response, responseUrl } = sendCommand(ETSY_QUESTION);
    const res = await response;
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const reply = await respondedTo(responseUrl);
    expect(reply.body.response_type).toBe('in_channel');
    const blocks = blocksText(reply);
    expect(blocks).toContain('post-mortem');
    expect(blocks).toContain(`${ETSY_FILE}:`);
    expect(blocks).toContain('"type":"feedback_buttons"');
    expect(String(reply.body.text)).toContain('post-mortem');
  });

  it('answers help with the usage, for the asker only', async () => {
    const { response, responseUrl } = sendCommand('help');
    expect((await response).status).toBe(200);
    const reply = await respondedTo(responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('/confnotes digest <conference>');
  });

  it('answers an empty and a 10 kB question with a polite usage message', async () => {
    const empty = sendCommand('');
    expect((await empty.response).status).toBe(200);
    const emptyReply = await respondedTo(empty.responseUrl);
    expect(emptyReply.body.response_type).toBe('ephemeral');
    expect(String(emptyReply.body.text)).toMatch(/question is empty[\s\S]*\/confnotes <question>/);

    const long = sendCommand('pourquoi '.repeat(1200).slice(0, 10_240));
    expect((await long.response).status).toBe(200);
    const longReply = await respondedTo(long.responseUrl);
    expect(String(longReply.body.text)).toMatch(/at most 500 characters[\s\S]*\/confnotes <question>/);
    expect(String(longReply.body.text).length).toBeLessThan(2000);
  });

  it('answers a mention in its thread: status first, then the quotes streamed, then linked citations and feedback', async () => {
    const { body, ts } = mention(ETSY_QUESTION);
    expect((await postToBot(bot.port!, body, 'json', { secret: SECRET })).status).toBe(200);
    const stop = await fake.waitFor('chat.stopStream');
    const order = fake.calls.map((c) => c.method);
    // The asker sees the status before the first excerpt; no 👀 is needed where the status shows.
    expect(order[0]).toBe('assistant.threads.setStatus');
    expect(fake.calls[0]!.body).toMatchObject({ channel_id: 'C0GENERAL', thread_ts: ts, status: 'is searching the notes…' });
    expect(order.indexOf('assistant.threads.setStatus')).toBeLessThan(order.indexOf('chat.startStream'));
    expect(order).not.toContain('reactions.add');
    expect(order).not.toContain('chat.postMessage');
    const start = fake.callsTo('chat.startStream')[0]!;
    expect(start.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: ts, recipient_user_id: 'U0ASKER', recipient_team_id: BOT.teamId });
    expect(start.authorization).toBe('Bearer xoxb-test-token');
    // Each excerpt is its own append: the first one is on screen before the others are sent.
    expect(fake.callsTo('chat.appendStream').length).toBeGreaterThanOrEqual(1);

    const expected = await test.service.ask(ETSY_QUESTION);
    expect(expected.excerpts.length).toBeGreaterThan(0);
    const shown = quotesIn(streamedText(String(start.response!.ts)));
    expect(shown).toEqual(expected.excerpts.map((e) => e.quote.replace(/\r\n?/g, '\n').trim()));
    expect(shown.join(' ')).toMatch(/post-mortem/);

    const closing = blocksText(stop);
    expect(closing).toContain('"type":"feedback_buttons"');
    expect(closing).toContain('"action_id":"confnotes_feedback"');
    const links = linkedLines(closing);
    expect(links).toHaveLength(expected.excerpts.length);
    const noteLines = (await readFile(join(test.dir, 'notes', ETSY_FILE), 'utf8')).split(/\r?\n/);
    expected.excerpts.forEach((excerpt, i) => {
      expect(links[i]).toEqual({ file: excerpt.file, start: excerpt.lines[0], end: excerpt.lines[1] });
      if (excerpt.file !== ETSY_FILE) return;
      // The linked lines hold the quote: its first words are on the first linked line.
      const linked = noteLines.slice(links[i]!.start - 1, links[i]!.end).join('\n');
      expect(linked).toContain(excerpt.quote.trim().split(/\r?\n/)[0]!.slice(0, 40));
    });
  });

  it('falls back to 👀 where the thread status is refused, and to one whole message where streaming is', async () => {
    fake.failures.set('assistant.threads.setStatus', 'channel_type_not_supported');
    fake.failures.set('chat.startStream', 'feature_not_enabled');
    try {
      const { body, ts } = mention(ETSY_QUESTION);
      await postToBot(bot.port!, body, 'json', { secret: SECRET });
      const posted = await fake.waitFor('chat.postMessage');
      await fake.waitFor('reactions.remove');
      expect(posted.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: ts });
      expect(blocksText(posted)).toContain(`${ETSY_FILE}:`);
      expect(blocksText(posted)).toContain('"type":"feedback_buttons"');
      const order = fake.calls.map((c) => c.method);
      expect(order).toEqual(['assistant.threads.setStatus', 'reactions.add', 'chat.startStream', 'chat.postMessage', 'reactions.remove']);
      expect(fake.callsTo('reactions.add')[0]!.body).toMatchObject({ channel: 'C0GENERAL', timestamp: ts, name: 'eyes' });
    } finally {
      fake.failures.clear();
    }
  });

  it('completes the streamed message with the whole answer when the stream breaks half-way', async () => {
    fake.failures.set('chat.appendStream', 'streaming_state_conflict');
    try {
      const { body } = mention(ETSY_QUESTION);
      await postToBot(bot.port!, body, 'json', { secret: SECRET });
      const update = await fake.waitFor('chat.update');
      const start = fake.callsTo('chat.startStream')[0]!;
      expect(update.body).toMatchObject({ channel: 'C0GENERAL', ts: start.response!.ts });
      expect(blocksText(update)).toContain('post-mortem');
      expect(blocksText(update)).toContain('"type":"feedback_buttons"');
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      fake.failures.clear();
    }
  });

  it('answers a DM in the DM, in the message\'s thread, and ignores bot messages and edits', async () => {
    const dm = (over: Record<string, unknown>) =>
      postToBot(bot.port!, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0ASKER', user: 'U0ASKER', text: ETSY_QUESTION, ts: `1700000200.${++seq}`, ...over }), 'json', { secret: SECRET });
    await dm({ bot_id: BOT.botId, user: BOT.userId });
    await dm({ subtype: 'message_changed' });
    await dm({ ts: '1700000200.999999' });
    const start = await fake.waitFor('chat.startStream');
    await fake.waitFor('chat.stopStream');
    expect(start.body).toMatchObject({ channel: 'D0ASKER', thread_ts: '1700000200.999999' });
    expect(quotesIn(streamedText(String(start.response!.ts))).join(' ')).toContain('post-mortem');
    expect(fake.callsTo('chat.startStream')).toHaveLength(1);
  });

  it('records a 👍 from the native feedback buttons in feedback.jsonl and thanks the voter', async () => {
    const { body } = mention(ETSY_QUESTION);
    await postToBot(bot.port!, body, 'json', { secret: SECRET });
    const stop = await fake.waitFor('chat.stopStream');
    const blocks = stop.body.blocks as Array<{ type: string; block_id?: string; elements?: Array<{ type: string; action_id: string; positive_button: { value: string } }> }>;
    const buttons = blocks.find((b) => b.type === 'context_actions')!.elements!.find((e) => e.type === 'feedback_buttons')!;
    const actionUrl = fake.responseUrl('vote');
    const click = feedbackClick({ channel: 'C0GENERAL', ts: String(stop.body.ts), blocks }, { value: buttons.positive_button.value, vote: 'up' }, actionUrl);
    const res = await postToBot(bot.port!, click, 'form', { secret: SECRET });
    expect(res.status).toBe(200);
    const update = await respondedTo(actionUrl);
    expect(update.body.replace_original).toBe(true);
    expect(blocksText(update)).toContain('Thanks, your vote was counted');
    expect(blocksText(update)).not.toContain('feedback_buttons');
    const lines = (await readFile(join(test.config().stateDir, 'feedback.jsonl'), 'utf8')).trim().split('\n');
    const record = JSON.parse(lines.at(-1)!);
    expect(record).toMatchObject({ question: ETSY_QUESTION, user: 'U0VOTER', vote: 'up' });
    expect(record.excerpts[0]).toMatch(new RegExp(`^${ETSY_FILE}:\\d+-\\d+$`));
    expect(Date.parse(record.time)).not.toBeNaN();
  });

  it('records what the notes did not answer, and every 👎 with its question, for confnotes gaps', async () => {
    const silent = 'What did they say about quorvadb and zorblax?';
    expect((await test.service.ask(silent)).abstained).toBe(true);
    const { body } = mention(silent);
    await postToBot(bot.port!, body, 'json', { secret: SECRET });
    const posted = await fake.waitFor('chat.postMessage');
    expect(String(posted.body.text)).toContain('The notes are silent');

    const voteUrl = fake.responseUrl('down');
    const blocks = posted.body.blocks as Array<{ type: string; elements?: Array<{ negative_button: { value: string } }> }>;
    const down = blocks.find((b) => b.type === 'context_actions')!.elements![0]!.negative_button.value;
    const click = feedbackClick({ channel: 'C0GENERAL', ts: String(posted.response!.ts), blocks }, { value: down, vote: 'down' }, voteUrl);
    await postToBot(bot.port!, click, 'form', { secret: SECRET });
    await respondedTo(voteUrl);
    const records = (await readFile(join(test.config().stateDir, 'gaps.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const mine = records.filter((r) => r.question === silent);
    expect(mine.map((r) => [r.kind, r.origin])).toEqual([
      ['abstained', 'slack:C0GENERAL'],
      ['downvoted', 'slack:C0GENERAL'],
    ]);
    expect(mine[0].closest.length).toBeGreaterThan(0);
  });

  it('rejects forged signatures and old or future timestamps with 401, answering nothing', async () => {
    const { body } = command(ETSY_QUESTION);
    const now = Math.floor(Date.now() / 1000);
    expect((await postToBot(bot.port!, body, 'form', { secret: 'wrong-secret' })).status).toBe(401);
    expect((await postToBot(bot.port!, body, 'form', { secret: SECRET, signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await postToBot(bot.port!, body, 'form', { secret: SECRET, timestamp: now - 600 })).status).toBe(401);
    expect((await postToBot(bot.port!, body, 'form', { secret: SECRET, timestamp: now + 600 })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls).toEqual([]);
  });

  it('answers Slack\'s URL verification challenge', async () => {
    const res = await postToBot(bot.port!, JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' }), 'json', { secret: SECRET });
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers a retried event once', async () => {
    const { body } = mention(ETSY_QUESTION);
    await postToBot(bot.port!, body, 'json', { secret: SECRET });
    const retry = await postToBot(bot.port!, body, 'json', { secret: SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await fake.waitFor('chat.stopStream');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.startStream')).toHaveLength(1);
  });

  it('quotes a note containing <!channel> and <@U123> without pinging anyone', async () => {
    const { response, responseUrl } = sendCommand('Zanzibar megaphones?');
    await response;
    const reply = await respondedTo(responseUrl);
    const shown = `${blocksText(reply)}${String(reply.body.text)}`;
    expect(shown).toContain('Zanzibar megaphones announce &lt;!channel&gt; and &lt;@\u200DU123&gt;');
    expect(shown).not.toMatch(/<!channel>|<@U123>|@here/);
  });

  it('apologises with an error id when answering fails, and keeps answering', async () => {
    const failed = sendCommand(`${FAIL_TRIGGER} about Etsy`);
    expect((await failed.response).status).toBe(200);
    const apology = await respondedTo(failed.responseUrl);
    expect(apology.body.response_type).toBe('ephemeral');
    expect(String(apology.body.text)).toMatch(/Sorry, something went wrong[\s\S]*`[0-9a-f]{8}`/);

    const next = sendCommand(ETSY_QUESTION);
    await next.response;
    expect(blocksText(await respondedTo(next.responseUrl))).toContain('post-mortem');
  });

  it('posts a digest as a parent message with the talks in its thread', async () => {
    const { response } = sendCommand(`digest ${cannedDigest.conference}`);
    expect((await response).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts !== undefined);
    const [parent, talks] = fake.callsTo('chat.postMessage');
    expect(parent!.body).toMatchObject({ channel: 'C0GENERAL' });
    expect(parent!.body.thread_ts).toBeUndefined();
    expect(String(parent!.body.text)).toContain('Digest of Canned Conf');
    expect(talks!.body.thread_ts).toBe(parent!.response!.ts);
    expect(blocksText(talks!)).toContain('A says hi.');
    expect(blocksText(talks!)).toContain('_(no notes)_');
  });

  it('says how to invite the bot when it cannot post a digest in the channel', async () => {
    fake.failures.set('chat.postMessage', 'not_in_channel');
    try {
      const { response, responseUrl } = sendCommand(`digest ${cannedDigest.conference}`);
      await response;
      const reply = await respondedTo(responseUrl);
      expect(reply.body.response_type).toBe('ephemeral');
      expect(String(reply.body.text)).toContain('/invite @confnotes');
    } finally {
      fake.failures.clear();
    }
  });

  it('lists the known conferences when a digest is asked for an unknown one', async () => {
    const { response, responseUrl } = sendCommand('digest Atlantis Summit');
    await response;
    const reply = await respondedTo(responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('Atlantis Summit');
    expect(String(reply.body.text)).toMatch(/QCon/);
  });
});

describe('Slack follow-ups in threads', () => {
  const reply = (text: string, threadTs: string, over: Record<string, unknown> = {}) => {
    const ts = `1700000400.${String(++seq).padStart(6, '0')}`;
    const body = eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0GENERAL', user: 'U0ASKER', text, ts, thread_ts: threadTs, event_ts: ts, ...over });
    return postToBot(bot.port!, body, 'json', { secret: SECRET });
  };
  /** The bot's `nth` answer in the thread (streamed or posted whole): answers carry metadata once complete. */
  const answerIn = async (threadTs: string, nth: number) => {
    const answers = () => fake.messages.filter((m) => m.thread_ts === threadTs && m.metadata);
    for (const deadline = Date.now() + 10_000; answers().length < nth; await new Promise((r) => setTimeout(r, 10))) {
      if (Date.now() > deadline) throw new Error(`no answer ${nth} in thread ${threadTs}`);
    }
    return answers()[nth - 1]!;
  };

  it('answers a reply without a mention in a thread it answered, with the earlier question as context', async () => {
    const { body, ts } = mention(ETSY_QUESTION);
    await postToBot(bot.port!, body, 'json', { secret: SECRET });
    const first = await answerIn(ts, 1);
    expect(first.metadata).toEqual({ event_type: 'confnotes_answer', event_payload: { question: ETSY_QUESTION } });

    const since = fake.calls.length;
    await reply('and what did Pinterest say?', ts);
    const followUp = await answerIn(ts, 2);
    const composed = 'What did Pinterest say about post-mortems?';
    expect(fake.calls.slice(since).find((c) => c.method === 'conversations.replies')!.body).toMatchObject({ channel: 'C0GENERAL', ts });
    expect(followUp.thread_ts).toBe(ts);
    expect(followUp.text).toContain(`“${composed}”`);
    expect(followUp.metadata).toEqual({ event_type: 'confnotes_answer', event_payload: { question: composed } });
    const expected = await test.service.ask(composed);
    expect(quotesIn(followUp.text)).toEqual(expected.abstained ? [] : expected.excerpts.map((e) => e.quote.replace(/\r\n?/g, '\n').trim()));
  });

  it('answers a reply in the thread of a /confnotes answer the channel saw, as a follow-up of its question', async () => {
    const { response, responseUrl } = sendCommand(ETSY_QUESTION);
    await response;
    const answer = await respondedTo(responseUrl);
    expect(answer.body.metadata).toEqual({ event_type: 'confnotes_answer', event_payload: { question: ETSY_QUESTION } });
    const parent = fake.messages.find((m) => m.metadata && JSON.stringify(m.metadata) === JSON.stringify(answer.body.metadata) && !m.thread_ts)!;

    await reply('and what did Pinterest say?', parent.ts);
    const followUp = await answerIn(parent.ts, 1);
    expect(followUp.text).toContain('“What did Pinterest say about post-mortems?”');
    expect(followUp.metadata).toEqual({ event_type: 'confnotes_answer', event_payload: { question: 'What did Pinterest say about post-mortems?' } });
  });

  it('gives an ephemeral /confnotes answer no metadata: there is no thread to follow up in', async () => {
    const ephemeral = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl, responseType: 'ephemeral' }));
    try {
      const { response, responseUrl } = sendCommand(ETSY_QUESTION, {}, ephemeral.port!);
      await response;
      const answer = await respondedTo(responseUrl);
      expect(answer.body.response_type).toBe('ephemeral');
      expect(blocksText(answer)).toContain('post-mortem');
      expect(answer.body.metadata).toBeUndefined();
    } finally {
      await ephemeral.stop();
    }
  });

  it('ignores replies in someone else\'s thread, and replies addressed to a person', async () => {
    fake.addMessage({ channel: 'C0GENERAL', ts: '1700000500.000001', user: 'U0OTHER', text: 'lunch?' });
    await reply('and what did Pinterest say?', '1700000500.000001');
    await fake.waitFor('conversations.replies');
    const { body, ts } = mention(ETSY_QUESTION);
    await postToBot(bot.port!, body, 'json', { secret: SECRET });
    await answerIn(ts, 1);
    const since = fake.calls.length;
    await reply('<@U0COLLEAGUE> what do you think?', ts);
    await new Promise((r) => setTimeout(r, 300));
    const answered = fake.calls.filter((c) => ['chat.startStream', 'chat.postMessage', 'assistant.threads.setStatus'].includes(c.method));
    // Only the mention was answered; nothing in the other thread, and the reply to a colleague is not even read.
    expect(answered.filter((c) => c.body.thread_ts === '1700000500.000001' || c.body.thread_ts === undefined)).toEqual([]);
    expect(fake.calls.slice(since)).toEqual([]);
  });

  it('stops after the configured number of follow-ups, telling the asker how to go on', async () => {
    const strict = await startSlack(test.service, { ...test.config({ apiUrl: fake.apiUrl, followUps: 1 }) });
    try {
      const { body, ts } = mention(ETSY_QUESTION);
      await postToBot(strict.port!, body, 'json', { secret: SECRET });
      await answerIn(ts, 1);
      const followUp = (text: string) => {
        const at = `1700000600.${String(++seq).padStart(6, '0')}`;
        return postToBot(strict.port!, eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0GENERAL', user: 'U0ASKER', text, ts: at, thread_ts: ts }), 'json', { secret: SECRET });
      };
      await followUp('more?');
      await answerIn(ts, 2);
      const since = fake.calls.length;
      await followUp('and more?');
      const notice = await fake.waitFor('chat.postEphemeral', (c) => fake.calls.indexOf(c) >= since);
      expect(notice.body).toMatchObject({ channel: 'C0GENERAL', user: 'U0ASKER', thread_ts: ts });
      expect(String(notice.body.text)).toContain('up to 1 follow-up in a thread');
    } finally {
      await strict.stop();
    }
  });
});

describe('Slack limits and allow-list', () => {
  let limited: SlackHandle;

  beforeAll(async () => {
    limited = await startSlack(test.service, test.config({ apiUrl: fake.apiUrl, rateLimitPerMinute: 2, channels: ['C0ALLOWED'] }));
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it('asks a user to slow down past the per-minute limit, without affecting others', async () => {
    const ask = (user: string) => sendCommand(ETSY_QUESTION, { channel_id: 'C0ALLOWED', channel_name: 'allowed', user_id: user }, limited.port!);
    const replies = [];
    for (const user of ['U0FAST', 'U0FAST', 'U0FAST', 'U0CALM']) {
      const c = ask(user);
      await c.response;
      replies.push(await respondedTo(c.responseUrl));
    }
    expect(replies.map((r) => r.body.response_type)).toEqual(['in_channel', 'in_channel', 'ephemeral', 'in_channel']);
    expect(String(replies[2]!.body.text)).toMatch(/faster than I can read \(2 questions a minute\)\. Please try again in \d+ s/);
  });

  it('outside the allowed channels, says where it can be asked', async () => {
    const c = sendCommand(ETSY_QUESTION, { channel_id: 'C0RANDOM', channel_name: 'random' }, limited.port!);
    await c.response;
    const reply = await respondedTo(c.responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('I only answer in <#C0ALLOWED>, or in a direct message');

    const { body } = mention(ETSY_QUESTION, { channel: 'C0RANDOM' });
    await postToBot(limited.port!, body, 'json', { secret: SECRET });
    const ephemeral = await fake.waitFor('chat.postEphemeral');
    expect(ephemeral.body).toMatchObject({ channel: 'C0RANDOM', user: 'U0ASKER' });
    expect(String(ephemeral.body.text)).toContain('<#C0ALLOWED>');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
