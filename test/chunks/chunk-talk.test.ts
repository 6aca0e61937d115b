import { describe, expect, it } from 'vitest';
import { toChunkBlocks } from '../../src/chunks/blocks.js';
import { chunkTalk, splitLines, type PassageMeta } from '../../src/chunks/chunk-talk.js';
import { cutRanges } from '../../src/chunks/cut-ranges.js';
import { parseMarkdown } from '../../src/notes/markdown.js';
import type { LineRange } from '../../src/types.js';

const meta: PassageMeta = {
  talkId: 'n.md#1',
  conference: 'Conf 2020',
  talk: 'A talk',
  speakers: [],
  companies: [],
  language: 'en',
  file: 'n.md',
};
const sentence = (n: number): string => `Sentence ${n} says what the speaker explained about caching and retries.`;
const prose = (from: number, count: number): string => Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

/** Blocks of a whole Markdown text, the first `sticky` being the talk heading and speaker lines. */
function ranges(markdown: string, sticky = 1): LineRange[] {
  const lines = splitLines(markdown);
  return cutRanges(toChunkBlocks(parseMarkdown(markdown).blocks, lines, [1, lines.length], sticky), lines);
}

describe('chunkTalk', () => {
  it('groups paragraphs into passages that are exactly the file lines, CR dropped', () => {
    const text = ['## A talk', '', prose(1, 3), '', prose(4, 3), ''].join('\r\n');
    const lines = splitLines(text);
    const passages = chunkTalk(meta, toChunkBlocks(parseMarkdown(text).blocks, lines, [1, lines.length], 1), lines);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ id: 'n.md:1-5', lines: [1, 5], talkId: 'n.md#1', talk: 'A talk', conference: 'Conf 2020' });
    expect(passages[0]!.text).toBe(lines.slice(0, 5).join('\n'));
  });

  it('starts a new passage at a sub-heading once the current one is big enough', () => {
    const text = ['## A talk', prose(1, 8), '### Sub-topic', prose(20, 8)].join('\n');
    expect(ranges(text)).toEqual([[1, 2], [3, 4]]);
  });

  it('keeps small sub-sections together', () => {
    const text = ['## A talk', prose(1, 1), '### Sub-topic', prose(20, 1)].join('\n');
    expect(ranges(text)).toEqual([[1, 4]]);
  });

  it('splits a long paragraph at line boundaries, windows overlapping by one line', () => {
    const long = Array.from({ length: 30 }, (_, i) => sentence(i)).join('\n');
    const result = ranges(['## A talk', long].join('\n'));
    expect(result.length).toBeGreaterThan(1);
    expect(result[0]![0]).toBe(1);
    expect(result.at(-1)![1]).toBe(31);
    for (let i = 1; i < result.length; i++) expect(result[i]![0]).toBe(result[i - 1]![1]);
  });

  it('never starts or ends a passage on images, link lists or separators', () => {
    const text = ['## A talk', '[Conference link](https://example.com/x)', '', prose(1, 2), '', '![slide](a.png)', '', prose(3, 2), '', '---', '', '![](b.png)', '![](c.png)', '{{< figure src="d.png" >}}'].join('\n');
    const result = ranges(text);
    expect(result).toEqual([[4, 8]]);
  });

  it('skips sections without prose: a heading over links, or a lone mark', () => {
    expect(ranges(['## Slides', '- [Slides](https://x)', '- [Video](https://y)'].join('\n'))).toEqual([]);
    expect(ranges(['## Adam Lefkowitz - Automate all the things', '**SKIPPED**'].join('\n'))).toEqual([]);
    expect(ranges(['<p><img src="a.jpg"/></p>', '{% include toc %}'].join('\n'), 0)).toEqual([]);
  });

  it('keeps terse notes under a heading', () => {
    expect(ranges(['## Labels in Prometheus Alerts: Think Twice', '- common annotations'].join('\n'))).toEqual([[1, 2]]);
  });

  it('joins a short tail to the passage before it', () => {
    const text = ['## A talk', prose(1, 12), '', prose(20, 12), '', 'A short last remark.'].join('\n');
    expect(ranges(text)).toEqual([[1, 2], [4, 6]]);
  });

  it('opens a passage with the paragraph announcing the list that follows it', () => {
    const items = Array.from({ length: 6 }, (_, i) => `- ${sentence(40 + i)}`);
    const text = ['## A talk', '', prose(1, 16), '', 'Among the fixes they gave for the outages they had:', '', ...items, ''].join('\n');
    expect(ranges(text)).toEqual([[1, 3], [5, 12]]);
    // A list longer than a passage is cut into windows; the announcing paragraph opens the first one.
    const long = Array.from({ length: 30 }, (_, i) => `- ${sentence(40 + i)}`);
    const windows = ranges(['## A talk', '', prose(1, 8), '', 'Among the fixes they gave for the outages they had:', '', ...long, ''].join('\n'));
    expect(windows[0]).toEqual([1, 3]);
    expect(windows[1]![0]).toBe(5);
  });

  it('splits a long list between its items', () => {
    const items = Array.from({ length: 30 }, (_, i) => `- ${sentence(i)}`).join('\n');
    const result = ranges(['## A talk', '', items].join('\n'));
    expect(result.length).toBeGreaterThan(1);
    for (const [start] of result.slice(1)) expect(start).toBeGreaterThanOrEqual(3);
  });
  it('carries what the parser read in each passage, lines counted from the passage', () => {
    const long = Array.from({ length: 30 }, (_, i) => `- ${sentence(i)}`).join('\n');
    const text = ['## A talk', '', '> Quoted, and', '> wrapped.', '', '```', 'code', '```', '', long].join('\n');
    const lines = splitLines(text);
    const passages = chunkTalk(meta, toChunkBlocks(parseMarkdown(text).blocks, lines, [1, lines.length], 1), lines);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages[0]!.structure).toMatchObject({ headings: [0], literal: [5, 6, 7] });
    expect(passages[0]!.structure!.units.slice(0, 5)).toEqual([[0, 3], [2, 2], [5, 0], [6, 0], [7, 0]]);
    // A window that starts inside the list: its first item is its line 0, each item a unit after `- `.
    const last = passages.at(-1)!;
    expect(last.structure!.units).toEqual(Array.from({ length: last.lines[1] - last.lines[0] + 1 }, (_, i) => [i, 2]));
  });

  it('marks the talk\'s header lines as naming the talk, as its heading does: context, not something said', () => {
    const text = ['### Proofing rye', '', '**Room:** Fournil B', '', 'Speaker: Jeanne Levain', '', prose(1, 3)].join('\n');
    const lines = splitLines(text);
    const [passage] = chunkTalk(meta, toChunkBlocks(parseMarkdown(text).blocks, lines, [1, lines.length], 3), lines);
    expect(passage!.structure!.headings).toEqual([0, 2, 4]);
  });
});
