// Splits a passage into sentences that keep their exact place in the file, so that an answer can
// quote one sentence verbatim and cite its own lines.
//
// Intl.Segmenter does the sentence boundaries (French and English abbreviations, "e.g.", decimals),
// but Unicode treats every line break as a sentence end, and notes are often hard-wrapped. So line
// breaks inside a unit of text (a paragraph, a list item: the parser's structure says which) are first
// replaced by spaces in a same-length copy of the text: offsets found in the copy are offsets in the
// original, and quotes are sliced from the original.
import type { Language, LineRange, MarkdownStructure, Passage } from '../types.js';
import { linesOfText } from './lines.js';

/**
 * What the splitter reads of a passage. Text without a structure (passages indexed before the parser
 * carried one, the bench's synthetic text) is taken a line at a time: a wrapped sentence is then cut at
 * its line ends, but no quote can run across two list items.
 */
export type SentenceSource = Pick<Passage, 'text' | 'lines' | 'language' | 'structure'>;

export interface Sentence {
  /** Verbatim slice of the passage text. */
  text: string;
  /** A heading line: a title, not something said. */
  heading: boolean;
  /** In code or a table: written as is, not prose. */
  literal: boolean;
  /** Where the words of its unit of text begin on their line: an item of a list it announces stands deeper. */
  column: number;
  lines: LineRange;
  /** Offsets in the passage text. */
  start: number;
  end: number;
}

// What may open a sentence inside a unit of text but is markup or punctuation rather than words: a
// dialogue dash, an emphasis closed before it, the `>` of a quote's continuation line (the parser gives
// the columns of a unit's first line only); else spaces, emphasis and quotation marks. At a unit's start
// the parser's column leaves out its list, quote and heading marks instead, and only a code line's own
// indentation may follow them.
const leadingMarkup = /^(?:[ \t]*[-*>][ \t]+)+|^[\s*_`"«»]+/;
const leadingSpace = /^\s+/;
const trailingSpace = /[\s*_`]+$/;
// ICU ends a sentence after these when a capital follows ("e.g. Consul"); they rarely end one in notes.
const abbreviationEnd = /(?:\b(?:e\.g|i\.e|etc|vs|cf|p\.ex|ex|env|approx|Mr|Mrs|Ms|Dr|St|M|Mme)|(?:^|\s)\p{Lu})\.\s*$/u;

// Markup that ICU reads as prose: "?" in a link text or a URL query, "." in "](./path)", are not sentence ends.
const unbreakable = /!?\[[^\]\n]*\]\([^)\s]*\)|\bhttps?:\/\/[^\s)>\]]+|`[^`\n]+`/g;

/** Offsets strictly inside a link, a URL or inline code, where a sentence cannot end. */
function insideMarkup(flat: string): (offset: number) => boolean {
  const spans = [...flat.matchAll(unbreakable)].map((m) => [m.index, m.index + m[0].length] as const);
  return (offset) => spans.some(([start, end]) => start < offset && offset < end);
}

/** ICU sentence segments, with those that end on an abbreviation or inside markup joined to the next one. */
function segmentsOf(flat: string, language: Language): Array<{ segment: string; index: number }> {
  const merged: Array<{ segment: string; index: number }> = [];
  const unfinished = insideMarkup(flat);
  let pending: { segment: string; index: number } | undefined;
  for (const { segment, index } of segmenterFor(language).segment(flat)) {
    const current = pending ? { segment: pending.segment + segment, index: pending.index } : { segment, index };
    const end = current.index + current.segment.length;
    if ((abbreviationEnd.test(current.segment) && !current.segment.endsWith('\n')) || unfinished(end)) pending = current;
    else {
      merged.push(current);
      pending = undefined;
    }
  }
  if (pending) merged.push(pending);
  return merged;
}

/** Same-length copy of `text` where soft line breaks (inside a unit of text) become spaces. */
export function unwrapLines(text: string, unitLines: ReadonlySet<number>): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (i === lines.length - 1) return line;
      const soft = line.trim() !== '' && lines[i + 1]!.trim() !== '' && !unitLines.has(i + 1);
      if (!soft) return `${line}\n`;
      // A CRLF break is two characters: both become spaces so that offsets stay aligned.
      return line.endsWith('\r') ? `${line.slice(0, -1)}  ` : `${line} `;
    })
    .join('')
    .slice(0, text.length);
}

/** One unit per line: what text without a structure is taken as. */
const lineByLine = (text: string): MarkdownStructure => ({
  units: text.split('\n').map((_, line): [number, number] => [line, 0]),
  headings: [],
  literal: [],
});

const segmenters = new Map<Language, Intl.Segmenter>();
const segmenterFor = (language: Language): Intl.Segmenter => {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
};

/** The column of the unit a line belongs to: the last unit that begins on or before it. */
function unitColumn(units: MarkdownStructure['units'], line: number): number {
  let column = 0;
  for (const [start, at] of units) {
    if (start > line) break;
    column = at;
  }
  return column;
}

/** The sentences of a passage, with their lines in its file. */
export function splitSentences(passage: SentenceSource): Sentence[] {
  const { text, language } = passage;
  const structure = passage.structure ?? lineByLine(text);
  const wordsAt = new Map(structure.units);
  const headings = new Set(structure.headings);
  const literal = new Set(structure.literal);
  const flat = unwrapLines(text, new Set(wordsAt.keys()));
  const { starts, lineAt } = linesOfText(text);
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmentsOf(flat, language)) {
    const line = lineAt(index);
    const marksEnd = starts[line]! + (wordsAt.get(line) ?? 0);
    const marks = Math.max(0, marksEnd - index);
    const lead = marks + (segment.slice(marks).match(marks > 0 ? leadingSpace : leadingMarkup)?.[0].length ?? 0);
    const trail = segment.slice(lead).match(trailingSpace)?.[0].length ?? 0;
    const start = index + lead;
    const end = index + segment.length - trail;
    if (end <= start) continue;
    const quote = text.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(quote)) continue;
    const first = lineAt(start);
    sentences.push({
      text: quote,
      heading: headings.has(first),
      literal: literal.has(first),
      column: unitColumn(structure.units, first),
      start,
      end,
      lines: [passage.lines[0] + first, passage.lines[0] + lineAt(end - 1)],
    });
  }
  return sentences;
}
