import { describe, expect, it } from 'vitest';
import { asciiDocAsMarkdown, isAsciiDoc } from '../../src/notes/asciidoc.js';
import { parseNote } from '../../src/notes/parse-note.js';

const adoc = [
  '= Fournil Days 2031', // 1
  ':toc: left', // 2
  '', // 3
  '== Le levain - Jeanne Levain', // 4
  '', // 5
  'Jeanne Levain feeds her starter twice a day and keeps it cool overnight.', // 6
  '[source,shell]', // 7
  '----', // 8
  'feed --flour 100g --water 100g', // 9
  '----', // 10
  '', // 11
  '* Rye needs a wetter dough.', // 12
  '** A warm room halves the proof.', // 13
  '', // 14
  '== Le four - Paul Fournier', // 15
  '', // 16
  'The oven is fired with beech and rests before the first loaves go in.', // 17
  '____', // 18
  'Bake until the crust sings.', // 19
  '____', // 20
];

describe('asciiDocAsMarkdown', () => {
  it('writes titles as headings of their level and listing blocks as fences, line for line', () => {
    const markdown = asciiDocAsMarkdown(adoc.join('\n')).split('\n');
    expect(markdown).toHaveLength(adoc.length);
    expect([markdown[0], markdown[3], markdown[14]]).toEqual(['# Fournil Days 2031', '## Le levain - Jeanne Levain', '## Le four - Paul Fournier']);
    // Settings and the quote block's delimiters are blank; the listing's delimiters fence code.
    expect([markdown[1], markdown[6], markdown[17], markdown[19]]).toEqual(['', '', '', '']);
    expect([markdown[7], markdown[9]]).toEqual(['````', '````']);
    expect(markdown[12]).toBe('  * A warm room halves the proof.');
    expect(markdown[5]).toBe(adoc[5]);
  });

  it('knows AsciiDoc notes by their extension', () => {
    expect(isAsciiDoc('fournil/2031.adoc')).toBe(true);
    expect(isAsciiDoc('FOURNIL.ASCIIDOC')).toBe(true);
    expect(isAsciiDoc('fournil.md')).toBe(false);
  });
});

describe('parseNote on AsciiDoc', () => {
  it('reads talks and speakers under == titles, and quotes the note as written', () => {
    const parsed = parseNote({ file: 'fournil.adoc', text: adoc.join('\n'), encoding: 'UTF-8', hash: 'h' });
    expect(parsed.conference).toBe('Fournil Days 2031');
    expect(parsed.talks.map((t) => [t.talk, t.speakers, t.lines])).toEqual([
      ['Le levain', ['Jeanne Levain'], [4, 14]],
      ['Le four', ['Paul Fournier'], [15, 20]],
    ]);
    const levain = parsed.passages.filter((p) => p.talk === 'Le levain').map((p) => p.text).join('\n');
    expect(levain).toContain('Jeanne Levain feeds her starter twice a day');
    expect(levain).toContain('** A warm room halves the proof.');
  });
});
