import { describe, expect, it } from 'vitest';
import { catalogueReason } from '../../src/notes/catalogue.js';

const folder = new Set(['README.md', '2014/qcon/day1.md', '2014/qcon/day2.md', '2014/qcon/day3.md', '2015/devoxx.md', 'sources.md']);

describe('catalogueReason', () => {
  it('calls a table naming other notes from the root an index of the notes', () => {
    const table = [
      '# Sources',
      '',
      'Where each note of this folder comes from, with its licence.',
      '',
      '| file | conference |',
      '|---|---|',
      '| 2014/qcon/day1.md | QCon |',
      '| 2014/qcon/day2.md | QCon |',
      '| 2015/devoxx.md | Devoxx |',
    ].join('\n');
    expect(catalogueReason('sources.md', table, folder)).toBe('lists 3 other notes of the folder: an index of the notes, not notes');
  });

  it('reads links relative to the file’s own folder, and never counts the file itself', () => {
    const toc = '# QCon 2014\n\n- [Day 1](./day1.md)\n- [Day 2](day2.md)\n- [Day 3](day3.md)\n- [Devoxx](../../2015/devoxx.md)\n';
    expect(catalogueReason('2014/qcon/day3.md', toc, folder)).toMatch(/^lists 3 other notes/);
  });

  it('leaves a note with prose of its own alone, even when it links to its sibling days', () => {
    const note = [
      '# QCon 2014, day 4',
      '',
      'The last day opened with a keynote on how teams share ownership of their services.',
      'The speaker argued that on-call duty belongs to the people who write the code.',
      'Then a panel compared deployment pipelines across four companies of different sizes.',
      'Everyone agreed that small batches and fast rollbacks matter more than any tool.',
      '',
      'See also [day 1](2014/qcon/day1.md), [day 2](2014/qcon/day2.md) and [day 3](2014/qcon/day3.md).',
      '- [day 1](2014/qcon/day1.md)',
      '- [day 2](2014/qcon/day2.md)',
      '- [day 3](2014/qcon/day3.md)',
    ].join('\n');
    expect(catalogueReason('2014/qcon/day4.md', note, folder)).toBeUndefined();
  });
});
