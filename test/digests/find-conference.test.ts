import { describe, expect, it } from 'vitest';
import { groupConferences } from '../../src/digests/conference-groups.js';
import { findConference } from '../../src/digests/find-conference.js';

const groups = groupConferences([
  { file: 'qcon/london-day-1.md', conference: 'QCon London 2014, day One' },
  { file: 'qcon/london-day-2.md', conference: 'QCon London 2014, day Two' },
  { file: 'qcon/new-york.md', conference: 'QCon New York 2015' },
  { file: 'dotscale.md', conference: 'dotScale 2014' },
  { file: 'journees.md', conference: 'Journées Agiles 2019' },
]);
const paths = { notesDir: '/notes', cwd: '/home/me' };
const find = (query: string) => findConference(query, groups, paths).name;

describe('findConference', () => {
  it('takes the full name, whatever its case, accents or day', () => {
    expect(find('QCon London 2014')).toBe('QCon London 2014');
    expect(find('qcon london 2014 day two')).toBe('QCon London 2014');
    expect(find('journees agiles 2019')).toBe('Journées Agiles 2019');
  });

  it('takes part of a name when only one conference has it', () => {
    expect(find('london')).toBe('QCon London 2014');
    expect(find('dotsc')).toBe('dotScale 2014');
  });

  it('takes a file path, relative to the notes folder or the working directory, or absolute', () => {
    expect(find('qcon/london-day-2.md')).toBe('QCon London 2014');
    expect(find('/notes/qcon/new-york.md')).toBe('QCon New York 2015');
    expect(findConference('../../notes/dotscale.md', groups, { notesDir: '/notes', cwd: '/home/me' }).name).toBe('dotScale 2014');
  });

  it('names the candidates when the query is ambiguous', () => {
    expect(() => find('qcon')).toThrow(expect.objectContaining({ code: 'CONFERENCE_NOT_FOUND', detail: '"qcon" matches several conferences: "QCon London 2014", "QCon New York 2015"' }));
  });

  it('names close matches when nothing matches, and none when nothing is close', () => {
    expect(() => find('QCon Lodnon 2014')).toThrow(expect.objectContaining({ detail: expect.stringContaining('(closest: "QCon London 2014"') }));
    expect(() => find('zzz')).toThrow(expect.objectContaining({ detail: 'No conference matches "zzz"' }));
  });
});
