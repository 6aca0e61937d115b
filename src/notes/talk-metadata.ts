// Talk title, speakers and companies from a talk heading and the lines right under it.
// Notes write the same facts in many ways: "Title - Speaker", "Speaker: Title", "Title par Speaker",
// "Title, [@handle](…)", "### Speaker" / "#### Company" sub-headings, a bold link line, or
// "Name, employé Company, nous a parlé…" in the first sentence.
import { companyOfRole, isOrganisation, isPersonName, isRole, mergePeople, nobody, opensOnGivenName, parsePeople, peopleOfEach, stripHonorific, WITH_PARENS, type People } from './names.js';
import { plainText } from './prose.js';

/** Which side of "A - B" holds the speakers in this file; voted over the unambiguous headings. */
export type Orientation = 'title-first' | 'speaker-first';

export interface HeadingInfo extends People {
  title: string;
  /** Set when the heading alone shows which side names the speakers. */
  orientation?: Orientation;
}

// "Title - Speaker", and "Title | Speaker" as some notes write it.
const DASH = /\s+[-–—]\s*|\s*[-–—]\s+|\s+\|\s+/;
// The slot's number, not the title: "Talk 4:", "Conférence 2 :", "3ème conférence :", "2nd talk -".
const TALK_NOUN = String.raw`(?:talk|conf[ée]rence|session|pr[ée]sentation)`;
const TALK_NUMBER = new RegExp(String.raw`^(?:${TALK_NOUN}\s*\d+|\d+\s*(?:e|ème|ère|er|st|nd|rd|th)\s+${TALK_NOUN})\s*[:.)-]\s*`, 'iu');
const KEYNOTE_SPEAKER = /^(.*\bkeynote)\s*[:\-–—]\s*(.+)$/i;
const TRAILING_LINK = /,\s*\[([^\]]+)\]\([^)]*\)\s*$/;
const SPEAKER_LABEL = /^(?:par|by)\s+/i;

// The slot a programme gives the talk ("10:45 - 11:30", "14h00 –", "9h – 9h45"): when, not what. An hour
// without minutes is a slot only as a range: "2h pour comprendre…" is a title.
const TIME_SLOT = /^(?:\d{1,2}[:hH]\d{2}(?:\s*[-–—]\s*\d{1,2}[:hH]\d{2})?|\d{1,2}[hH]\d{0,2}\s*[-–—à]\s*\d{1,2}[hH]\d{0,2})\s*[-–—:|]?\s+(?=\S)/u;

export function cleanTitle(title: string): string {
  return title
    .replace(TIME_SLOT, '')
    .replace(/\{[^{}]*\}/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .replace(/^["“«]\s*(.*?)\s*["”»]$/, '$1')
    .trim();
}

// "Title by Speaker", "Titre par Speaker": the last "by" introduces the speakers ("Shaped by hand by Jeanne Levain").
const BYLINE = /^(.+?)\s+(?:par|by)\s+((?:(?!\s(?:par|by)\s).)+)$/i;

/** "@jlevain": a speaker known by her handle. */
const handle = (text: string): People | undefined => (/^@\w+$/.test(text.trim()) ? { speakers: [text.trim()], companies: [] } : undefined);

/**
 * Who a byline names: a handle, a list of people, or a name followed by the person's role with nothing
 * between ("par Jeanne Levain Head Baker chez Fournil"): after "par", the words up to the role are her name.
 */
function bylinePeople(text: string): People | undefined {
  const listed = handle(text) ?? parsePeople(text);
  if (listed) return listed;
  const tokens = text.trim().split(/\s+/);
  for (let cut = 2; cut <= 4 && cut < tokens.length; cut++) {
    const name = tokens.slice(0, cut).join(' ');
    const role = tokens.slice(cut).join(' ');
    if (isPersonName(name) && isRole(role)) {
      const company = companyOfRole(role);
      return { speakers: [stripHonorific(name)], companies: company ? [company] : [] };
    }
  }
  return undefined;
}

/** `Title, [@speaker](…)` and `Title, [Org](…)` tails: a handle is a speaker, anything else an organisation. */
function takeLinkTails(source: string, plain: string): { plain: string; people: People } {
  const people = nobody();
  let rest = source;
  let text = plain;
  for (let tail = TRAILING_LINK.exec(rest); tail; tail = TRAILING_LINK.exec(rest)) {
    const label = tail[1]!.trim();
    if (label.startsWith('@')) people.speakers.unshift(label);
    else people.companies.unshift(label);
    rest = rest.slice(0, tail.index);
    const at = text.lastIndexOf(label);
    if (at >= 0) text = text.slice(0, at).replace(/,\s*$/, '');
  }
  return { plain: text, people };
}

/**
 * Reads a talk heading. `source` is the heading's inline Markdown, `plain` its text; `orientation`
 * settles "A - B" when both sides could be names ("Open Source - Janet Kuo").
 */
export function parseTalkHeading(source: string, plain: string, orientation: Orientation = 'title-first'): HeadingInfo {
  const tails = takeLinkTails(source, plain);
  let text = cleanTitle(tails.plain);
  const numbered = TALK_NUMBER.test(text);
  text = text.replace(TALK_NUMBER, '');
  const found = (title: string, people: People, side?: Orientation): HeadingInfo => ({
    title: cleanTitle(title) || text,
    ...mergePeople(people, tails.people),
    ...(side ? { orientation: side } : {}),
  });

  // "Smart Services: Microservices, Frank Stratton" once the organisation link is gone.
  const commaName = /^(.+),\s*([^,]+)$/.exec(text);
  const byComma = commaName && isPersonName(commaName[2]!) && { title: commaName[1]!, speakers: [commaName[2]!.trim()], companies: [] };
  if (byComma && tails.people.companies.length + tails.people.speakers.length > 0) return found(byComma.title, byComma);
  // "Friday Keynote: Catherine Bracy, [Code for America](…)": the organisation link vouches for the name
  // ("Keynote: Full-Stack Python" looks like a name too).
  const keynote = KEYNOTE_SPEAKER.exec(text);
  if (keynote && tails.people.companies.length > 0 && parsePeople(keynote[2]!)) return found(text, parsePeople(keynote[2]!)!);

  // "Rye Baking - The Hard Parts by Jeanne Levain": the byline names the speaker, whatever the dash
  // splits ("Rye Baking" looks as much like a name). A given name vouches for it.
  const byline = BYLINE.exec(text);
  const byPeople = byline ? bylinePeople(byline[2]!) : undefined;
  if (byline && byPeople && opensOnGivenName(byPeople.speakers[0]!) && !DASH.test(byline[2]!)) {
    return found(byline[1]!.replace(/\s*[-–—|:]$/u, ''), byPeople);
  }

  const parts = text.split(DASH).map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2) {
    const left = parts[0]!;
    const rightRest = parts.slice(1).join(' - ');
    if (isRole(rightRest) && parsePeople(left)) {
      const company = companyOfRole(rightRest);
      return found(text, mergePeople(parsePeople(left)!, { speakers: [], companies: company ? [company] : [] }));
    }
    const right = parts.at(-1)!.replace(SPEAKER_LABEL, '');
    const titleFirst = personWithRole(right) ?? handle(right) ?? parsePeople(right);
    const speakerFirst = parsePeople(left);
    const titleOfTitleFirst = text.slice(0, text.lastIndexOf(parts.at(-1)!)).replace(/\s*[-–—|]\s*$/, '');
    if (titleFirst && (!speakerFirst || orientation === 'title-first')) {
      return found(titleOfTitleFirst, titleFirst, speakerFirst ? undefined : 'title-first');
    }
    if (speakerFirst) return found(rightRest, speakerFirst, titleFirst ? undefined : 'speaker-first');
  }
  // "Proofing at scale (Jeanne Levain, Fournil)": the speakers in parentheses after the title, labelled
  // ("(par …)") or opening on a given name, as a room or a part ("(Salle Bleue)", "(Part Two)") does not.
  // After the dash forms, whose speaker may carry a company in parentheses ("Title - Name (Company)").
  const [, before, parenthesised] = WITH_PARENS.exec(text) ?? [];
  if (before && parenthesised !== undefined) {
    const labelled = SPEAKER_LABEL.test(parenthesised);
    const people = parsePeople(parenthesised.replace(SPEAKER_LABEL, ''));
    if (people && (labelled || opensOnGivenName(people.speakers[0]!))) return found(before, people);
  }
  // "Jeanne Levain, Fournil": a section titled by its speaker and her company; "Rye at scale, Jeanne Levain".
  // Without a link to vouch for them, a given name does.
  const whole = parsePeople(text);
  if (whole && whole.companies.length > 0 && opensOnGivenName(whole.speakers[0]!)) return found(text, whole);
  if (byComma && opensOnGivenName(byComma.speakers[0]!)) return found(byComma.title, byComma);
  // "Speaker: Title" only where the file puts speakers first, or a given name opens it: "Landing Zone:
  // Missteps" is a title, "Jeanne Levain : Le levain pas à pas" a speaker's. "Title : Speaker" likewise
  // ("Keynote : Jeanne Levain").
  const colon = /^([^:]+):\s+(.+)$/.exec(text);
  const colonPeople = colon && parsePeople(colon[1]!);
  if (colonPeople && (numbered || orientation === 'speaker-first' || opensOnGivenName(colonPeople.speakers[0]!))) return found(colon[2]!, colonPeople);
  const afterColon = colon && parsePeople(colon[2]!);
  if (afterColon && opensOnGivenName(afterColon.speakers[0]!)) return found(colon[1]!, afterColon);
  if (byline && byPeople) return found(byline[1]!, byPeople);
  // "Talk 4: Vijay Pandey": the program names the slot by its speaker. A bare name elsewhere may be
  // the note's author (one section per attendee), so it is not taken as a speaker.
  if (numbered && parsePeople(text)) return found(text, parsePeople(text)!);
  return found(text, nobody());
}

/** What the first lines of a talk say about its speakers, and how many leading blocks they take. */
export interface SpeakerHeader extends People {
  /** Leading body blocks that are speaker, role, company or format lines, not notes. */
  blocks: number;
}

export interface LeadBlock {
  kind: string;
  /** Markdown source of the block, lines joined with `\n`. */
  source: string;
}

// The label may mark its plural or feminine in parentheses, as a form's fields do ("Speaker(s) :").
const LABEL = /^(?:speakers?|speakerines?|speacker|intervenant(?:e|s)?|orateur|oratrice|oratrices|présenté par|presented by)(?:\(\p{L}+\))*\s*:\s*(.*)$/iu;
// A field of the talk's programme entry, its label in bold ("**Salle :** 251", "**Room**: B", "**Slides :** [link](…)").
const FIELD = /^\s*(\*\*|__)[^*_\n]{1,30}?(?::\s*\1|\1\s*:)[ \t]*\S[^\n]*$/u;
const EMPHASIS_ONLY = /^\s*([*_]{1,2})[^*_]+\1\s*$/;
const LINK_OR_BOLD_ONLY = /^\s*(?:\*\*|__)?\s*\[[^\]]+\]\([^)]*\)\s*(?:\*\*|__)?\s*$|^\s*(\*\*|__)[^*_]+\1\s*$/;

// "Conférence présentée par Jeanne Levain", "Cette session était animée par …", "Talk given by Paul Fournier":
// a line saying who gave the talk.
const GIVEN_BY = /^(?:\p{L}+\s+){0,3}(?:présentée?s?|presented|given|animée?s?|hosted)\s+(?:par|by)\s+(.+)$/iu;
// The dashes some notes set a byline off with ("-- by Jeanne Levain").
const LEAD_DASHES = /^[-–—]+\s*/u;

/**
 * The names after a speaker label ("Speaker: …", "Intervenant :" over a list), or after "by" / "par" or a
 * line saying who gave the talk when names follow ("by [Jeanne Levain](…)"): "Par ailleurs, …" opens notes.
 */
function labelledNames(line: string): string | undefined {
  const label = LABEL.exec(line);
  if (label) return label[1]!;
  const byline = line.replace(LEAD_DASHES, '');
  const by = SPEAKER_LABEL.test(byline) ? byline.replace(SPEAKER_LABEL, '') : GIVEN_BY.exec(line)?.[1];
  return by !== undefined && (headingPerson(by) ?? bylinePeople(by)) ? by : undefined;
}

/** A list item's or a line's text without its list mark. */
const listEntry = (line: string): string => plainText(line.replace(/^\s*[-*+]\s*/, ''));

/** Sub-headings and lead lines: `### Name` / `#### Role` / `#### Company`, `**[Name](…)**`, `Intervenant : Name`. */
export function speakerHeader(blocks: LeadBlock[]): SpeakerHeader {
  let people = nobody();
  let used = 0;
  for (const [i, block] of blocks.entries()) {
    const plain = plainText(block.source.replace(/^#+\s*/, ''));
    if (block.kind === 'heading') {
      const named = people.speakers.length === 0 ? headingPerson(plain) : undefined;
      if (named) people = mergePeople(people, named);
      else if (plain === '' || isRole(plain)) { /* link line or role line: part of the header, no fact */ }
      else if (people.speakers.length > 0 && isOrganisation(plain)) people = mergePeople(people, { speakers: [], companies: [plain] });
      else break;
      used = i + 1;
      continue;
    }
    if (block.kind === 'blockquote' && i === used && people.speakers.length === 0) {
      const byline = quotedByline(block.source);
      if (byline) people = mergePeople(people, byline.people);
      if (byline?.whole) used = i + 1;
      break;
    }
    if (block.kind !== 'paragraph' && block.kind !== 'list') break;
    // The label is read on the block's first line: "* speaker: Name" may open the list of the talk's notes.
    const [firstLine, ...rest] = block.source.split('\n');
    const label = labelledNames(listEntry(firstLine!));
    if (label !== undefined) {
      // "Intervenant :" followed by a list of names, or "Speaker: Name" on one line.
      const listFollows = label === '' && rest.length === 0 && blocks[i + 1]?.kind === 'list';
      const entries = listFollows ? blocks[i + 1]!.source.split('\n').map(listEntry) : [label];
      // An entry reads as a person heading does: "Name (role, company)" names the person before the parentheses.
      for (const entry of entries) people = mergePeople(people, headingPerson(entry) ?? bylinePeople(entry) ?? nobody());
      // Lines under the label's own are the notes, not the header.
      if (rest.length === 0) used = i + (listFollows ? 2 : 1);
      break;
    }
    const oneLine = !block.source.includes('\n');
    // The room, the programme's link, the format: header lines the speakers' line may follow.
    if (block.kind === 'paragraph' && oneLine && FIELD.test(block.source) && i === used) {
      used = i + 1;
      continue;
    }
    // An emphasised lead line is a format line ("_Conférence 45 minutes_") or the speaker's byline
    // ("_[Alicia Collymore](…)_", "*par Julie Quilé*"); either way it is header, not notes.
    if (block.kind === 'paragraph' && oneLine && EMPHASIS_ONLY.test(block.source) && !LINK_OR_BOLD_ONLY.test(block.source) && i === used) {
      const byline = people.speakers.length === 0 ? parsePeople(plain.replace(SPEAKER_LABEL, '')) : undefined;
      if (byline) people = mergePeople(people, byline);
      used = i + 1;
      continue;
    }
    if (people.speakers.length === 0 && block.kind === 'paragraph') {
      const line = nameLinePeople(block.source, plain);
      if (line) {
        people = mergePeople(people, line);
        used = i + 1;
      } else {
        people = mergePeople(people, openingSentencePeople(plain) ?? nobody()); // the sentence stays notes, not header
      }
    }
    break;
  }
  return { ...people, blocks: used };
}

/**
 * A byline set as a quote under the talk's heading: "> Par Jeanne Levain", or "> Jeanne Levain" over a
 * link line, alone or over the talk's notes quoted with it. Its lines up to the first blank or nested one
 * name the speakers when each is a person or only a link; `whole` when the quote holds nothing else.
 */
function quotedByline(source: string): { people: People; whole: boolean } | undefined {
  const quoted = source.split('\n').map((line) => line.replace(/^\s*>[ \t]?/, ''));
  const end = quoted.findIndex((line) => line.trim() === '' || line.startsWith('>'));
  const named = quoted.slice(0, end < 0 ? quoted.length : end).filter((line) => !LINK_OR_BOLD_ONLY.test(line));
  const people = peopleOfEach(named.map((line) => plainText(line).replace(SPEAKER_LABEL, '')));
  return people && { people, whole: end < 0 };
}

/** `### Daniel Larsen`, `### Kolton Andrus (Chaos Engineer …)`, `#### Rick Houlihan - Principal Technologist, NoSQL`. */
export function headingPerson(plain: string): People | undefined {
  const parens = WITH_PARENS.exec(plain);
  if (parens && isPersonName(parens[1]!)) {
    const company = isRole(parens[2]!) ? companyOfRole(parens[2]!) : isOrganisation(parens[2]!) ? parens[2]! : undefined;
    return { speakers: [stripHonorific(parens[1]!)], companies: company ? [company] : [] };
  }
  const withRole = personWithRole(plain);
  if (withRole) return withRole;
  const people = parsePeople(plain);
  return people && people.companies.length === 0 ? people : undefined;
}

const NAME_THEN_ROLE = new RegExp(`^(.+?)(?:${DASH.source}|\\s*,\\s*)(.+)$`, 'u');

/** "Rick Houlihan - Principal Technologist, NoSQL", "Jane Smith, Lead developer at Acme": a name, then the person's role. */
function personWithRole(plain: string): People | undefined {
  const [, name, role] = NAME_THEN_ROLE.exec(plain) ?? [];
  if (name === undefined || role === undefined || !isPersonName(name) || !isRole(role)) return undefined;
  const company = companyOfRole(role);
  return { speakers: [stripHonorific(name)], companies: company ? [company] : [] };
}

/**
 * A lead paragraph that is only a name: `**[Olivier HAMANT](…)**`, or a plain "Name, Company" line with a
 * handle (`Brendan Burns, Microsoft Azure` / `@brendandburns`). A plain line with a bare name is too easily
 * a sentence fragment, so it needs a company, a handle or given names.
 */
function nameLinePeople(source: string, plain: string): People | undefined {
  const lines = source.split('\n');
  if (lines.every((line) => LINK_OR_BOLD_ONLY.test(line))) {
    return peopleOfEach(lines.map((line) => plainText(line)));
  }
  if (source.split('\n').length > 3 || plain.split(/\s+/).length > 10) return undefined;
  const people = parsePeople(plain);
  return people && (people.companies.length > 0 || /(^|\s)@\w/.test(plain) || people.speakers.every(opensOnGivenName)) ? people : undefined;
}

const SPEECH_VERB =
  /\b(?:nous\s+(?:a|ont)\s+(?:fait|parlé|présenté|expliqué|montré|raconté)|a\s+(?:parlé|présenté|expliqué|montré)|nous\s+(?:présente|parle|explique|montre|raconte)(?:nt)?|(?:est|sont)\s+venue?s?\s+nous\s+(?:présenter|parler|expliquer|montrer|raconter)|talk(?:s|ed)|spoke|speaks|presents|presented|explains|explained|shows|showed|gave|gives|opened|introduced|shared|discussed|walked)(?![\p{L}])/iu;
const NAME_AT_START = /^((?:\p{Lu}[\p{L}'’-]*\.?\s+){1,3}\p{Lu}[\p{L}'’-]*)\s*(?:\([^()]*\))?\s*/u;
const APPOSITIVE_COMPANY =
  /^(?:employée?|ingénieure?|développeu(?:r|se)|engineer|developer)?\s*(?:de chez|chez|at|@|de|from|of)?\s*(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*)?)$/u;

/**
 * "Robert Kennedy, employé Google, nous a fait…" → Robert Kennedy, Google. Only a full name opening
 * the paragraph, then at most an appositive between commas, then a speech verb.
 */
export function openingSentencePeople(plain: string): People | undefined {
  const name = NAME_AT_START.exec(plain);
  if (!name || !isPersonName(name[1]!)) return undefined;
  const rest = plain.slice(name[0].length, name[0].length + 100);
  const verb = SPEECH_VERB.exec(rest);
  if (!verb) return undefined;
  const between = rest.slice(0, verb.index).trim();
  if (between !== '' && !/^,[^.;:!?]*$/.test(between)) return undefined;
  const appositive = between.replace(/^,\s*/, '').replace(/,$/, '').trim();
  const company = appositive === '' ? undefined : APPOSITIVE_COMPANY.exec(appositive)?.[1];
  return { speakers: [stripHonorific(name[1]!)], companies: company ? [company] : [] };
}
