import { describe, expect, it } from 'vitest';
import { isPersonName, parsePeople } from '../../src/notes/names.js';
import { cleanTitle, headingPerson, openingSentencePeople, parseTalkHeading, speakerHeader } from '../../src/notes/talk-metadata.js';

const heading = (source: string, plain = source.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '')) => parseTalkHeading(source, plain);

describe('isPersonName', () => {
  it.each(['Daniel Larsen', 'Christophe JOLLIVET', 'Courtney W. Nash', 'Dr. Franziska Hinkelmann', 'Jean-François ROCHAS-PARROT', 'J Evans', 'Paul Do'])('%s is a name', (name) => {
    expect(isPersonName(name)).toBe(true);
  });
  it.each(['Pinterest', 'Getting Started in the Kubernetes Community', 'Keynote', 'Landing Zone', 'votre humble serviteuse', 'Day 1', 'Lightning Talks', 'Keep Up'])('%s is not', (text) => {
    expect(isPersonName(text)).toBe(false);
  });
});

describe('parsePeople', () => {
  it('reads name lists with companies', () => {
    expect(parsePeople('Elena Morozova, Weaveworks @lelenanam')).toEqual({ speakers: ['Elena Morozova'], companies: ['Weaveworks'] });
    expect(parsePeople('Julien Simon (AWS) & Antoine Guy (Viadeo)')).toEqual({ speakers: ['Julien Simon', 'Antoine Guy'], companies: ['AWS', 'Viadeo'] });
    expect(parsePeople('Jordan NOURRY, Adrien JOLY et Julien TOPCU')).toEqual({ speakers: ['Jordan NOURRY', 'Adrien JOLY', 'Julien TOPCU'], companies: [] });
    expect(parsePeople('Yong Tang, MobileIron, Inc.')).toEqual({ speakers: ['Yong Tang'], companies: ['MobileIron, Inc'] });
  });
  it('reads the company after an at sign, and a handle as no company', () => {
    expect(parsePeople('Nora Jones @ Slack (@nora_js)')).toEqual({ speakers: ['Nora Jones'], companies: ['Slack'] });
    expect(parsePeople('Piotr Holubowicz @Google (@holubowiczp)')).toEqual({ speakers: ['Piotr Holubowicz'], companies: ['Google'] });
    expect(parsePeople('Ryan MacGillivray @RyanMacG')).toEqual({ speakers: ['Ryan MacGillivray'], companies: [] });
  });
  it('refuses anything that is not entirely a list of people', () => {
    expect(parsePeople('Stitching things together')).toBeUndefined();
    expect(parsePeople('I AM DEVOPS AND I LIKE FUNCTIONS')).toBeUndefined();
  });
});

describe('parseTalkHeading', () => {
  it('reads "Title | Speaker @ Company"', () => {
    expect(heading('Chaos Engineering Traps | Nora Jones @ Slack (@nora_js)')).toMatchObject({ title: 'Chaos Engineering Traps', speakers: ['Nora Jones'], companies: ['Slack'] });
  });
  it('drops a trailing speaker handle or organisation link', () => {
    expect(heading('Building Secure Systems, [@lvh](http://twitter.com/lvh)')).toMatchObject({ title: 'Building Secure Systems', speakers: ['@lvh'], companies: [] });
    expect(heading('Smart Services: Microservices, Frank Stratton, [Runscope](http://runscope.com)')).toMatchObject({
      title: 'Smart Services: Microservices',
      speakers: ['Frank Stratton'],
      companies: ['Runscope'],
    });
    expect(heading('Friday Keynote: Catherine Bracy, [Code for America](http://www.codeforamerica.org/)')).toMatchObject({
      title: 'Friday Keynote: Catherine Bracy',
      speakers: ['Catherine Bracy'],
      companies: ['Code for America'],
    });
  });

  it('reads "Title - Speaker" and "Speaker - Title"', () => {
    expect(heading('Dois-je migrer en Reactive et comment ? - Christophe JOLLIVET')).toMatchObject({ title: 'Dois-je migrer en Reactive et comment ?', speakers: ['Christophe JOLLIVET'], orientation: 'title-first' });
    expect(heading('Glenn Sarti - Sharing: What\'s in it for me?')).toMatchObject({ title: "Sharing: What's in it for me?", speakers: ['Glenn Sarti'], orientation: 'speaker-first' });
    expect(heading('Stranger danger - *Guy Podjarny & Assaf Hefetz (Snyk)*')).toMatchObject({ title: 'Stranger danger', speakers: ['Guy Podjarny', 'Assaf Hefetz'], companies: ['Snyk'] });
    expect(heading('"Confessions d\'un serial killer"- Par [Virginie Caplet](http://x)')).toMatchObject({ title: "Confessions d'un serial killer", speakers: ['Virginie Caplet'] });
  });

  it('reads speakers in parentheses after the title when labelled or opening on a given name, not a room or a part', () => {
    expect(heading('Proofing at scale (Jeanne Levain, Fournil)')).toEqual({ title: 'Proofing at scale', speakers: ['Jeanne Levain'], companies: ['Fournil'] });
    expect(heading('Le four à bois (Jeanne Levain, Paul Fournier)')).toMatchObject({ speakers: ['Jeanne Levain', 'Paul Fournier'], companies: [] });
    expect(heading('Rye for everyone (par Tollef Fog Heen, Bakehouse 24)')).toMatchObject({ title: 'Rye for everyone', speakers: ['Tollef Fog Heen'], companies: ['Bakehouse 24'] });
    // People joined each with a company.
    expect(heading('Le four à bois (par Jeanne Levain & Paul Fournier, Fournil)')).toMatchObject({ speakers: ['Jeanne Levain', 'Paul Fournier'], companies: ['Fournil'] });
    expect(heading('Le levain (par Jeanne Levain, Fournil & Tollef Fog Heen, Bakehouse 24)')).toMatchObject({ speakers: ['Jeanne Levain', 'Tollef Fog Heen'], companies: ['Fournil', 'Bakehouse 24'] });
    for (const aside of ['Part Two', 'Salle Bleue', 'Live Coding', 'Tollef Fog Heen']) {
      expect(heading(`Ovens that last (${aside})`)).toMatchObject({ title: `Ovens that last (${aside})`, speakers: [] });
    }
  });

  it('reads "Title, Speaker" and "Speaker, Company" headings when a given name vouches for the person', () => {
    expect(heading('Rye at scale, Paul Fournier')).toMatchObject({ title: 'Rye at scale', speakers: ['Paul Fournier'] });
    expect(heading('Jeanne Levain, Fournil')).toMatchObject({ title: 'Jeanne Levain, Fournil', speakers: ['Jeanne Levain'], companies: ['Fournil'] });
    // The dash names both speakers; without a given name, a comma names no one.
    expect(heading('Proofing baskets - Jeanne Levain, Paul Fournier')).toMatchObject({ title: 'Proofing baskets', speakers: ['Jeanne Levain', 'Paul Fournier'] });
    expect(heading('Ovens, Open Source')).toMatchObject({ title: 'Ovens, Open Source', speakers: [] });
  });

  it('reads "Title - Speaker, her role", the company from the role', () => {
    expect(heading('Proofing at scale - Jeanne Levain, Head baker and founder at Fournil')).toEqual({ title: 'Proofing at scale', speakers: ['Jeanne Levain'], companies: ['Fournil'], orientation: 'title-first' });
    // A role is no second speaker, and a role without a company names none.
    expect(heading('Rye for everyone - Paul Fournier, Baker and Software Developer')).toEqual({ title: 'Rye for everyone', speakers: ['Paul Fournier'], companies: [], orientation: 'title-first' });
    expect(headingPerson('Jeanne Levain, Lead baker at Fournil')).toEqual({ speakers: ['Jeanne Levain'], companies: ['Fournil'] });
  });

  it('settles "A - B" with two name-like sides by the file orientation', () => {
    const text = 'Open Source - Janet Kuo';
    expect(parseTalkHeading(text, text, 'title-first')).toMatchObject({ title: 'Open Source', speakers: ['Janet Kuo'] });
    expect(parseTalkHeading(text, text, 'speaker-first')).toMatchObject({ title: 'Janet Kuo', speakers: ['Open Source'] });
    expect(parseTalkHeading(text, text).orientation).toBeUndefined();
    expect(heading('Managing Complexity - Functionality').speakers).toEqual([]);
  });

  it('reads "par Speaker", "by @handle", numbered slots and role lines', () => {
    expect(heading("Le pourquoi du pourquoi de l'agilité par Cédric Bodin")).toMatchObject({ title: "Le pourquoi du pourquoi de l'agilité", speakers: ['Cédric Bodin'] });
    expect(heading('GitOps: Ubie Inc by @sakajunquality')).toMatchObject({ title: 'GitOps: Ubie Inc', speakers: ['@sakajunquality'] });
    expect(heading('Talk 2: Cheryl Hung: 2.66 Million')).toMatchObject({ title: '2.66 Million', speakers: ['Cheryl Hung'] });
    expect(heading('3ème conférence : Le four à bois')).toMatchObject({ title: 'Le four à bois', speakers: [] });
    expect(heading('2nd talk - Jeanne Levain')).toMatchObject({ title: 'Jeanne Levain', speakers: ['Jeanne Levain'] });
    expect(heading('Brian Liles - Senior Staff Engineer, VMWare')).toMatchObject({ title: 'Brian Liles - Senior Staff Engineer, VMWare', speakers: ['Brian Liles'], companies: ['VMWare'] });
    expect(heading('Jeanne Levain : Le levain, pas à pas')).toMatchObject({ title: 'Le levain, pas à pas', speakers: ['Jeanne Levain'] });
    expect(heading('Le levain, pas à pas : Jeanne Levain')).toMatchObject({ title: 'Le levain, pas à pas', speakers: ['Jeanne Levain'] });
  });

  it('reads a byline over what the dash splits, a handle after a dash, and a role after a name', () => {
    expect(heading('Rye Baking - The Hard Parts by Jeanne Levain')).toMatchObject({ title: 'Rye Baking - The Hard Parts', speakers: ['Jeanne Levain'] });
    expect(heading('Rye at scale by dough size by Paul Do and Jeanne Levain')).toMatchObject({ title: 'Rye at scale by dough size', speakers: ['Paul Do', 'Jeanne Levain'] });
    expect(heading('Le levain - par Jeanne Levain')).toMatchObject({ title: 'Le levain', speakers: ['Jeanne Levain'] });
    expect(heading('Proofing baskets - @jlevain')).toMatchObject({ title: 'Proofing baskets', speakers: ['@jlevain'] });
    expect(heading('Le four à bois ? par Jeanne Levain Head Baker chez Fournil')).toMatchObject({ title: 'Le four à bois ?', speakers: ['Jeanne Levain'], companies: ['Fournil'] });
  });

  it('takes no speaker when unsure', () => {
    expect(heading('Landing Zone: Missteps')).toMatchObject({ title: 'Landing Zone: Missteps', speakers: [] });
    expect(heading('Keynote: Full-Stack Python')).toMatchObject({ speakers: [] });
    expect(heading('Katie Schick')).toMatchObject({ title: 'Katie Schick', speakers: [] });
    expect(heading("Rendez l'agilité aux développeurs et développeuses ! - votre humble serviteuse").speakers).toEqual([]);
  });

  it('cleans the title: closing hashes are gone already, attributes and a trailing colon go', () => {
    expect(heading("L'importance de la performance :").title).toBe("L'importance de la performance");
    expect(heading('Be a Dolphin not a Shark{lang=en}').title).toBe('Be a Dolphin not a Shark');
  });
});

describe('cleanTitle', () => {
  it('drops the time slot a programme opens the title with, and keeps a number of the title', () => {
    expect(cleanTitle('10:45 - 11:30 Rye at scale')).toBe('Rye at scale');
    expect(cleanTitle('9h – 9h45 Keynote : le levain')).toBe('Keynote : le levain');
    expect(cleanTitle('2h pour comprendre le levain')).toBe('2h pour comprendre le levain');
    expect(cleanTitle('14h00 – Le levain')).toBe('Le levain');
    expect(cleanTitle('11:35 - A baker\'s guide to ovens')).toBe('A baker\'s guide to ovens');
    expect(cleanTitle('24 hours of proofing')).toBe('24 hours of proofing');
  });
});

describe('speakerHeader', () => {
  it('reads ### Name / #### Role / #### Company sub-headings, a role is not a company', () => {
    const header = speakerHeader([
      { kind: 'heading', source: '### Daniel Larsen' },
      { kind: 'heading', source: '#### Senior Premier Field Engineer' },
      { kind: 'heading', source: '#### Microsoft NZ' },
      { kind: 'paragraph', source: 'Daniel asked why we are not seeing the sort of scale.' },
    ]);
    expect(header).toEqual({ speakers: ['Daniel Larsen'], companies: ['Microsoft NZ'], blocks: 3 });
  });

  it('reads a bold link line after a format line, and labelled speaker lines', () => {
    expect(speakerHeader([{ kind: 'paragraph', source: '_Conférence 45 minutes_' }, { kind: 'paragraph', source: '**[Albane Veyron](https://x)**  ' }])).toEqual({ speakers: ['Albane Veyron'], companies: [], blocks: 2 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Intervenant :' }, { kind: 'list', source: '- Olivier Poncet [@ponceto91](https://x)' }])).toMatchObject({ speakers: ['Olivier Poncet'], blocks: 2 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Brendan Burns, Microsoft Azure\n@brendandburns' }])).toEqual({ speakers: ['Brendan Burns'], companies: ['Microsoft Azure'], blocks: 1 });
  });

  it('reads a line saying who gave the talk', () => {
    expect(speakerHeader([{ kind: 'paragraph', source: 'Conférence présentée par Jeanne Levain' }, { kind: 'paragraph', source: 'Le levain se nourrit.' }])).toEqual({ speakers: ['Jeanne Levain'], companies: [], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Talk given by Paul Fournier and Tollef Fog Heen' }])).toMatchObject({ speakers: ['Paul Fournier', 'Tollef Fog Heen'], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Cette session était animée par [Jeanne Levain](https://x) et [Paul Fournier](https://y).' }])).toMatchObject({ speakers: ['Jeanne Levain', 'Paul Fournier'], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Une conférence très attendue, présentée par Jeanne Levain.' }])).toMatchObject({ speakers: [], blocks: 0 });
  });

  it('reads an emphasised byline as the speaker, and a format line as neither speaker nor notes', () => {
    expect(speakerHeader([{ kind: 'paragraph', source: '_[Alicia Collymore](https://x)_' }, { kind: 'paragraph', source: 'Pace is value delivered at speed.' }])).toEqual({ speakers: ['Alicia Collymore'], companies: [], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: '_Colin Walder_' }])).toEqual({ speakers: ['Colin Walder'], companies: [], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: '*par Thomas Parisot et Claire Zuliani.*' }])).toEqual({ speakers: ['Thomas Parisot', 'Claire Zuliani'], companies: [], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: '_Lightning 20 minutes_' }, { kind: 'paragraph', source: 'Notes.' }])).toEqual({ speakers: [], companies: [], blocks: 1 });
  });

  it('reads past the bold fields of a programme entry to its labelled speakers, and stops at the notes', () => {
    const entry = [
      { kind: 'paragraph', source: '**Salle :** Fournil B' },
      { kind: 'paragraph', source: '**Lien programme :** https://example.org/talk/42' },
      { kind: 'paragraph', source: '**Speaker(s) :**' },
      { kind: 'list', source: '- Jeanne LEVAIN\n- Paul FOURNIER (head baker, ancien mitron)' },
      { kind: 'paragraph', source: '**Notes :**' },
    ];
    expect(speakerHeader(entry)).toEqual({ speakers: ['Jeanne LEVAIN', 'Paul FOURNIER'], companies: [], blocks: 4 });
    // A bold label with nothing after it announces what follows: notes, not a field.
    expect(speakerHeader([{ kind: 'paragraph', source: '**Notes :**' }, { kind: 'paragraph', source: 'Jeanne Levain nous a parlé du seigle.' }])).toMatchObject({ blocks: 0 });
  });

  it('reads a label on its block\'s first line, and leaves the lines under it to the notes', () => {
    // The speaker opens the list of the talk's notes: the list is notes, the speaker is read from its first item.
    const list = { kind: 'list', source: '* speaker: Jeanne Levain\n* rye wants a long proof\n* keep the levain cool' };
    expect(speakerHeader([list])).toEqual({ speakers: ['Jeanne Levain'], companies: [], blocks: 0 });
    // The label's line, then the talk's links: the name is the label's line alone.
    const lines = { kind: 'paragraph', source: 'Speaker: [Jeanne Levain](https://example.org/jeanne)\nSlides: [example.org/rye](https://example.org/rye)' };
    expect(speakerHeader([lines])).toEqual({ speakers: ['Jeanne Levain'], companies: [], blocks: 0 });
  });

  it('reads "by Speaker" under the heading, alone or over the notes, and not "par" opening a sentence', () => {
    expect(speakerHeader([{ kind: 'paragraph', source: 'by [Jeanne Levain](https://example.org/jeanne)' }, { kind: 'paragraph', source: 'Rye wants a long proof.' }])).toEqual({ speakers: ['Jeanne Levain'], companies: [], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'par Paul Fournier\nLe four était froid.' }])).toEqual({ speakers: ['Paul Fournier'], companies: [], blocks: 0 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Par ailleurs, le four chauffe.' }])).toEqual({ speakers: [], companies: [], blocks: 0 });
    expect(speakerHeader([{ kind: 'paragraph', source: '-- by [Paul Fournier](https://example.org/paul)' }])).toEqual({ speakers: ['Paul Fournier'], companies: [], blocks: 1 });
    expect(speakerHeader([{ kind: 'paragraph', source: 'Speakerine: [**Jeanne Levain**](https://example.org/jeanne)' }])).toEqual({ speakers: ['Jeanne Levain'], companies: [], blocks: 1 });
  });

  it('reads a byline set as a quote, alone or over the notes quoted with it', () => {
    const byline = { kind: 'blockquote', source: '> Par Jeanne Levain & Paul Fournier  \n> [https://example.org/rye](https://example.org/rye)' };
    expect(speakerHeader([byline, { kind: 'paragraph', source: 'Le seigle demande une longue pousse.' }])).toEqual({ speakers: ['Jeanne Levain', 'Paul Fournier'], companies: [], blocks: 1 });
    // The talk's notes quoted whole under the speaker's line: the speaker is read, the quote stays notes.
    const notes = { kind: 'blockquote', source: '> Jeanne Levain @jlevain\n>> Slides\n>\n>\t* rye wants a long proof' };
    expect(speakerHeader([notes])).toEqual({ speakers: ['Jeanne Levain'], companies: [], blocks: 0 });
    // A quoted sentence names nobody.
    expect(speakerHeader([{ kind: 'blockquote', source: "> Il suffit d'installer un four !" }])).toEqual({ speakers: [], companies: [], blocks: 0 });
  });

  it('reads the speaker from an opening sentence without making it a header', () => {
    expect(speakerHeader([{ kind: 'paragraph', source: 'Robert Kennedy, employé Google, nous a fait le deuxième retour.' }])).toEqual({ speakers: ['Robert Kennedy'], companies: ['Google'], blocks: 0 });
  });
});

describe('openingSentencePeople', () => {
  it('needs a full name and a speech verb', () => {
    expect(openingSentencePeople('Fabien Potencier (@fabpot), de Symfony nous a parlé de PHP.')).toEqual({ speakers: ['Fabien Potencier'], companies: ['Symfony'] });
    expect(openingSentencePeople('Mitchell Hashimoto, le créateur de Vagrant nous a parlé de Consul.')).toEqual({ speakers: ['Mitchell Hashimoto'], companies: [] });
    expect(openingSentencePeople('Jeanne Levain nous parle du seigle.')).toEqual({ speakers: ['Jeanne Levain'], companies: [] });
    expect(openingSentencePeople('Paul Fournier est venu nous présenter son four à bois.')).toEqual({ speakers: ['Paul Fournier'], companies: [] });
    expect(openingSentencePeople('Jeanne Levain shows how a levain is kept.')).toEqual({ speakers: ['Jeanne Levain'], companies: [] });
    expect(openingSentencePeople('Daniel asked why we are not seeing scale.')).toBeUndefined();
    expect(openingSentencePeople('Kubernetes Rocks is what everyone said.')).toBeUndefined();
  });
});
