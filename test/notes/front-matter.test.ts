import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/notes/front-matter.js';

const lines = (text: string): string[] => text.split('\n');

describe('readFrontMatter', () => {
  it('reads YAML between --- fences, the date as written', () => {
    const fm = readFrontMatter(lines('---\nlayout: post\ntitle: QCon London 2014, day One\ndate: 2019-05-23T23:30:00-04:00\ntags: qcon\n---\n\n## Talk'));
    expect(fm).toEqual({ title: 'QCon London 2014, day One', date: '2019-05-23', tags: ['qcon'], lineCount: 6, warnings: [] });
  });

  it('reads TOML between +++ fences', () => {
    const fm = readFrontMatter(lines("+++\ntitle = 'SnowCamp 2023'\ndate = 2023-02-05\ntags = [\"conference\", \"sketchnotes\"]\n+++\n# Talk"));
    expect(fm).toMatchObject({ title: 'SnowCamp 2023', date: '2023-02-05', tags: ['conference', 'sketchnotes'], lineCount: 5, warnings: [] });
  });

  it('turns broken YAML into a warning and still finds the title and date, each time the note is read', () => {
    const note = lines('---\ntitle: Retour sur la QCon 2012\ndate: 2012-04-09\nbad: !binary |-\n  MjAx\nlist: [unclosed\n---\nBody');
    for (const fm of [readFrontMatter(note), readFrontMatter(note)]) {
      expect(fm.title).toBe('Retour sur la QCon 2012');
      expect(fm.date).toBe('2012-04-09');
      expect(fm.lineCount).toBe(7);
      expect(fm.warnings).toHaveLength(1);
      expect(fm.warnings[0]).toMatch(/^broken YAML front matter/);
    }
  });

  it('warns about a front matter that is never closed and reads the file as Markdown', () => {
    const fm = readFrontMatter(lines('---\ntitle: x\n\n## Talk'));
    expect(fm.lineCount).toBe(0);
    expect(fm.warnings[0]).toMatch(/never closed/);
  });

  it('reads bare key: value lines at the top, ended by a blank line', () => {
    const fm = readFrontMatter(lines('title: Mix-IT 2013\ndate: 2013-04-29\npublished: true\n\nNous étions à Lyon.'));
    expect(fm).toMatchObject({ title: 'Mix-IT 2013', date: '2013-04-29', lineCount: 3 });
  });

  it('reads a WordPress export\'s post_title and post_date, its character references decoded', () => {
    const fm = readFrontMatter(lines('---\nID: 12\npost_title: >\n  Retour sur l&rsquo;HarbourConf\n  &amp; Bakehouse 24\npost_date: 2031-06-02 16:00:00\n---\nBody'));
    expect(fm).toMatchObject({ title: 'Retour sur l’HarbourConf & Bakehouse 24', date: '2031-06-02', lineCount: 7 });
    const broken = readFrontMatter(lines("---\npost_title: 'Compte-rendu de l&rsquo;HarbourConf 2031'\nbad: [unclosed\n---\nBody"));
    expect(broken.title).toBe('Compte-rendu de l’HarbourConf 2031');
  });

  it('finds nothing in a plain note', () => {
    expect(readFrontMatter(lines('# Notes from Scaleconf 2017\n\n## Disclaimer'))).toEqual({ tags: [], lineCount: 0, warnings: [] });
    expect(readFrontMatter(lines('Speaker: Jane Doe\nA sentence that goes on.')).lineCount).toBe(0);
  });
});
