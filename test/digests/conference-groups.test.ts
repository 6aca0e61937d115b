import { describe, expect, it } from 'vitest';
import { conferenceKey, groupConferences, withoutDayMarker } from '../../src/digests/conference-groups.js';

describe('withoutDayMarker', () => {
  it.each([
    ['QCon London 2014, day One', 'QCon London 2014', 1],
    ['QCon London 2014, day Two', 'QCon London 2014', 2],
    ['QCon New York 2015 key takeaways - Part 2', 'QCon New York 2015 key takeaways', 2],
    ['Devoxx France 2022 - Jour 1', 'Devoxx France 2022', 1],
    ['MiXiT 2025 (deuxième journée)', 'MiXiT 2025', 2],
    ['Day 3 - KubeCon Europe 2019', 'KubeCon Europe 2019', 3],
    ['PyCon Day 2: Really Day 1', 'PyCon', 2],
    ['dotScale 2014 (1/2)', 'dotScale 2014', 1],
    ['Velocity 2015, second day', 'Velocity 2015', 2],
  ])('%s → %s (day %i)', (title, name, day) => {
    expect(withoutDayMarker(title)).toEqual({ name, day });
  });

  it.each(['DevOpsDays Portland 2017', 'Velocity London 2018', 'Paris Web 2024', 'Devops Day 2017', 'QCon London 2014'])(
    'leaves %s alone',
    (title) => {
      expect(withoutDayMarker(title)).toEqual({ name: title });
    },
  );
});

describe('conferenceKey', () => {
  it('ignores case, accents, punctuation and the day', () => {
    expect(conferenceKey('QCon London 2014, day One')).toBe('qcon london 2014');
    expect(conferenceKey('qcon  LONDON 2014 — Jour 2')).toBe('qcon london 2014');
    expect(conferenceKey('Journées Agiles 2019')).toBe(conferenceKey('journees agiles 2019'));
  });
});

describe('groupConferences', () => {
  it('groups the day files of one conference, in day order, and keeps other conferences apart', () => {
    const groups = groupConferences([
      { file: 'qcon/b.md', conference: 'QCon London 2014, day Two', date: '2014-03-04' },
      { file: 'qcon/a.md', conference: 'QCon London 2014, day One', date: '2014-03-03' },
      { file: 'qcon-2015.md', conference: 'QCon London 2015' },
      { file: 'dotscale.md', conference: 'dotScale 2014' },
    ]);
    expect(groups).toEqual([
      { key: 'qcon london 2014', name: 'QCon London 2014', date: '2014-03-03', files: ['qcon/a.md', 'qcon/b.md'] },
      { key: 'qcon london 2015', name: 'QCon London 2015', files: ['qcon-2015.md'] },
      { key: 'dotscale 2014', name: 'dotScale 2014', files: ['dotscale.md'] },
    ]);
  });

  it('orders by date then path when the titles do not number their days', () => {
    const [group] = groupConferences([
      { file: 'z.md', conference: 'MiXiT 2018', date: '2018-04-19' },
      { file: 'a.md', conference: 'MiXiT 2018', date: '2018-04-20' },
    ]);
    expect(group!.files).toEqual(['z.md', 'a.md']);
  });
});
