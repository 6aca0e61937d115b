import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/parse-note.js';
import { restructuredTextAsMarkdown } from '../../src/notes/restructured-text.js';

const rst = [
  '==============', // 1
  'Fournil Days 2031', // 2
  '==============', // 3
  '', // 4
  'Le levain', // 5
  '~~~~~~~~~', // 6
  '', // 7
  'Jeanne Levain feeds her starter twice a day and keeps it cool overnight.', // 8
  '', // 9
  '# not a heading: a line of text', // 10
  '', // 11
  'Le four', // 12
  '~~~~~~~', // 13
  '', // 14
  'The oven is fired with beech and rests before the first loaves go in.', // 15
];

describe('restructuredTextAsMarkdown', () => {
  it('writes titles as headings of their level, in the order their styles appear, line for line', () => {
    const markdown = restructuredTextAsMarkdown(rst.join('\n')).split('\n');
    expect(markdown).toHaveLength(rst.length);
    expect([markdown[0], markdown[1], markdown[2], markdown[4], markdown[5], markdown[11], markdown[12]]).toEqual(['', '# Fournil Days 2031', '', '## Le levain', '', '## Le four', '']);
    expect(markdown[9]).toBe('  not a heading: a line of text');
    expect(markdown[7]).toBe(rst[7]);
  });
});

describe('parseNote on reStructuredText', () => {
  it('reads talks under tilde underlines, where a Markdown reader sees a code fence, and quotes the note as written', () => {
    const parsed = parseNote({ file: 'fournil.rst', text: rst.join('\n'), encoding: 'UTF-8', hash: 'h' });
    expect(parsed.talks.map((t) => [t.talk, t.lines])).toEqual([
      ['Le levain', [5, 11]],
      ['Le four', [12, 15]],
    ]);
    expect(parsed.passages.find((p) => p.talk === 'Le levain')?.text).toContain('# not a heading: a line of text');
    const crlf = parseNote({ file: 'fournil.rst', text: rst.join('\r\n'), encoding: 'UTF-8', hash: 'h' });
    expect(crlf.talks.map((t) => [t.talk, t.lines])).toEqual(parsed.talks.map((t) => [t.talk, t.lines]));
  });
});
