// Heading outline → nested sections with exact line ranges.
import type { LineRange } from '../types.js';
import type { MdHeading } from './markdown.js';

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
