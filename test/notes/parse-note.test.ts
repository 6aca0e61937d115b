import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/chunks/chunk-talk.js';
import { decodeBytes } from '../../src/notes/decode.js';
import { parseNote } from '../../src/notes/parse-note.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { NoteSource } from '../../src/types.js';

const note = (text: string, file = 'notes/test.md'): NoteSource => ({ file, text, encoding: 'UTF-8', hash: 'h' });
const paragraph = (topic: string, words = 40): string => Array.from({ length: words }, (_, i) => `${topic}${i % 7} word`).join(' ');
/** What a reader sees of a note's outline: its conference, and each talk's title, lines and speakers. */
const talksOf = (lines: string[]) => {
  const parsed = parseNote(note(lines.join('\n')));
  return { conference: parsed.conference, talks: parsed.talks.map((t) => [t.talk, t.lines, t.speakers] as const) };
};

describe('parseNote', () => {
  it('finds ## talks under a title, with speaker and company sub-headings', () => {
    const text = [
      '# Notes from ExampleConf 2017', // 1
      '', // 2
      '## Talk one, very useful', // 3
      '### Jane Smith', // 4
      '', // 5
      '#### Senior Staff Engineer', // 6
      '', // 7
      '#### Acme Corp', // 8
      '', // 9
      'Jane told us how the team handles retries and why every timeout needs a budget of its own.', // 10
      '', // 11
      '## Talk two', // 12
      '', // 13
      '## Conclusion', // 14
      'We had a great time at the event and will come back next year with the whole team.', // 15
    ].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.conference).toBe('ExampleConf 2017');
    expect(parsed.title).toBe('Notes from ExampleConf 2017');
    expect(parsed.date).toBe('2017');
    expect(parsed.language).toBe('en');
    expect(parsed.talks.map((t) => [t.talk, t.lines, t.empty])).toEqual([
      ['Talk one, very useful', [3, 11], false],
      ['Talk two', [12, 13], true],
    ]);
    expect(parsed.talks[0]).toMatchObject({ id: 'notes/test.md#3', speakers: ['Jane Smith'], companies: ['Acme Corp'], conference: 'ExampleConf 2017' });
    // The speaker sub-headings open the talk's passage; a talk with no notes keeps its heading, which
    // names it; the conclusion is kept as prose, not as a talk.
    expect(parsed.passages.map((p) => [p.id, p.talk, p.talkId])).toEqual([
      ['notes/test.md:3-10', 'Talk one, very useful', 'notes/test.md#3'],
      ['notes/test.md:12-12', 'Talk two', 'notes/test.md#12'],
      ['notes/test.md:14-15', 'Conclusion', 'notes/test.md#14'],
    ]);
  });

  it('keeps the title and speaker lines of a talk whose notes are only sketchnotes', () => {
    const text = [
      '# SnowCamp 2031', // 1
      '', // 2
      '## La cryptographie post-quantique', // 3
      '', // 4
      'Intervenant : Willy Exemple [@wexemple](https://twitter.com/wexemple)', // 5
      '', // 6
      '![Sketchnote 1 sur 2](sketchnotes/crypto_1.jpg)', // 7
      '![Sketchnote 2 sur 2](sketchnotes/crypto_2.jpg)', // 8
      '', // 9
      '## Railway programming', // 10
      '', // 11
      paragraph('railway'), // 12
    ].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.talks.map((t) => [t.talk, t.speakers, t.empty])).toEqual([
      ['La cryptographie post-quantique', ['Willy Exemple'], true],
      ['Railway programming', [], false],
    ]);
    const header = parsed.passages.find((p) => p.talkId === 'notes/test.md#3');
    expect(header).toMatchObject({ lines: [3, 5], speakers: ['Willy Exemple'] });
    expect(header!.text).toBe(text.split('\n').slice(2, 5).join('\n'));
  });

  it('counts front matter lines, keeps CRLF out of passage text, and reads TOML', () => {
    const text = ["+++", "title = 'SnowCamp 2023'", 'date = 2023-02-05', '+++', '', '# La cryptographie post-quantique', '', paragraph('crypto'), ''].join('\r\n');
    const parsed = parseNote(note(text));
    expect(parsed).toMatchObject({ conference: 'SnowCamp 2023', date: '2023-02-05' });
    expect(parsed.talks[0]).toMatchObject({ talk: 'La cryptographie post-quantique', lines: [6, 9] });
    const passage = parsed.passages[0]!;
    expect(passage.lines).toEqual([6, 8]);
    expect(passage.text).toBe(splitLines(text).slice(5, 8).join('\n'));
    expect(passage.text).not.toContain('\r');
  });

  it('reads the sections before the first talk naming its speaker as the opening, where most talks name theirs', () => {
    const talk = (title: string, speaker: string, topic: string): string[] => [`## ${title}`, '', `### ${speaker}`, '', paragraph(topic), ''];
    const text = [
      '# DemoConf 2031', '', '## Housekeeping', '', paragraph('wifi'), '', '## Before we start', '', paragraph('coffee'), '',
      ...talk('Des serveurs sans état', 'Jeanne Martin', 'serveur'), '## Panel on caching', '', paragraph('cache'), '',
      ...talk('Tracing everything', 'Ada Lovelace', 'trace'), ...talk('Queues in practice', 'Grace Hopper', 'queue'),
      ...talk('Small models', 'Alan Turing', 'model'),
    ].join('\n');
    // The panel names nobody, but it comes after the first talk: it is one.
    expect(parseNote(note(text)).talks.map((t) => t.talk)).toEqual([
      'Des serveurs sans état',
      'Panel on caching',
      'Tracing everything',
      'Queues in practice',
      'Small models',
    ]);
    // Before it, a talk whose speaker cannot be read is no opening: its title is as long as a talk's.
    const unread = text.replace('## Before we start', '## Rye flour at scale (Tollef Fog Heen)');
    expect(parseNote(note(unread)).talks.map((t) => t.talk)).toEqual(['Rye flour at scale (Tollef Fog Heen)', 'Des serveurs sans état', 'Panel on caching', 'Tracing everything', 'Queues in practice', 'Small models']);
  });

  it('reads a speaker from a line under the heading that holds only a name opening on a given name', () => {
    const talk = (title: string, byline: string, topic: string): string[] => [`## ${title}`, '', byline, '', paragraph(topic), ''];
    const { talks } = talksOf([
      '# DemoConf 2031', '', ...talk('Rye at scale', 'Jeanne Levain', 'rye'), ...talk('Ovens that last', 'Paul Fournier, Marie Curie', 'oven'),
      ...talk('Proofing baskets', 'Hands On', 'basket'),
    ]);
    expect(talks.map(([title, , speakers]) => [title, speakers])).toEqual([
      ['Rye at scale', ['Jeanne Levain']],
      ['Ovens that last', ['Paul Fournier', 'Marie Curie']],
      // Two capitalised words that open on no given name may be anything: a format, a part, a room.
      ['Proofing baskets', []],
    ]);
  });

  it('keeps the sections around the notes out of the talks, and a talk introducing its topic in', () => {
    const text = [
      '# DemoConf 2031', '', "## Introduction à l'observabilité", '', paragraph('trace'), '', '## Des serveurs sans état', '', paragraph('serveur'),
      '', '## En conclusion', '', paragraph('bilan'), '', '## Acknowledgments', '', paragraph('merci'),
    ].join('\n');
    expect(parseNote(note(text)).talks.map((t) => t.talk)).toEqual(["Introduction à l'observabilité", 'Des serveurs sans état']);
  });

  it('reads "Les conférences" over the talks as a list of them, and "La conférence" as a section about the event', () => {
    const text = [
      'Fournil Days 2031', '==================', '', paragraph('intro'), '', '# Les conférences', '', '## Le levain, pas à pas', '', paragraph('levain'),
      '', '## Cuire au feu de bois', '', paragraph('four'), '', '# La conférence', '', paragraph('salle'),
    ].join('\n');
    expect(parseNote(note(text)).talks.map((t) => t.talk)).toEqual(['Le levain, pas à pas', 'Cuire au feu de bois']);
  });

  it('reads a heading written without its space among headings written with it, at a level they use', () => {
    const text = ['# Fournil Days 2031', '', '## Le levain', '', paragraph('levain'), '', '##Le four à bois', '', paragraph('four'), '', '#fournil', '', paragraph('pain')].join('\n');
    expect(parseNote(note(text)).talks.map((t) => [t.talk, t.lines])).toEqual([
      ['Le levain', [3, 6]],
      ['Le four à bois', [7, 13]],
    ]);
  });

  it('survives broken YAML front matter with a warning', () => {
    const text = ['---', 'title: Retour sur la QCon 2012', 'date: !binary |-', '  MjAx', 'x: [', '---', '', '## Les nuages', '', paragraph('nuage')].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.conference).toBe('QCon 2012');
    expect(parsed.talks.map((t) => t.talk)).toEqual(['Les nuages']);
  });

  it('goes down to ### talks under day headings, and skips a table of contents', () => {
    const text = [
      '# Visited talks', // 1
      '- [First](#first)', // 2
      '- [Second](#second)', // 3
      '', // 4
      '## Day 1', // 5
      '### Keynote: Walking the Line', // 6
      paragraph('keynote'), // 7
      '### Vue.js le framework progressif', // 8
      paragraph('vue'), // 9
      '## Jeudi 21 avril', // 10
      '### Dois-je migrer en Reactive et comment ? - Christophe JOLLIVET', // 11
      paragraph('reactive'), // 12
    ].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.talks.map((t) => t.talk)).toEqual(['Keynote: Walking the Line', 'Vue.js le framework progressif', 'Dois-je migrer en Reactive et comment ?']);
    expect(parsed.talks[2]!.speakers).toEqual(['Christophe JOLLIVET']);
    expect(parsed.passages.some((p) => p.lines[0] <= 3)).toBe(false);
  });

  it('reads a lone # heading over the event\'s days as the note\'s title, and the talks of each day', () => {
    const { conference, talks } = talksOf([
      '# HarbourConf 31', // 1
      '## Slides will be linked when available', // 2
      '', // 3
      '## Day 1', // 4
      '### Rye at scale (R1)', // 5
      paragraph('rye'), // 6
      '### Levain (R2)', // 7
      paragraph('levain'), // 8
      '## Day 2', // 9
      '### Oven maintenance 101 (R1)', // 10
      paragraph('oven'), // 11
    ]);
    // "31" is the edition: only a name glued to its number ("harbourconf31") reads it as a year.
    expect(conference).toBe('HarbourConf 31');
    expect(talks.map(([talk, lines]) => [talk, lines])).toEqual([
      ['Slides will be linked when available', [2, 3]],
      ['Rye at scale (R1)', [5, 6]],
      ['Levain (R2)', [7, 8]],
      ['Oven maintenance 101 (R1)', [10, 11]],
    ]);
  });

  it('reads a reStructuredText note\'s underlined titles as its headings', () => {
    const parsed = parseNote(note(['HarbourConf 2031', '================', '', 'Proofing rye - Jeanne Levain', '----------------------------', '', `| ${paragraph('rye')}`, '', 'Oven care', '---------', '', paragraph('oven')].join('\n'), 'notes/harbourconf.rst'));
    expect(parsed.conference).toBe('HarbourConf 2031');
    expect(parsed.talks.map((t) => [t.talk, t.lines, t.speakers])).toEqual([
      ['Proofing rye', [4, 8], ['Jeanne Levain']],
      ['Oven care', [9, 12], []],
    ]);
  });

  it('reads a heading written under every talk as a part of the talk before it, whatever its level', () => {
    const { talks } = talksOf([
      '**HarbourConf 2031**', // 1
      '', // 2
      '**Proofing rye at scale**', // 3
      '', // 4
      paragraph('rye', 10), // 5
      '', // 6
      '**Notes & key takeaways:**', // 7
      '', // 8
      paragraph('rye'), // 9
      '', // 10
      '**Levain without fear**', // 11
      '', // 12
      '**Notes & key takeaways:**', // 13
      '', // 14
      paragraph('levain'), // 15
      '', // 16
      '**Oven care for small bakeries**', // 17
      '', // 18
      '**Notes & key takeaways:**', // 19
      '', // 20
      paragraph('oven'), // 21
    ]);
    expect(talks.map(([talk, lines]) => [talk, lines])).toEqual([
      ['Proofing rye at scale', [3, 10]],
      ['Levain without fear', [11, 16]],
      ['Oven care for small bakeries', [17, 21]],
    ]);
  });

  it('keeps a note\'s opening that states its event in a few words as a passage', () => {
    const text = ['# HarbourConf 2031', '', 'May 4-6', '', 'Lisbon, PT', '', '## Oven care', '', paragraph('oven')].join('\n');
    expect(parseNote(note(text)).passages.map((p) => [p.talk, p.lines])).toEqual([
      ['HarbourConf 2031', [1, 5]],
      ['Oven care', [7, 9]],
    ]);
  });

  it('keeps prose-only posts as passages without talks, and drops image-only sections', () => {
    const prose = parseNote(note(['---', 'title: Sud Web 2023', '---', '', paragraph('journée', 30)].join('\n')));
    expect(prose.talks).toEqual([]);
    expect(prose.passages.map((p) => [p.lines, p.talk])).toEqual([[[5, 5], 'Sud Web 2023']]);
    const images = parseNote(note(['## Photo gallery', '', '![one](a.jpg)', '![two](b.jpg)'].join('\n')));
    expect(images.talks).toEqual([]);
    expect(images.passages).toEqual([]);
  });

  it('reads an outline that starts at ## as one that starts at #', () => {
    const outline = ['# Notes from ExampleConf 2017', '', '## Talk one, very useful', '### Jane Smith', '', paragraph('retry'), '', '## Talk two', '', paragraph('budget')];
    const deeper = outline.map((line) => (line.startsWith('#') ? `#${line}` : line));
    expect(talksOf(deeper)).toEqual(talksOf(outline));
    expect(talksOf(deeper).conference).toBe('ExampleConf 2017');
  });

  it('reads speaker and company headings written at the talk\'s level as lines under the talk', () => {
    const outline = ['# ExampleConf 2017', '', '## Talk one, very useful', '### Jane Smith', '', '#### Acme Corp', '', paragraph('retry'), '', '## Talk two', '### John Doe', '', '#### Senior Staff Engineer', '', '## Talk three', '### Ann Lee', '', paragraph('budget')];
    const flat = outline.map((line) => line.replace(/^#{3,4} /, '## '));
    expect(talksOf(flat)).toEqual(talksOf(outline));
    expect(talksOf(flat).talks.map(([talk]) => talk)).toEqual(['Talk one, very useful', 'Talk two', 'Talk three']);
  });

  it('reads a sub-heading the talks repeat, written once at the talks\' level, as part of the talk before it', () => {
    const outline = ['# ExampleConf 2017', '', '## Proofing dough', '', paragraph('proof'), '', '### Tasting', '', paragraph('crumb'), '', '## Shaping loaves', '', paragraph('shape'), '', '### Tasting', '', paragraph('crust'), '', '## Scoring bread', '', paragraph('score'), '', '## Tasting', '', paragraph('bloom')];
    const { talks } = talksOf(outline);
    expect(talks.map(([talk]) => talk)).toEqual(['Proofing dough', 'Shaping loaves', 'Scoring bread']);
    expect(talks[2]![1]).toEqual([19, outline.length]);
  });

  it('reads the <h2> lines of a note written in HTML as its talks', () => {
    const text = [
      '<h1>Retour sur ExampleConf 2019</h1>', // 1
      '<p>Intro</p>', // 2
      '<h2>Des tests qui tiennent</h2>', // 3
      `<p>${paragraph('tests')}</p>`, // 4
      '<h2 id="cache">Le cache &amp; la base</h2>', // 5
      `<p>${paragraph('cache')}</p>`, // 6
    ].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.conference).toBe('ExampleConf 2019');
    expect(parsed.talks.map((t) => [t.talk, t.lines])).toEqual([
      ['Des tests qui tiennent', [3, 4]],
      ['Le cache & la base', [5, 6]],
    ]);
  });

  it('reads the bold lines of a note with no headings as its title and talks, and only there', () => {
    const text = [
      '**Notes from ExampleConf 2018**', // 1
      '', // 2
      '**Retries without tears**', // 3
      '', // 4
      paragraph('retry'), // 5
      '', // 6
      '**Budgets for timeouts** :', // 7
      '', // 8
      paragraph('timeout'), // 9
    ].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.conference).toBe('ExampleConf 2018');
    expect(parsed.talks.map((t) => [t.talk, t.lines])).toEqual([
      ['Retries without tears', [3, 6]],
      ['Budgets for timeouts', [7, 9]],
    ]);
    // A bold line heads the lines under it in the same paragraph.
    const tight = parseNote(note(['**ExampleConf 2018**', '', '**Retries without tears**', 'by Jane Smith', '', paragraph('retry'), '', '**Budgets for timeouts**', paragraph('timeout')].join('\n')));
    expect(tight.talks.map((t) => [t.talk, t.lines])).toEqual([
      ['Retries without tears', [3, 7]],
      ['Budgets for timeouts', [8, 9]],
    ]);
    // The heading line and the sentence under it are apart.
    const budgets = tight.passages.find((p) => p.talk === 'Budgets for timeouts')!;
    expect(splitSentences(budgets).map((s) => s.lines)).toEqual([[8, 8], [9, 9]]);
    // One bold line alone divides nothing; where the note writes headings, a bold line is a lead-in inside its section.
    const lone = parseNote(note([paragraph('day'), '', '**Takeaways:**', '', paragraph('retry')].join('\n')));
    expect(lone.talks).toEqual([]);
    expect(new Set(lone.passages.map((p) => p.talk))).toEqual(new Set([lone.title]));
    const withHeadings = parseNote(note(['# ExampleConf 2018', '', '## Retries without tears', '', '**Takeaways**', '', paragraph('retry')].join('\n')));
    expect(withHeadings.talks.map((t) => [t.talk, t.lines])).toEqual([['Retries without tears', [3, 7]]]);
  });

  it('reads the headings of a note written before CommonMark, with no space after the #, and only there', () => {
    const text = [
      '#HarbourConf 2031 notes', // 1
      '', // 2
      '##Proofing dough overnight', // 3
      '###Ada Baker', // 4
      paragraph('dough'), // 5
      '', // 6
      '##Wood-fired ovens ##', // 7
      '', // 8
      paragraph('oven'), // 9
    ].join('\n');
    const parsed = parseNote(note(text));
    expect(parsed.conference).toBe('HarbourConf 2031');
    expect(parsed.talks.map((t) => [t.talk, t.lines, t.speakers])).toEqual([
      ['Proofing dough overnight', [3, 6], ['Ada Baker']],
      ['Wood-fired ovens', [7, 9], []],
    ]);
    // The heading lines are no sentences of the talk's notes.
    const ovens = parsed.passages.find((p) => p.talk === 'Wood-fired ovens')!;
    expect(splitSentences(ovens).map((s) => [s.lines, s.heading])).toEqual([[[7, 7], true], [[9, 9], false]]);
    // Where the note writes CommonMark headings, a line opening on # is something else: a hashtag.
    const tagged = parseNote(note(['# HarbourConf 2031', '', '## Proofing dough overnight', '', '#levain #rye', paragraph('dough'), '', '#sourdough', paragraph('rye')].join('\n')));
    expect(tagged.talks.map((t) => [t.talk, t.lines])).toEqual([['Proofing dough overnight', [3, 9]]]);
  });

  it('reads a bold line opening the note as a section when the front matter titles the note or the line names one', () => {
    const talks = ['**Retries without tears**', '', paragraph('retry'), '', '**Budgets for timeouts**', '', paragraph('timeout')];
    const titled = parseNote(note(['---', 'title: ExampleConf 2018, day one', '---', '', '**Opening thoughts**', '', paragraph('venue'), '', ...talks].join('\n')));
    expect(titled.conference).toBe('ExampleConf 2018');
    expect(titled.talks.map((t) => t.talk)).toEqual(['Opening thoughts', 'Retries without tears', 'Budgets for timeouts']);
    const introduced = parseNote(note(['**Introduction**', '', paragraph('venue'), '', ...talks].join('\n'), 'notes/exampleconf-2018.md'));
    expect(introduced.talks.map((t) => [t.talk, t.lines])).toEqual([
      ['Retries without tears', [5, 8]],
      ['Budgets for timeouts', [9, 11]],
    ]);
  });

  it('marks a French talk in an English file', () => {
    const fr = "Ils font des post-mortem publics après chaque problème, et tout le monde est invité à venir voir pourquoi ça a planté et comment on fait pour que ça ne se reproduise pas. C'est le système qu'il faut améliorer, pas les gens qu'il faut pointer du doigt, et ils le disent à chaque fois.";
    const en = 'They showed how the team ships small changes all day, and why each of them can be rolled back in a minute when something is wrong with the site.';
    const parsed = parseNote(note(['# Notes 2020', '## English talk', `${en} ${en}`, '## Un talk en français', fr].join('\n')));
    expect(parsed.language).toBe('en');
    expect(parsed.talks.map((t) => t.language)).toEqual(['en', 'fr']);
  });

  it('reads a bare link GFM finds inside brackets, whose split text carries no position', () => {
    const lines = ['# Fournil Days 2031', '', '## Levain', '', 'Le levain vient de loin : [https://example.org/levain][https://example.org/levain] et il se nourrit de farine.', ''];
    const parsed = parseNote(note(lines.join('\n')));
    expect(parsed.passages.map((p) => [p.talk, p.lines])).toEqual([['Levain', [3, 5]]]);
  });
});

const seeds = resolve('data/notes');
const seed = (name: string): NoteSource => {
  const bytes = readFileSync(resolve(seeds, name));
  return { file: name, ...decodeBytes(bytes), hash: 'seed' };
};

describe.skipIf(!existsSync(resolve(seeds, '001_34568cbb42ee90fe.txt')))('seed notes', () => {
  it('QCon London 2014: French, two Etsy talks', () => {
    const parsed = parseNote(seed('001_34568cbb42ee90fe.txt'));
    expect(parsed).toMatchObject({ conference: 'QCon London 2014', title: 'QCon London 2014, day One', language: 'fr', tags: ['qcon'] });
    expect(parsed.talks.map((t) => t.talk)).toEqual(
      expect.arrayContaining(["How outages shaped Etsy's architecture", 'Development, Deployment and Collaboration at Etsy']),
    );
    expect(parsed.talks.every((t) => t.language === 'fr')).toBe(true);
  });

  it('ScaleConf: speaker and company from sub-headings, English', () => {
    const parsed = parseNote(seed('002_229ae74f5be487c1.txt'));
    expect(parsed.language).toBe('en');
    expect(parsed.talks.find((t) => t.talk === 'Cloud-scale: Lessons from the field')).toMatchObject({
      speakers: ['Daniel Larsen'],
      companies: ['Microsoft NZ'],
      language: 'en',
    });
    // Before the first talk naming its speaker: the notes' opening.
    expect(parsed.talks.map((t) => t.talk)).not.toContain('Disclaimer');
    expect(parsed.talks.map((t) => t.talk)).not.toContain('Intro');
  });

  it('PyCon: titles without the trailing organisation or handle link', () => {
    const parsed = parseNote(seed('003_61d3d94835055e40.txt'));
    expect(parsed.talks.map((t) => t.talk)).toEqual(expect.arrayContaining(['Building Secure Systems', 'Smart Services: Microservices', 'Friday Keynote: Catherine Bracy']));
    expect(parsed.talks.find((t) => t.talk === 'Smart Services: Microservices')).toMatchObject({ speakers: ['Frank Stratton'], companies: ['Runscope'] });
  });

  it('dotScale: the conference from the introduction, speaker and company from the opening sentence', () => {
    const parsed = parseNote(seed('000_4a899a7cd1601ca1.txt'));
    expect(parsed.conference).toBe('dotScale');
    expect(parsed.talks.find((t) => t.talk === "Retour d'expérience sur healthcare.gov")).toMatchObject({ speakers: ['Robert Kennedy'], companies: ['Google'] });
  });

  it('Velocity: the table of contents is no talk, every passage is its lines', () => {
    const source = seed('004_22da52670a0e8992.txt');
    const parsed = parseNote(source);
    expect(parsed.talks).toHaveLength(9);
    expect(parsed.talks.map((t) => t.talk)).not.toContain('Visited talks');
    const lines = splitLines(source.text);
    for (const p of parsed.passages) expect(p.text).toBe(lines.slice(p.lines[0] - 1, p.lines[1]).join('\n'));
  });
});
