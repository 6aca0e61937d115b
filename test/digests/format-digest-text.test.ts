import { describe, expect, it } from 'vitest';
import { formatDigestText } from '../../src/digests/format-digest-text.js';

describe('formatDigestText', () => {
  it('lists each talk with its people, its highlights as one-line quotes with their lines, and "(no notes)"', () => {
    const text = formatDigestText({
      conference: 'QCon London 2014',
      date: '2014-03-03',
      files: ['day-1.md', 'day-2.md'],
      talks: [
        {
          talk: 'How outages shaped Etsy',
          speakers: ['John Allspaw'],
          companies: ['Etsy'],
          file: 'day-1.md',
          lines: [5, 20],
          highlights: [{ quote: 'Après chaque problème en prod,\nils font des post-mortem publics.', lines: [7, 8] }],
          empty: false,
        },
        { talk: 'Keynote', speakers: [], companies: [], file: 'day-2.md', lines: [3, 3], highlights: [], empty: true },
      ],
    });
    expect(text).toBe(
      [
        'QCon London 2014 (2014-03-03) — 2 talks',
        'From day-1.md, day-2.md',
        '',
        '• How outages shaped Etsy — John Allspaw (Etsy)  [day-1.md:5-20]',
        '    > Après chaque problème en prod, ils font des post-mortem publics.',
        '      day-1.md:7-8',
        '',
        '• Keynote  [day-2.md:3]',
        '    (no notes)',
      ].join('\n'),
    );
  });

  it('says so when a conference has no talks', () => {
    expect(formatDigestText({ conference: 'Sud Web 2023', files: ['sudweb.md'], talks: [] })).toContain('No talks were found');
  });
});
