// Which sections are talks. Notes put talks at different levels (`#`, `##` under a title, `###` under
// day headings, both in one file) and mix in sections that are not talks: introductions, tables of
// contents, day headers, photo galleries, conclusions. Non-talk sections are still read: their prose
// often answers questions (an introduction that sums up the conference), so they become "other"
// units whose passages are attributed to the conference with the section heading as talk name, but
// they are not listed as talks in digests.
import type { LineRange } from '../types.js';
import type { MdHeading } from './markdown.js';
import type { People } from './names.js';
import { proseWordCount } from './prose.js';
import { ownBody, type Section } from './sections.js';
import { headingPerson, parseTalkHeading, type HeadingInfo, type Orientation } from './talk-metadata.js';
import { WEEKDAY_NAMES } from '../text/calendar-words.js';
import { foldAccents, snowballStopwords, words } from '../text/analyze.js';
import documentSectionNames from './document-sections.json' with { type: 'json' };

export interface Unit {
  kind: 'talk' | 'other';
  /** A talk's whole section (sub-sections included); an other unit's heading and own body. */
  lines: LineRange;
  /** Absent for the text before the first heading. */
  heading?: MdHeading;
  /** Title and people read from a talk's heading. */
  info?: HeadingInfo;
}

export interface SectionContext {
  /** Markdown source of a line range. */
  text(range: LineRange): string;
  /** People named in the first lines under a heading (sub-headings, bold name line, opening sentence). */
  leadPeople(section: Section): People;
  orientation: Orientation;
}

export interface Classified {
  units: Unit[];
  /** The document's title heading (`# QCon notes 2014`), when the file has one. */
  titleHeading?: MdHeading;
}

const wordsIn = (title: string): number => title.split(/\s+/).filter(Boolean).length;
const isShort = (title: string): boolean => wordsIn(title) <= 5;

// A heading naming one of the sections a publication has around its body ("Conclusion", "En
// introduction", "Acknowledgments"), in DPUB-ARIA's vocabulary (scripts/document-sections.mjs), heads a
// section about the notes. Named with its object ("Introduction to Kubernetes") it is a talk's title.
const documentSections: ReadonlySet<string> = new Set(documentSectionNames.sections);
function namesDocumentSection(title: string): boolean {
  const tokens = words(title);
  const at = tokens.findIndex((token) => !snowballStopwords.has(foldAccents(token)));
  const name = foldAccents(tokens[at] ?? '');
  return (documentSections.has(name) || documentSections.has(name.replace(/s$/u, ''))) && !['to', 'à'].includes(tokens[at + 1] ?? '');
}

const EVENT_WORD = /(?<![\p{L}])(?:conf[ée]rences?|event|événement|venue|lieu|c['’]est (?:quoi|où))(?![\p{L}])/iu;
const WEEKDAY = `(?:${WEEKDAY_NAMES})`;
const DAY_START = new RegExp(`^(?:(?:le|la|the)\\s+)?(?:journée\\s+du\\s+|first\\s+|second\\s+|final\\s+|last\\s+)?(?:${WEEKDAY}|day|jour)\\b`, 'i');
const DAY_WORD = new RegExp(`\\b(?:${WEEKDAY}|day|jour|journée)\\b`, 'i');
const TALK_LIST = /\b(?:talks|conférences|conferences|sessions|presentations|présentations)\b/i;
const TALK_MARK = /^(?:talk\s*\d+|keynote|session|lightning)\b|\bkeynote$|^[A-Z]{2,5}\d{2,4}\b/i;
const SESSION_CODE = /^[A-Z]{2,5}\d{2,4}\b/;
const DOC_TITLE = /(?<!\d)(?:19|20)\d{2}(?!\d)|\b(?:notes?|wrap[- ]?up|trip|retour|recap|report|feedback|compte[- ]rendu|édition|edition)\b/i;

/** "Talks", "Les conférences", "Visited talks": a list of talks, not one ("Lightning talks" is one session). */
const isTalkList = (title: string): boolean => isShort(title) && TALK_LIST.test(title) && !/lightning/i.test(title);
/**
 * Introductions, conclusions, "about the venue": sections about the notes or the event, not a talk. "Les
 * conférences" names the talks, the word's other sense: a list of them, not the event.
 */
export const namesNoteSection = (title: string): boolean => namesDocumentSection(title) || (isShort(title) && EVENT_WORD.test(title) && !isTalkList(title));
// "Google Developer Day", "Bakers' Day": a capitalised day word after a capitalised word names an event,
// unless a number says which day it is ("Keynotes Day 2").
const NAMED_DAY = /\p{Lu}[\p{L}'’-]*\s+(?:Day|Jour|Journée)\b(?!\s*\d)/u;
const isDay = (title: string): boolean => DAY_START.test(title) || (isShort(title) && DAY_WORD.test(title) && !NAMED_DAY.test(title));
/** "Day 1", "Jeudi", "Ignite Sessions", "Lightning talks", "DAT401 - …": a part of an event, which names no event. */
export const namesPartOfEvent = (title: string): boolean => isDay(title) || isTalkList(title) || TALK_MARK.test(title);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function classifySections(roots: Section[], ctx: SectionContext): Classified {
  const units: Unit[] = [];
  const info = (section: Section): HeadingInfo => parseTalkHeading(section.heading.source, section.heading.text, ctx.orientation);
  const isTalkLike = (section: Section): boolean => TALK_MARK.test(section.heading.text) || info(section).speakers.length > 0;
  const proseOf = (range: LineRange | undefined): number => (range ? proseWordCount(ctx.text(range)) : 0);

  const other = (section: Section, range: LineRange = section.lines): void => {
    units.push({ kind: 'other', lines: range, heading: section.heading });
  };
  const talk = (section: Section): void => {
    units.push({ kind: 'talk', lines: section.lines, heading: section.heading, info: info(section) });
  };
  const container = (section: Section, mode: 'talk' | 'other'): void => {
    other(section, [section.lines[0], (section.children[0]?.lines[0] ?? section.lines[1] + 1) - 1]);
    const leading = leadingSections(section.children);
    for (const child of section.children) visit(child, leading.has(child) ? 'other' : mode);
  };
  const namesSpeakers = (section: Section): boolean => info(section).speakers.length > 0 || ctx.leadPeople(section).speakers.length > 0;
  /**
   * Where most sections name their speakers, the short-titled ones before the first that does are the
   * notes' opening ("Disclaimer", "Intro"), not talks. A talk's title is longer, whether or not its
   * speaker could be read ("Secrets at scale (Jeanne Levain)").
   */
  const leadingSections = (siblings: readonly Section[]): ReadonlySet<Section> => {
    // Each sibling's lead lines are read once: the first speaker and the majority come from the same answers.
    const naming = siblings.map(namesSpeakers);
    const first = naming.indexOf(true);
    const opening = first > 0 && naming.filter(Boolean).length * 2 > siblings.length ? siblings.slice(0, first) : [];
    return new Set(opening.filter((section) => isShort(section.heading.text)));
  };
  /**
   * Sub-sections are talks when one names a speaker, or when they carry long, talk-like titles.
   * Speaker sub-headings (`### Kolton Andrus (Chaos Engineer…)`) and the parts each talk repeats
   * ("Questions", "Takeaways") belong to their talk and do not count.
   */
  const holdsTalks = (section: Section): boolean => {
    const topics = section.children.filter((c) => !c.heading.part && !headingPerson(c.heading.text));
    return topics.some(isTalkLike) || (topics.length > 0 && proseOf(ownBody(section)) <= 60 && median(topics.map((c) => wordsIn(c.heading.text))) >= 6);
  };
  /** A heading over nothing but images or links (a sketchnote gallery, "slides here"). */
  const hasOnlyMedia = (section: Section): boolean => {
    const body: LineRange = [section.heading.endLine + 1, section.lines[1]];
    return body[0] <= body[1] && ctx.text(body).trim() !== '' && proseOf(body) < 3 && ctx.leadPeople(section).speakers.length === 0;
  };

  function visit(section: Section, mode: 'talk' | 'other'): void {
    const title = section.heading.text;
    const hasChildren = section.children.length > 0;
    if (namesNoteSection(title)) return hasChildren ? container(section, 'other') : other(section);
    if (isDay(title) && !isTalkLike(section)) return hasChildren ? container(section, 'talk') : other(section);
    if (isTalkList(title) && !isTalkLike(section)) return hasChildren ? container(section, 'talk') : other(section);
    if (info(section).speakers.length > 0) return talk(section);
    if (hasChildren && holdsTalks(section)) return container(section, 'talk');
    if ((mode === 'other' && !isTalkLike(section)) || hasOnlyMedia(section)) return other(section);
    return talk(section);
  }

  const first = roots[0];
  // The outline's top level is the title's, whether a note starts at `#` or, as many do, at `##`.
  const top = Math.min(...roots.map((root) => root.heading.depth));
  const titleHeading = first && first.heading.depth === top && !namesNoteSection(first.heading.text) ? documentTitle(first, roots, ctx) : undefined;
  const leading = leadingSections(roots.filter((root) => root !== titleHeading));
  for (const root of roots) {
    if (root === titleHeading) {
      if (root.children.length > 0) container(root, 'talk');
      else other(root);
    } else {
      visit(root, leading.has(root) ? 'other' : 'talk');
    }
  }
  return { units, ...(titleHeading ? { titleHeading: titleHeading.heading } : {}) };

  /**
   * The first top-level heading (`#`, or `##` in a note that starts there) is the document's title when
   * it reads like one (a year, "notes", "retour") or when it is the only one of its level and its
   * sub-sections are talks or days. A lone top-level heading over short sub-topics, or followed by a speaker
   * line, or titled with a session code, is a one-talk file: the heading is that talk.
   */
  function documentTitle(section: Section, all: Section[], context: SectionContext): Section | undefined {
    if (DOC_TITLE.test(section.heading.text)) return section;
    const alone = all.filter((s) => s.heading.depth === section.heading.depth).length === 1;
    if (!alone) return undefined;
    // Talks under it, or the event's days ("## Day 1"), which hold its talks: the heading titles an event.
    if (section.children.some((c) => (!headingPerson(c.heading.text) && isTalkLike(c)) || isDay(c.heading.text))) return section;
    const oneTalk =
      SESSION_CODE.test(section.heading.text) ||
      context.leadPeople(section).speakers.length > 0 ||
      median(section.children.map((c) => wordsIn(c.heading.text))) < 6;
    return oneTalk ? undefined : section;
  }
}
