// Pure formatters: layout, escaping and Block Kit limits, without Slack or Bolt.
import { describe, expect, it } from 'vitest';
import type { Answer, Digest, Excerpt } from '../../src/types.js';
import { CUT_MARKER, escapeMrkdwn, truncate } from '../../adapters/slack/escape.js';
import { LIMITS } from '../../adapters/slack/blocks.js';
import { formatAnswer, withVoteCounted } from '../../adapters/slack/format-answer.js';
import { formatDigest } from '../../adapters/slack/format-digest.js';
import { VOTE_ACTION, decodeFeedbackRef } from '../../adapters/slack/feedback-ref.js';

const excerpt = (over: Partial<Excerpt> = {}): Excerpt => ({
  quote: 'Après chaque problème en prod chez Etsy, ils font des post-mortem publics.',
  conference: 'QCon London 2014',
  talk: "How outages shaped Etsy's architecture",
  speakers: ['John Allspaw'],
  companies: ['Etsy'],
  file: '001_34568cbb42ee90fe.txt',
  lines: [20, 21],
  score: 0.9,
  ...over,
});

const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'What did Etsy say about post-mortems?',
  abstained: false,
  excerpts: [excerpt()],
  ...over,
});

type AnyBlock = { type: string; block_id?: string; text?: { text: string }; elements?: Array<{ text?: unknown; value?: string; action_id?: string }> };
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];
const allText = (m: { blocks: unknown[] }) => JSON.stringify(m.blocks);

describe('escapeMrkdwn', () => {
  it('escapes control characters and defuses every mention form', () => {
    const out = escapeMrkdwn('a & b <!channel> <!here> <@U123> @channel @here @everyone <https://x|y>');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&amp;');
    expect(out).toContain('&lt;!channel&gt;');
    for (const word of ['channel', 'here', 'everyone', 'U123']) expect(out).not.toContain(`@${word}`);
    expect(out).toContain('@\u200Dchannel');
  });

  it('leaves ordinary text and e-mail-like words alone', () => {
    expect(escapeMrkdwn('déploiement continu @sam')).toBe('déploiement continu @sam');
  });
});

describe('truncate', () => {
  it('cuts with a marker, within the limit, never inside an entity', () => {
    const cut = truncate(`${'x'.repeat(95)}&amp;&amp;`, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(cut).not.toMatch(/&[a-z]*…/);
  });
});

describe('formatAnswer', () => {
  it('says what was found, quotes verbatim and cites conference · talk · speaker (company) · file:lines', () => {
    const m = formatAnswer(answer());
    const [head, quote, source, actions] = blocksOf(m);
    expect(head!.text!.text).toContain('Found 1 excerpt');
    expect(head!.text!.text).toContain('What did Etsy say about post-mortems?');
    expect(quote!.text!.text).toBe('>Après chaque problème en prod chez Etsy, ils font des post-mortem publics.');
    expect(source!.type).toBe('context');
    expect(source!.elements![0]!.text).toBe(
      "QCon London 2014 · How outages shaped Etsy's architecture · John Allspaw (Etsy) · `001_34568cbb42ee90fe.txt:20-21`",
    );
    expect(actions!.type).toBe('actions');
    expect(actions!.elements!.map((e) => e.action_id)).toEqual([VOTE_ACTION.up, VOTE_ACTION.down]);
    expect(decodeFeedbackRef(actions!.elements![0]!.value!)).toEqual({
      question: 'What did Etsy say about post-mortems?',
      excerpts: ['001_34568cbb42ee90fe.txt:20-21'],
    });
    expect(m.text).toContain('post-mortem publics');
  });

  it('links each citation to its lines when the notes URL is set, and the closest talks too', () => {
    const notesUrl = 'https://github.com/acme/notes/blob/main/';
    const source = blocksOf(formatAnswer(answer(), { notesUrl }))[2]!;
    expect(source.elements![0]!.text).toMatch(
      /· <https:\/\/github\.com\/acme\/notes\/blob\/main\/001_34568cbb42ee90fe\.txt#L20-L21\|001_34568cbb42ee90fe\.txt:20-21>$/,
    );
    const silent = formatAnswer(answer({ abstained: true, excerpts: [], closest: [{ conference: 'C', talk: 'T', file: 'a|b.md', lines: [3, 9] }] }), {
      notesUrl: 'https://wiki.example/{file}?from={start}',
    });
    expect(blocksOf(silent)[0]!.text!.text).toContain('• C · T · <https://wiki.example/a%7Cb.md?from=3|a|b.md:3-9>');
  });

  it('quotes every line of a multi-line excerpt', () => {
    const m = formatAnswer(answer({ excerpts: [excerpt({ quote: 'one\r\ntwo\n\nthree' })] }));
    expect(blocksOf(m)[1]!.text!.text).toBe('>one\n>two\n>\n>three');
  });

  it('names the closest talks when the notes are silent', () => {
    const m = formatAnswer(answer({
      question: 'Kubernetes?',
      abstained: true,
      excerpts: [],
      closest: [{ conference: 'QCon London 2014', talk: 'Development at Etsy', file: '001.txt', lines: [64, 120] }],
    }));
    const head = blocksOf(m)[0]!.text!.text;
    expect(head).toContain('The notes are silent on “Kubernetes?”');
    expect(head).toContain('QCon London 2014 · Development at Etsy · `001.txt:64-120`');
  });

  it('escapes notes and the echoed question so nothing pings', () => {
    const m = formatAnswer(answer({
      question: 'what about <!here> & @everyone?',
      excerpts: [excerpt({ quote: 'Ping <!channel> and <@U123> now', talk: 'A <b> talk', speakers: ['@here'] })],
    }));
    // Button values are never rendered, so only what Slack displays is checked.
    const json = JSON.stringify(blocksOf(m).filter((b) => b.type !== 'actions')) + m.text;
    expect(json).not.toMatch(/<!channel>|<!here>|<@U123>|@channel|@here|@everyone|<b>/);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&lt;@\u200DU123&gt;');
  });

  it('stays within Block Kit limits, cutting with a clear marker', () => {
    const huge = excerpt({ quote: 'Très long passage. '.repeat(400) });
    const many = Array.from({ length: 60 }, () => huge);
    const m = formatAnswer(answer({ question: 'q'.repeat(10_000), excerpts: many }));
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const b of blocksOf(m)) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const e of b.elements ?? []) if (typeof e.text === 'string') expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
      for (const e of b.elements ?? []) if (e.value) expect(e.value.length).toBeLessThanOrEqual(2000);
    }
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect(blocksOf(m)[1]!.text!.text.endsWith(CUT_MARKER)).toBe(true);
    expect(allText(m)).toContain(`${CUT_MARKER} 37 more excerpt(s) not shown.`);
  });

  it('replaces the vote buttons by a thank-you once a vote is counted', () => {
    const voted = withVoteCounted(formatAnswer(answer()).blocks, 'down') as AnyBlock[];
    expect(voted.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(voted.at(-1))).toContain('👎 Thanks, your vote was counted.');
  });
});

describe('formatDigest', () => {
  const digest = (talks: number): Digest => ({
    conference: 'QCon London 2014',
    date: '2014-03-05',
    files: ['001_34568cbb42ee90fe.txt'],
    talks: Array.from({ length: talks }, (_, i) => ({
      talk: `Talk ${i} <!channel>`,
      speakers: ['Jane Doe'],
      companies: ['Etsy'],
      file: '001_34568cbb42ee90fe.txt',
      lines: [i * 10 + 1, i * 10 + 9] as [number, number],
      highlights: i % 5 === 4 ? [] : [{ quote: `Highlight ${i}. `.repeat(i === 0 ? 500 : 1), lines: [i * 10 + 2, i * 10 + 3] as [number, number] }],
      empty: i % 5 === 4,
    })),
  });

  it('gives a parent message and talks in thread replies within limits', () => {
    const { parent, thread } = formatDigest(digest(20));
    expect(parent.text).toContain('Digest of QCon London 2014');
    expect(parent.text).toContain('20 talks');
    expect(thread).toHaveLength(3);
    const all = thread.map((m) => JSON.stringify(m.blocks)).join('');
    expect(all).toContain('Talk 19');
    expect(all).toContain('_(no notes)_');
    expect(all).toContain('`001_34568cbb42ee90fe.txt:1-9`');
    expect(all).not.toContain('<!channel>');
    for (const m of [parent, ...thread]) {
      expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      for (const b of blocksOf(m)) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
  });
});
