import { describe, expect, it } from 'vitest';
import { highlightCandidates, pickHighlights, type Candidate } from '../../src/digests/highlights.js';
import { markdownPassage } from '../helpers/markdown-passage.js';

const passage = (text: string, firstLine: number) => markdownPassage(text, firstLine);

describe('highlightCandidates', () => {
  it('keeps prose sentences with their lines and drops headings, link-only lines, lead-ins, code, tables and fragments', () => {
    const text = [
      '### Daniel Larsen',
      '[Conference link](https://example.com/talk/71092)',
      'Some reasons he thought this might be are:',
      '- Broadcast events.',
      '- We rely on databases far too much and use them for everything, even when not appropriate.',
      '```',
      'SELECT everything FROM the database WHERE it does not belong;',
      '```',
      '![diagram](img/arch.png)',
      'He suggested taking as much out of the database as possible,',
      'for instance using blob storage for files.',
      '',
      '| Cache | Hit ratio went from ten to ninety percent |',
      '| ----- | ----------------------------------------- |',
      '',
      'Setext titles are headings too',
      '------------------------------',
    ].join('\n');
    expect(highlightCandidates([passage(text, 10)])).toEqual([
      { quote: 'We rely on databases far too much and use them for everything, even when not appropriate.', lines: [14, 14] },
      { quote: 'He suggested taking as much out of the database as possible,\nfor instance using blob storage for files.', lines: [19, 20] },
    ]);
  });

  it('keeps a sentence once when overlapping passages both hold it', () => {
    const a = passage('The first sentence is long enough to count here.\nThe second sentence is also long enough to count.', 5);
    const b = passage('The second sentence is also long enough to count.', 6);
    expect(highlightCandidates([a, b])).toHaveLength(2);
  });

  it('falls back to terse lines when a talk has nothing but short bullets', () => {
    const text = '- Broadcast events.\n- Cache shared datasets.\n- Ok';
    expect(highlightCandidates([passage(text, 1)]).map((c) => c.quote)).toEqual(['Cache shared datasets.']);
  });
});

describe('pickHighlights', () => {
  const unit = (...xs: number[]): Float32Array => {
    const norm = Math.hypot(...xs);
    return Float32Array.from(xs.map((x) => x / norm));
  };
  const candidates = (n: number): Candidate[] => Array.from({ length: n }, (_, i) => ({ quote: `s${i}`, lines: [i + 1, i + 1] }));

  it('picks one highlight per four sentences, at most three, in document order', () => {
    const vectors = Array.from({ length: 20 }, (_, i) => unit(1, Math.sin(i), Math.cos(i)));
    expect(pickHighlights(candidates(3), vectors.slice(0, 3))).toHaveLength(1);
    expect(pickHighlights(candidates(6), vectors.slice(0, 6))).toHaveLength(2);
    const three = pickHighlights(candidates(20), vectors);
    expect(three).toHaveLength(3);
    expect(three.map((c) => c.lines[0])).toEqual([...three.map((c) => c.lines[0])].sort((a, b) => a - b));
  });

  it('takes the most central sentence first and skips a near duplicate of it', () => {
    // s0 and s1 say the same central thing; s2..s7 pull in two other directions.
    const vectors = [unit(1, 0.1, 0.1), unit(1, 0.1, 0.11), unit(0.6, 1, 0), unit(0.6, 1, 0.05), unit(0.6, 0, 1), unit(0.6, 0.05, 1), unit(0.6, 1, 0.1), unit(0.6, 0.1, 1)];
    const picked = pickHighlights(candidates(8), vectors).map((c) => c.quote);
    expect(picked).toHaveLength(2);
    expect(picked.filter((q) => q === 's0' || q === 's1')).toHaveLength(1);
  });

  it('returns nothing for no candidates', () => {
    expect(pickHighlights([], [])).toEqual([]);
  });
});
