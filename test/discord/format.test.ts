// The pure formatters: what users read, cut to Discord's limits, and unable to ping anyone.
import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType, MessageFlags, type APIEmbed } from 'discord.js';
import { citation, speakerLine } from '../../adapters/discord/citation.js';
import { formatAnswer, formatQuestionProblem } from '../../adapters/discord/format-answer.js';
import { formatConferenceNotFound, formatDigest } from '../../adapters/discord/format-digest.js';
import { clip, CUT_MARKER, packEmbeds } from '../../adapters/discord/limits.js';
import { allText, canPing, expectWithinLimits, flatComponents } from './discord-checks.js';
import { matchConferences } from '../../adapters/discord/match-conferences.js';
import { neutraliseMentions } from '../../adapters/discord/neutralise-mentions.js';
import { ConfnotesError } from '../../src/errors.js';
import type { Answer, Digest, Excerpt } from '../../src/types.js';

const etsy: Excerpt = {
  quote: 'Après chaque problème en prod chez Etsy, ils font des post-mortem publics.',
  conference: 'QCon London 2014',
  talk: "How outages shaped Etsy's architecture",
  speakers: [],
  companies: ['Etsy'],
  file: '001_34568cbb42ee90fe.txt',
  lines: [20, 20],
  score: 0.9,
};

describe('neutraliseMentions', () => {
  it('makes @everyone, @here, user, nickname and role mentions inert and leaves the rest alone', () => {
    const text = 'Ping @everyone and @here, <@123>, <@!456> and <@&789>; mail a@b.fr; channel <#42>.';
    const safe = neutraliseMentions(text);
    expect(canPing(safe)).toBe(false);
    expect(safe.replace(/\u200b/g, '')).toBe(text);
    expect(safe).toContain('a@b.fr');
    expect(neutraliseMentions(safe)).toBe(safe);
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text at a word with the marker', () => {
    expect(clip('court', 10)).toBe('court');
    const cut = clip('un deux trois quatre cinq six sept huit neuf dix', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(cut).toBe('un deux trois quatre cinq […]');
  });

  it('never splits a surrogate pair', () => {
    const cut = clip('😀'.repeat(20), 11, '…');
    expect(cut.length).toBeLessThanOrEqual(11);
    expect(cut).toBe('😀'.repeat(5) + '…');
  });
});

describe('citation and speakers', () => {
  it('cites a file and its lines', () => {
    expect(citation('a.md', [3, 7])).toBe('a.md:3-7');
    expect(citation('a.md', [3, 3])).toBe('a.md:3');
  });

  it('pairs speakers with companies only when they match one to one', () => {
    expect(speakerLine(['Ada', 'Alan'], ['Engines', 'NPL'])).toBe('Ada (Engines), Alan (NPL)');
    expect(speakerLine(['Ada', 'Alan'], ['Engines'])).toBe('Ada, Alan (Engines)');
    expect(speakerLine([], ['Etsy'])).toBe('Etsy');
    expect(speakerLine([], [])).toBe('');
  });
});

describe('formatAnswer', () => {
  it('answers in Components V2: a headline, then a container per excerpt with the talk, the verbatim quote and its source', () => {
    const [message, ...rest] = formatAnswer({ question: 'post-mortems chez Etsy ?', abstained: false, excerpts: [etsy] });
    expect(rest).toEqual([]);
    expect(message!.allowedMentions).toEqual({ parse: [] });
    expect(message!.flags).toBe(MessageFlags.IsComponentsV2);
    expect(message!.content).toBeUndefined();
    expect(message!.components).toEqual([
      { type: ComponentType.TextDisplay, content: 'Found 1 excerpt in 1 talk of the notes:' },
      {
        type: ComponentType.Container,
        components: [
          { type: ComponentType.TextDisplay, content: `### ${etsy.talk}\n> ${etsy.quote}` },
          { type: ComponentType.TextDisplay, content: '-# QCon London 2014 · Etsy · 001_34568cbb42ee90fe.txt:20' },
        ],
      },
    ]);
  });

  it('links each quote and the closest talks to their lines when the notes URL is set', () => {
    const notesUrl = 'https://github.com/acme/notes/blob/main';
    const [message] = formatAnswer({ question: 'q', abstained: false, excerpts: [etsy] }, notesUrl);
    const section = flatComponents(message!.components as never).find((c) => c.type === ComponentType.Section)!;
    expect(section.accessory).toMatchObject({ type: ComponentType.Button, style: ButtonStyle.Link, url: 'https://github.com/acme/notes/blob/main/001_34568cbb42ee90fe.txt#L20' });
    expect(section.components![0]!.content).toBe('-# QCon London 2014 · Etsy · 001_34568cbb42ee90fe.txt:20');
    const [silent] = formatAnswer({ question: 'q', abstained: true, excerpts: [], closest: [{ conference: 'C', talk: 'T', file: 'n (1).md', lines: [18, 62] }] }, notesUrl);
    expect(silent!.content).toContain('(C, [n (1).md:18-62](<https://github.com/acme/notes/blob/main/n%20%281%29.md?plain=1#L18-L62>))');
  });

  it('says the notes are silent and names the closest talks', () => {
    const answer: Answer = {
      question: 'Kubernetes ?',
      abstained: true,
      excerpts: [],
      closest: [{ conference: 'QCon London 2014', talk: etsy.talk, file: etsy.file, lines: [18, 62] }],
    };
    const [message] = formatAnswer(answer);
    expect(message!.components).toBeUndefined();
    expect(message!.content).toBe(
      "The notes are silent on this. Closest talk: **How outages shaped Etsy's architecture** (QCon London 2014, 001_34568cbb42ee90fe.txt:18-62).",
    );
    expect(formatAnswer({ ...answer, closest: [] })[0]!.content).toBe('The notes are silent on this.');
  });

  it('splits a huge answer into messages within the limits, every excerpt kept in order and long quotes marked as cut', () => {
    const huge: Excerpt = { ...etsy, quote: 'mot '.repeat(5000), talk: 'T'.repeat(400), speakers: ['S'.repeat(2000)], file: 'f'.repeat(3000) };
    const answer: Answer = { question: 'q', abstained: false, excerpts: Array.from({ length: 14 }, (_, i) => ({ ...huge, conference: `Conf ${i}` })) };
    const messages = formatAnswer(answer, 'https://github.com/acme/notes/blob/main/');
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(expectWithinLimits);
    const containers = messages.flatMap((m) => (m.components as Array<{ type: number; components?: Array<{ content?: string; components?: Array<{ content?: string }> }> }>).filter((c) => c.type === ComponentType.Container));
    expect(containers).toHaveLength(14);
    containers.forEach((container, i) => {
      expect(container.components![0]!.content!.endsWith(CUT_MARKER)).toBe(true);
      expect(JSON.stringify(container)).toContain(`Conf ${i}`);
    });
  });

  it('cannot ping even when the notes contain mentions', () => {
    const [message] = formatAnswer({
      question: 'q',
      abstained: false,
      excerpts: [{ ...etsy, quote: 'Dites-le à @everyone et <@123>, <@&456>.', talk: '@here talk' }],
    });
    expect(allText(message!)).toContain('Dites-le à');
    expect(canPing(allText(message!))).toBe(false);
  });

  it('turns a question problem into a usage message', () => {
    const message = formatQuestionProblem(new ConfnotesError('QUESTION_TOO_LONG', 'The question has 10000 characters'));
    expect(message.content).toContain('The question has 10000 characters.');
    expect(message.content).toContain('/ask question:');
    expect(message.allowedMentions).toEqual({ parse: [] });
  });
});

describe('formatDigest', () => {
  const digest = (talks: number, quoteLength = 100): Digest => ({
    conference: 'QCon London 2014',
    date: '2014-03-05',
    files: ['001_34568cbb42ee90fe.txt'],
    talks: Array.from({ length: talks }, (_, i) => ({
      talk: `Talk ${i + 1}`,
      speakers: ['Speaker'],
      companies: ['Etsy'],
      file: '001_34568cbb42ee90fe.txt',
      lines: [i * 10 + 1, i * 10 + 9],
      highlights: [
        { quote: `@everyone ${'x'.repeat(quoteLength)}`, lines: [i * 10 + 2, i * 10 + 3] },
        { quote: 'Deuxième extrait.', lines: [i * 10 + 5, i * 10 + 5] },
      ],
      empty: false,
    })),
  });

  it('formats a header and one embed per talk with quoted highlights and their lines', () => {
    const [message, ...rest] = formatDigest(digest(1));
    expect(rest).toEqual([]);
    expect(message!.content).toBe('**QCon London 2014** (2014-03-05): 1 talk, from 001_34568cbb42ee90fe.txt');
    expect(message!.embeds![0]!.title).toBe('Talk 1');
    expect(message!.embeds![0]!.description).toContain('> Deuxième extrait.\n— 001_34568cbb42ee90fe.txt:5');
    expect(message!.embeds![0]!.footer).toEqual({ text: '001_34568cbb42ee90fe.txt:1-9' });
    expect(canPing(allText(message!))).toBe(false);
  });

  it('lists an empty talk as having no notes', () => {
    const d = digest(1);
    d.talks[0] = { ...d.talks[0]!, highlights: [], empty: true };
    expect(formatDigest(d)[0]!.embeds![0]!.description).toBe('*(no notes)*');
  });

  it('splits a large digest across messages that each respect the limits, keeping every talk in order', () => {
    const messages = formatDigest(digest(37, 3000));
    expect(messages.length).toBeGreaterThan(4);
    messages.forEach(expectWithinLimits);
    expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
    expect(messages.flatMap((m) => (m.embeds ?? []).map((e) => e.title))).toEqual(Array.from({ length: 37 }, (_, i) => `Talk ${i + 1}`));
    // Each highlight is cut on its own, so the second one and its citation survive a huge first one.
    expect(messages[0]!.embeds![0]!.description).toContain('— 001_34568cbb42ee90fe.txt:5');
  });

  it('packs embeds greedily by count and total length', () => {
    const small: APIEmbed = { title: 't', description: 'd' };
    expect(packEmbeds(Array(23).fill(small)).map((m) => m.length)).toEqual([10, 10, 3]);
    const big: APIEmbed = { description: 'x'.repeat(4000) };
    expect(packEmbeds([big, big, big]).map((m) => m.length)).toEqual([1, 1, 1]);
  });

  it('helps when the conference is not found', () => {
    const names = Array.from({ length: 20 }, (_, i) => `Conf ${i}`);
    const message = formatConferenceNotFound('No conference matches "devoxx"', names);
    expect(message.content).toContain('No conference matches "devoxx".');
    expect(message.content).toContain('• Conf 0');
    expect(message.content).toContain('…and 5 more.');
    expect(formatConferenceNotFound('No conference matches "x"', []).content).toContain('No conference notes are indexed yet');
  });
});

describe('matchConferences', () => {
  const names = ['QCon London 2014', 'Devoxx France 2015', 'Mix-IT 2016', 'Web Conférence Lyon', 'London JS'];

  it('puts prefix matches first, then word starts, then substrings, ignoring case and accents', () => {
    expect(matchConferences(names, 'lon').map((c) => c.name)).toEqual(['QCon London 2014', 'London JS'].reverse());
    expect(matchConferences(names, 'confe').map((c) => c.name)).toEqual(['Web Conférence Lyon']);
    expect(matchConferences(names, 'on').map((c) => c.name)).toEqual(['QCon London 2014', 'Web Conférence Lyon', 'London JS']);
    expect(matchConferences(names, '').length).toBe(5);
  });

  it('offers at most 25 choices with names and values of at most 100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Conf ${i} ${'z'.repeat(150)}`);
    const choices = matchConferences(many, 'conf');
    expect(choices.length).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});
