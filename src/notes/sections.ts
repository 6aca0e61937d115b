// Heading outline → nested sections with exact line ranges.
import type { LineRange } from '../types.js';
import type { MdHeading } from './markdown.js';
import { headingPerson } from './talk-metadata.js';

export interface Section {
  heading: MdHeading;
  /** The heading's line to the line before the next heading of the same or a higher level. */
  lines: LineRange;
  children: Section[];
}

/** Lines between the heading and the first sub-heading (or the section's end); undefined when there are none. */
export function ownBody(section: Section): LineRange | undefined {
  const end = (section.children[0]?.lines[0] ?? section.lines[1] + 1) - 1;
  const start = section.heading.endLine + 1;
  return start <= end ? [start, end] : undefined;
}

/** Sections nested by heading depth; a `###` right under a `#` is the `#`'s child, as a reader sees it. */
export function buildSections(headings: MdHeading[], lastLine: number): Section[] {
  const roots: Section[] = [];
  const open: Section[] = [];
  for (const [i, heading] of headings.entries()) {
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    const section: Section = { heading, lines: [heading.line, next ? next.line - 1 : lastLine], children: [] };
    while (open.length > 0 && open.at(-1)!.heading.depth >= heading.depth) open.pop();
    (open.at(-1)?.children ?? roots).push(section);
    open.push(section);
  }
  return roots;
}

/**
 * Headings written all at one level lose the outline a reader sees: "## Talk", "## Jane Smith", "## Acme"
 * with nothing between them are a talk's title over its speaker and company lines. A heading naming a
 * person right under another of its level, with only blank lines between, goes one level down, and so do
 * the headings that follow it as closely, up to the next title over a person.
 */
export function nestSpeakerHeadings(headings: readonly MdHeading[], lines: readonly string[]): MdHeading[] {
  /** Heading i follows heading i − 1, of its level, with only blank lines between. */
  const closeUnder = (i: number): boolean => {
    const [above, below] = [headings[i - 1], headings[i]];
    return !!above && !!below && above.depth === below.depth && lines.slice(above.endLine, below.line - 1).every((line) => line.trim() === '');
  };
  const personUnder = (i: number): boolean => closeUnder(i) && headingPerson(headings[i]!.text) !== undefined;
  const nested = headings.map((h) => ({ ...h }));
  for (let i = 1; i < headings.length; i++) {
    if (!personUnder(i)) continue;
    const depth = headings[i]!.depth + 1;
    nested[i]!.depth = depth;
    while (closeUnder(i + 1) && !personUnder(i + 2)) nested[++i]!.depth = depth;
  }
  return nested;
}

/** A heading written this often in one note names a part of each talk: a talk's title is written once. */
const PART_REPEATS = 3;

/**
 * A heading the notes repeat under their talks ("### Takeaways" under each) keeps that level where a slip
 * writes it higher ("## Takeaways"): it still continues the talk before it, and is no talk of its own. Its
 * level is the one it is written at most often, at least twice (the deeper one on a tie).
 */
export function levelRepeatedHeadings(headings: readonly MdHeading[]): MdHeading[] {
  const key = (heading: MdHeading): string => heading.text.trim().toLowerCase();
  const depths = new Map<string, number[]>();
  for (const heading of headings) depths.set(key(heading), [...(depths.get(key(heading)) ?? []), heading.depth]);
  const usual = new Map<string, number>();
  for (const [text, written] of depths) {
    const count = (depth: number): number => written.filter((d) => d === depth).length;
    const most = written.reduce((best, depth) => (count(depth) > count(best) || (count(depth) === count(best) && depth > best) ? depth : best));
    if (count(most) >= 2) usual.set(text, most);
  }
  const leveled = headings.map((heading) => {
    const depth = usual.get(key(heading));
    return depth !== undefined && depth > heading.depth ? { ...heading, depth } : heading;
  });
  // Written under every talk, it is a part of the talk before it, however its level is written (a bold
  // "Notes & key takeaways:" after each speaker's bold line): one level under the last heading it does not repeat.
  let parent: MdHeading | undefined;
  return leveled.map((heading) => {
    if ((depths.get(key(heading))?.length ?? 0) < PART_REPEATS) {
      parent = heading;
      return heading;
    }
    return { ...heading, part: true, depth: parent && heading.depth <= parent.depth ? parent.depth + 1 : heading.depth };
  });
}
