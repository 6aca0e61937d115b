import { describe, expect, it } from 'vitest';
import { conferenceName, eventInPath, eventNamedIn, isOpaqueName, namesNoEvent, noteDate, titleFromPath } from '../../src/notes/conference.js';
import { parseNote } from '../../src/notes/parse-note.js';
import { languageOf, scoreLanguage } from '../../src/notes/language.js';

describe('conferenceName', () => {
  it.each([
    ['QCon London 2014, day One', 'QCon London 2014'],
    ['Retour sur la QCon 2012', 'QCon 2012'],
    ['Retour sur le Mix-IT 2015 (Lyon)', 'Mix-IT 2015'],
    ['Mon Devoxx 2022 à moi !', 'Devoxx 2022'],
    ["Jamie's KubeCon 2018 trip notes", 'KubeCon 2018'],
    ['Notes from Scaleconf 2017', 'Scaleconf 2017'],
    ['Velocity Europe 2015 - The Good Ones!', 'Velocity Europe 2015'],
    ['Paris Web 2010 : l\'âge de raison', 'Paris Web 2010'],
    ['PyCon Day 2: Really Day 1', 'PyCon'],
    ['velocity-london-2018', 'velocity london 2018'],
    ['re-invent2018', 're invent 2018'],
    ['kubecon18-gkarthiks', 'kubecon 2018'],
    ['ie11-notes', 'ie11 notes'],
    ['Jeudi 18 Avril, Devoxx France 2019', 'Devoxx France 2019'],
    ['Thursday, April 18: Devoxx France 2019', 'Devoxx France 2019'],
    ['Retours sur la conférence Web2Day 2018', 'Web2Day 2018'],
    ['**Retour sur la HarbourConf 2031, par Jane', 'HarbourConf 2031'],
    ['Back from HarbourConf Lisbon 2031 🎥', 'HarbourConf Lisbon 2031'],
    ['A week at HarbourConf 2031', 'HarbourConf 2031'],
    ['devopsdays Harbour 2031', 'devopsdays Harbour 2031'],
    ['back from harbourconf 2031', 'back from harbourconf 2031'],
    ['The Best Of Bread 2031', 'Best Of Bread 2031'],
    ['HarbourConf (Lisbonne, 12 mars 2031)', 'HarbourConf 2031'],
  ])('%s → %s', (title, name) => {
    expect(conferenceName(title)).toBe(name);
  });

  it('adds the year of the note when the title has none, so that editions stay apart', () => {
    expect(conferenceName("strangeloop: it's a wrap", '2023')).toBe('strangeloop 2023');
    expect(conferenceName('KubeCon - The Keynotes', '2019')).toBe('KubeCon 2019');
    expect(conferenceName('QCon London 2014, day One', '2015')).toBe('QCon London 2014');
    // The words leading to the event go, as before a year written in the title.
    expect(conferenceName('Ma première participation à HarbourConf Lisbon', '2031')).toBe('HarbourConf Lisbon 2031');
    expect(conferenceName('Retour sur la première édition de la conférence Best Of Bread', '2031')).toBe('première édition de la conférence Best Of Bread 2031');
    // Unless a name comes before them: the event is named with its place.
    expect(conferenceName('Retour sur le #breadtour de Lille', '2031')).toBe('#breadtour de Lille 2031');
    expect(conferenceName('Bakers Guild à Lyon', '2031')).toBe('Bakers Guild à Lyon 2031');
  });
});

describe('noteDate and titleFromPath', () => {
  it('prefers the front matter, then the post date in the file name, then a year', () => {
    expect(noteDate('2016-11-08', 'Blend Web Mix 2016', 'x.md')).toBe('2016-11-08');
    expect(noteDate(undefined, 'Retour sur la QCon 2012', 'barreverte/2012-04-09-retour.markdown')).toBe('2012-04-09');
    expect(noteDate(undefined, 'QCon London 2014, day One', 'notes.md')).toBe('2014');
    expect(noteDate(undefined, undefined, 'notes.md')).toBeUndefined();
  });

  it('names a note by its folder when only the folder has the year', () => {
    expect(titleFromPath('reinvent-2019-notes/DOP328-Five_lessons.md')).toBe('reinvent-2019-notes');
    expect(titleFromPath('kubecon/kubecon-eu-2019-day2.md')).toBe('kubecon-eu-2019-day2');
    expect(titleFromPath('kubecon-2018/day1/notes.md')).toBe('kubecon-2018');
    expect(titleFromPath('kubecon18/notes.md')).toBe('kubecon18');
  });

  it('names a note by its file name, dated by its folder, when the folder names nothing but a year', () => {
    expect(titleFromPath('2031/fournil-days.md')).toBe('fournil-days');
    expect(titleFromPath('notes-2031/harbourconf.md')).toBe('harbourconf');
    const [fournil, harbour] = ['2031/fournil-days.md', 'notes-2031/harbourconf.md'].map(
      (file) => parseNote({ file, text: 'Notes on levain and rye.', encoding: 'UTF-8', hash: file }).conference,
    );
    // Two events of one year, not one event named "2031".
    expect([fournil, harbour]).toEqual(['fournil days 2031', 'harbourconf 2031']);
  });

  it('leaves out the extension of every kind of note the reader reads', () => {
    for (const extension of ['.md', '.markdown', '.rst', '.adoc', '.asciidoc', '.txt', '.ADOC']) {
      const file = `2031/harbourconf${extension}`;
      expect(titleFromPath(file), file).toBe('harbourconf');
      expect(parseNote({ file, text: 'Notes on levain and rye.', encoding: 'UTF-8', hash: file }).conference, file).toBe('harbourconf 2031');
    }
  });

  it('names a dated post by what follows its date, with the year of the date', () => {
    expect(titleFromPath('blog/2015-08-04-harbourconf-new-york-part-2.md')).toBe('harbourconf-new-york-part-2');
    const untitled = parseNote({ file: 'blog/2015-08-04-harbourconf-new-york-part-2.md', text: 'Notes of the second day.', encoding: 'UTF-8', hash: 'h' });
    expect(untitled.conference).toBe('harbourconf new york 2015');
  });
});

describe('notes in a folder per event', () => {
  it('takes the nearest folder that gives an edition, else the file\'s name when it gives one, else the nearest folder with a letter, never a part of an event', () => {
    const isDay = (name: string): boolean => /^day\s*\d/iu.test(name);
    expect(eventInPath('kubecon-2018/day-1.md', isDay)).toBe('kubecon-2018');
    expect(eventInPath('notes/kubecon-2018-day-1.md', isDay)).toBe('kubecon-2018-day-1');
    expect(eventInPath('re-invent2018/tue/dat401.md', isDay)).toBe('re-invent2018');
    expect(eventInPath('blend-web-mix-2016/blendwebmix-2016.md', isDay)).toBe('blend-web-mix-2016');
    expect(eventInPath('pdx-devopsdays/Day 1/ignite.md', isDay)).toBe('pdx-devopsdays');
    expect(eventInPath('2014/qcon/day2.md', isDay)).toBe('qcon');
    expect(eventInPath('day-1.md', isDay)).toBeUndefined();
  });

  it("names a note titled as a part of an event after its folder's event, and any other note after its title", () => {
    const conferenceOf = (file: string, text: string): string => parseNote({ file, text, encoding: 'UTF-8', hash: 'h' }).conference;
    const talk = '\n\n## Reconcile loops - Ann Lee\n\nOperators reconcile what is declared with what runs, again and again.\n';
    expect(conferenceOf('kubecon-2018/day-1.md', `# Day 1${talk}`)).toBe('kubecon 2018');
    expect(conferenceOf('kubecon-2018/lightning.md', `# Lightning talks${talk}`)).toBe('kubecon 2018');
    expect(conferenceOf('2019/devoxx/jeudi.md', `# Jeudi${talk}`)).toBe('devoxx 2019');
    expect(conferenceOf('pdx-devopsdays-2017/Day1/ignite.md', `# Ignite Sessions${talk}`)).toBe('pdx devopsdays 2017');
    expect(conferenceOf('re-invent2018/tue/dat401.md', `## DAT401 - Aurora deep dive${talk}`)).toBe('re invent 2018');
    expect(conferenceOf('kubecon-2018/qcon.md', `# QCon London, day one${talk}`)).toBe('QCon London 2018');
    expect(conferenceOf('notes/kubecon-2018-day-1.md', `# Day 1${talk}`)).toBe('kubecon 2018');
    expect(conferenceOf('kubecon-2019/notes.md', `# Notes${talk}`)).toBe('kubecon 2019');
    expect(conferenceOf('devoxx-2019/retour.md', `# Mes notes${talk}`)).toBe('devoxx 2019');
    expect(conferenceOf('day-1.md', `# Day 1${talk}`)).toBe('Day 1');
    // A live log opening on the clock's date and time names no event: its folder does.
    expect(conferenceOf('harbourconf-2031-notes/2031-03-15.rst', `Fri Mar 15 13:55:11 EDT 2031\n============================${talk}`)).toBe('harbourconf 2031');
    expect(namesNoEvent('Mardi 12 mars 2031')).toBe(true);
    expect(namesNoEvent('QCON 2031')).toBe(false);
    expect(namesNoEvent('Sam Levain 2031')).toBe(false);
    // An event named by a day ("Google Developer Day") is no part of one.
    expect(conferenceOf('bakery-blog/2031-05-02-bakers-day.md', `# Bread Makers Day à Lyon${talk}`)).toBe('Bread Makers Day à Lyon 2031');
  });
});

describe('untitled notes with names that name nothing', () => {
  it('tells an export hash or a number from a name', () => {
    expect(isOpaqueName('000_4a899a7cd1601ca1')).toBe(true);
    expect(isOpaqueName('untitled-3')).toBe(true);
    expect(isOpaqueName('devoxx-day-1')).toBe(false);
    expect(isOpaqueName('facade')).toBe(false);
  });

  it('reads the event from the opening prose, with its year when one follows', () => {
    expect(eventNamedIn('Deuxième édition de snowCamp, à Grenoble.')).toBe('snowCamp');
    expect(eventNamedIn('Notes from my first day at Devoxx France 2019, in Paris.')).toBe('Devoxx France 2019');
    expect(eventNamedIn('We went to a conference. It was fine.')).toBeUndefined();
  });

  it('names such a note after the event, and any other untitled note after its path', () => {
    const body = '## Intro\n\nPremière édition de snowCamp, à Grenoble.\n\n## Un talk\n\nDu contenu.\n';
    expect(parseNote({ file: 'export/7f3a9c21e8.md', text: body, encoding: 'UTF-8', hash: 'h' }).conference).toBe('snowCamp');
    expect(parseNote({ file: 'grenoble-2023/day1.md', text: body, encoding: 'UTF-8', hash: 'h' }).conference).toBe('grenoble 2023');
  });
});

describe('language', () => {
  it('tells French from English by stop words', () => {
    expect(languageOf(scoreLanguage("Après chaque problème en prod chez Etsy, ils font des post-mortem publics et tout le monde est invité."), 'en')).toBe('fr');
    expect(languageOf(scoreLanguage('Pinterest had an old in house web framework and they made the decision to move to React.'), 'fr')).toBe('en');
    expect(languageOf(scoreLanguage('Kubernetes, Docker, Istio'), 'fr')).toBe('fr');
  });
});
