// Pure formatters: layout, escaping and Block Kit limits, without Slack or Bolt.
import { describe, expect, it } from 'vitest';
import type { Answer, Digest, Excerpt } from '../../src/types.js';
import { CUT_MARKER, escapeMrkdwn, truncate } from '../../adapters/slack/escape.js';
import { LIMITS } from '../../adapters/slack/blocks.js';
import { formatAnswer, streamedAnswer, withVoteCounted } from '../../adapters/slack/format-answer.js';
import { formatDigest } from '../../adapters/slack/format-digest.js';
import { FEEDBACK_ACTION, decodeFeedbackValue } from '../../adapters/slack/feedback-ref.js';

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

type FeedbackButton = { value: string; text: { text: string } };
type AnyBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ type?: string; text?: unknown; value?: string; action_id?: string; positive_button?: FeedbackButton; negative_button?: FeedbackButton }>;
};
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
    expect(actions!.type).toBe('context_actions');
    const [buttons] = actions!.elements!;
    expect(buttons).toMatchObject({ type: 'feedback_buttons', action_id: FEEDBACK_ACTION });
    const ref = { question: 'What did Etsy say about post-mortems?', excerpts: ['001_34568cbb42ee90fe.txt:20-21'] };
    expect(decodeFeedbackValue(buttons!.positive_button!.value)).toEqual({ vote: 'up', ref });
    expect(decodeFeedbackValue(buttons!.negative_button!.value)).toEqual({ vote: 'down', ref });
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
    const json = JSON.stringify(blocksOf(m).filter((b) => b.type !== 'context_actions')) + m.text;
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
      for (const e of b.elements ?? []) for (const button of [e.positive_button, e.negative_button]) if (button) expect(button.value.length).toBeLessThanOrEqual(2000);
    }
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect(blocksOf(m)[1]!.text!.text.endsWith(CUT_MARKER)).toBe(true);
    expect(allText(m)).toContain(`${CUT_MARKER} 37 more excerpt(s) not shown.`);
  });

  it('replaces the vote buttons by a thank-you once a vote is counted', () => {
    const voted = withVoteCounted(formatAnswer(answer()).blocks, 'down') as AnyBlock[];
    expect(voted.some((b) => b.type === 'context_actions')).toBe(false);
    expect(JSON.stringify(voted.at(-1))).toContain('👎 Thanks, your vote was counted.');
  });
});

describe('streamedAnswer', () => {
  it('streams the headline, then each quote numbered under its talk; citations and feedback come at the end', () => {
    const two = answer({ excerpts: [excerpt(), excerpt({ quote: 'Second <!here> line\nand more', talk: 'Other talk', lines: [40, 41] })] });
    const streamed = streamedAnswer(two, { notesUrl: 'https://github.com/acme/notes/blob/main/' })!;
    expect(streamed.parts).toEqual([
      'Found 2 excerpts in the notes for “What did Etsy say about post-mortems?”:\n',
      "\n**1.** How outages shaped Etsy's architecture\n> Après chaque problème en prod chez Etsy, ils font des post-mortem publics.\n",
      '\n**2.** Other talk\n> Second &lt;!here&gt; line\n> and more\n',
    ]);
    const closing = streamed.closing as AnyBlock[];
    expect(closing.map((b) => b.type)).toEqual(['context', 'context', 'context_actions']);
    expect(closing[1]!.elements![0]!.text).toContain('*2.* QCon London 2014 · Other talk');
    expect(closing[1]!.elements![0]!.text).toContain('<https://github.com/acme/notes/blob/main/001_34568cbb42ee90fe.txt#L40-L41|001_34568cbb42ee90fe.txt:40-41>');
  });

  it('has nothing to stream when the notes are silent: that reply is sent whole', () => {
    expect(streamedAnswer(answer({ abstained: true, excerpts: [], closest: [] }))).toBeUndefined();
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
