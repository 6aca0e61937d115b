// One notes file → its conference, talks and passages. Pure: the text comes in, the structure goes out.
import { chunkTalk, headerPassage, splitLines, type PassageMeta } from '../chunks/chunk-talk.js';
import { toChunkBlocks } from '../chunks/blocks.js';
import { defaultCutOptions, type CutOptions } from '../chunks/cut-ranges.js';
import type { Language, LineRange, NoteSource, ParsedNote, Passage, Talk } from '../types.js';
import { classifySections, namesNoteSection, namesPartOfEvent, type Unit } from './classify-sections.js';
import { conferenceName, eventInPath, eventNamedIn, isOpaqueName, namesNoEvent, noteDate, titleFromPath } from './conference.js';
import { readFrontMatter } from './front-matter.js';
import { isClearly, languageFromTag, languageOf, scoreLanguage } from './language.js';
import { parseMarkdown, splitBlocksAt, type MdBlock, type MdHeading } from './markdown.js';
import { isRestructuredText, restructuredTextAsMarkdown } from './restructured-text.js';
import { asciiDocAsMarkdown, isAsciiDoc } from './asciidoc.js';
import { plainText } from './prose.js';
import type { People } from './names.js';
import { buildSections, levelRepeatedHeadings, nestSpeakerHeadings, type Section } from './sections.js';
import { cleanTitle, parseTalkHeading, speakerHeader, type LeadBlock, type Orientation, type SpeakerHeader } from './talk-metadata.js';

/** A parsed note with its full title ("QCon London 2014, day One") next to the conference name. */
export interface ParsedNoteDetail extends ParsedNote {
  title: string;
}

/**
 * A note's opening often states its event in a few words, a date and a place under the title ("July
 * 15-18", "Portland, OR"): there two words make a passage, where a talk's notes need more to say something.
 */
const OPENING_CUT: CutOptions = { ...defaultCutOptions, minProseWords: 2 };

/** How many blocks under a heading can hold speaker, role and company lines. */
const LEAD_BLOCKS = 5;

/** What the Markdown parser reads of a note: reStructuredText and AsciiDoc notes rewritten line for line. */
const asMarkdown = ({ file, text }: NoteSource): string =>
  isRestructuredText(file) ? restructuredTextAsMarkdown(text) : isAsciiDoc(file) ? asciiDocAsMarkdown(text) : text;

export function parseNote(source: NoteSource): ParsedNoteDetail {
  const lines = splitLines(source.text);
  const frontMatter = readFrontMatter(lines);
  const bodyStart = frontMatter.lineCount + 1;
  const outline = parseMarkdown(asMarkdown(source));
  // Bare `key: value` metadata is a paragraph to the Markdown parser: drop what lies inside front matter.
  const inBody = (h: MdHeading): boolean => h.line >= bodyStart;
  const written = outline.headings.filter(inBody);
  // A bold line opening the note stands for its `#` title, unless the front matter titles the note or
  // the line names a section of it ("**Introduction**"): then it is a section like the bold lines after it.
  const bold = outline.boldHeadings
    .filter(inBody)
    .map((h) => (h.depth === 1 && (frontMatter.title !== undefined || namesNoteSection(h.text)) ? { ...h, depth: 2 } : h));
  // Without headings the parser reads, lines written as headings before CommonMark (`##Title`) are the
  // note's headings; else bold lines. One such line divides nothing: alone, a bold line is as often a
  // lead-in ("**Takeaways:**") as a title, a `#` line a hashtag.
  const unspaced = outline.unspacedHeadings.filter(inBody);
  // Among CommonMark headings, one written without its space ("##Title" between "## Title"s) is a slip, at
  // a level they use below the top: there a `#hashtag` is no heading.
  const levels = new Set(written.map((h) => h.depth));
  const slipped = unspaced.filter((h) => h.depth > 1 && levels.has(h.depth));
  const outlined =
    written.length > 0 ? [...written, ...slipped].sort((a, b) => a.line - b.line) : unspaced.length > 1 ? unspaced : bold.length > 1 ? bold : [];
  const headings = nestSpeakerHeadings(levelRepeatedHeadings(outlined), lines);
  const blocks = splitBlocksAt(outline.blocks.filter((b) => b.start >= bodyStart), headings);
  const text = ([start, end]: LineRange): string => lines.slice(start - 1, end).join('\n');
  const leadOf = (range: LineRange, heading: MdHeading | undefined): SpeakerHeader =>
    speakerHeader(leadBlocks(blocks, range, heading, text));

  const { units, titleHeading } = classifySections(buildSections(headings, lines.length), {
    text,
    leadPeople: (section: Section) => leadOf(section.lines, section.heading),
    orientation: voteOrientation(headings),
  });
  const preambleEnd = (headings[0]?.line ?? lines.length + 1) - 1;
  if (blocks.some((b) => b.start <= preambleEnd)) units.unshift({ kind: 'other', lines: [bodyStart, preambleEnd] });

  const title = cleanTitle(frontMatter.title ?? titleHeading?.text ?? untitledNoteTitle(source.file, text([bodyStart, lines.length])));
  const date = noteDate(frontMatter.date, frontMatter.title ?? titleHeading?.text, source.file);
  // A note titled as a part of an event ("# Day 1", "# Lightning talks") or as notes ("# Notes") is of the
  // event its path names ("kubecon-2018/day-1.md", "kubecon-2018-day-1.md"): its title names none.
  const namesNone = namesNoEvent(title) || namesPartOfEvent(conferenceName(title));
  const place = namesNone ? eventInPath(source.file, namesPartOfEvent) : undefined;
  const conference = conferenceName(place ?? title, date?.slice(0, 4));
  const language = languageFromTag(frontMatter.lang) ?? languageOf(scoreLanguage(text([bodyStart, lines.length])), 'en');

  const talks: Talk[] = [];
  const passages: Passage[] = [];
  for (const unit of units) {
    const lead = unit.kind === 'talk' ? leadOf(unit.lines, unit.heading) : undefined;
    const { title: talk, ...people } = identityOf(unit, lead, title);
    const meta: PassageMeta = {
      talkId: `${source.file}#${unit.lines[0]}`,
      conference,
      ...(date ? { date } : {}),
      talk,
      ...people,
      language: unitLanguage(text(unit.lines), language),
      file: source.file,
    };
    const sticky = (unit.heading ? 1 : 0) + (lead?.blocks ?? 0);
    const chunkBlocks = toChunkBlocks(blocks, lines, unit.lines, sticky);
    const opening = unit === units[0] && unit.kind === 'other' && units.length > 1;
    const own = chunkTalk(meta, chunkBlocks, lines, opening ? OPENING_CUT : defaultCutOptions);
    passages.push(...(own.length === 0 && unit.kind === 'talk' ? headerPassage(meta, chunkBlocks, lines) : own));
    if (unit.kind === 'talk') {
      const { talkId, ...fields } = meta;
      talks.push({ id: talkId, ...fields, lines: unit.lines, empty: own.length === 0 });
    }
  }
  return {
    file: source.file,
    hash: source.hash,
    encoding: source.encoding,
    title,
    conference,
    ...(date ? { date } : {}),
    tags: frontMatter.tags,
    language,
    talks,
    passages,
    warnings: frontMatter.warnings,
  };
}

/** Blocks right under a heading (the heading itself excluded), as Markdown, for speaker detection. */
function leadBlocks(blocks: MdBlock[], range: LineRange, heading: MdHeading | undefined, text: (r: LineRange) => string): LeadBlock[] {
  return blocks
    .filter((b) => b.start > (heading?.endLine ?? range[0] - 1) && b.start <= range[1])
    .slice(0, LEAD_BLOCKS)
    .map((b) => ({ kind: b.kind, source: text([b.start, Math.min(b.end, range[1])]) }));
}

/**
 * Speakers from the heading win; the lines under it add companies, or speakers when the heading names
 * none. When they name different people, the heading was misread ("Managing Complexity - Functionality"
 * over `### Ryan Trinkle`): the lines under it are the explicit statement, and the heading is the title.
 */
function identityOf(unit: Unit, lead: SpeakerHeader | undefined, fallbackTitle: string): People & { title: string } {
  const title = unit.info?.title ?? (unit.heading ? cleanTitle(unit.heading.text) : fallbackTitle);
  const fromHeading: People = unit.info ?? { speakers: [], companies: [] };
  if (!lead || lead.speakers.length === 0) return { title, speakers: fromHeading.speakers, companies: [...new Set([...fromHeading.companies, ...(lead?.companies ?? [])])] };
  if (fromHeading.speakers.length === 0) return { title, speakers: lead.speakers, companies: [...new Set([...fromHeading.companies, ...lead.companies])] };
  if (lead.speakers.some((s) => fromHeading.speakers.includes(s))) {
    return { title, speakers: fromHeading.speakers, companies: [...new Set([...fromHeading.companies, ...lead.companies])] };
  }
  return { title: cleanTitle(unit.heading!.text), speakers: lead.speakers, companies: lead.companies };
}

/** The file's language unless the unit is clearly written in the other one. */
function unitLanguage(markdown: string, fileLanguage: Language): Language {
  const other: Language = fileLanguage === 'fr' ? 'en' : 'fr';
  return isClearly(scoreLanguage(markdown), other) ? other : fileLanguage;
}

/** Files are consistent: "Title - Speaker" or "Speaker - Title"; unambiguous headings decide for the others. */
function voteOrientation(headings: MdHeading[]): Orientation {
  const votes: Array<Orientation | undefined> = headings.map((h) => parseTalkHeading(h.source, h.text).orientation);
  const count = (side: Orientation): number => votes.filter((v) => v === side).length;
  return count('speaker-first') > count('title-first') ? 'speaker-first' : 'title-first';
}

/** How much of an untitled note's opening is read for the event it names. */
const OPENING_CHARS = 1000;

/** An untitled note is named by its path, or, when the path names nothing, by the event its opening names. */
function untitledNoteTitle(file: string, body: string): string {
  const fromPath = titleFromPath(file);
  return (isOpaqueName(fromPath) ? eventNamedIn(plainText(body.slice(0, OPENING_CHARS))) : undefined) ?? fromPath;
}
