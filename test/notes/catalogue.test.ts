import { describe, expect, it } from 'vitest';
import { catalogueReason, notesNamedIn } from '../../src/notes/catalogue.js';

const folder = ['README.md', '2014/qcon/day1.md', '2014/qcon/day2.md', '2015/devoxx.md', 'sources.md'];

describe('notesNamedIn', () => {
  it('counts other notes named from the root or from the file’s own folder, never the file itself', () => {
    const readme = 'Our notes:\n- [QCon day 1](2014/qcon/day1.md)\n- [QCon day 2](./2014/qcon/day2.md)\n- see README.md\n';
    expect(notesNamedIn('README.md', readme, folder)).toBe(2);
    const day2 = 'Continued from [day 1](day1.md); Devoxx is in ../../2015/devoxx.md';
    expect(notesNamedIn('2014/qcon/day2.md', day2, folder)).toBe(2);
  });
});

describe('catalogueReason', () => {
  it('calls a file listing three other notes an index of the notes', () => {
    const table = '| file | conference |\n|---|---|\n| 2014/qcon/day1.md | QCon |\n| 2014/qcon/day2.md | QCon |\n| 2015/devoxx.md | Devoxx |\n';
    expect(catalogueReason('sources.md', table, folder)).toMatch(/^lists 3 other notes/);
  });

  it('leaves a note that links to a sibling day or two alone', () => {
    const note = '# QCon day 2\n\nSee [day 1](day1.md) for the keynote.\n\n## Microservices\n\nSplit by team.\n';
    expect(catalogueReason('2014/qcon/day2.md', note, folder)).toBeUndefined();
  });
});
