// Splits a passage into sentences that keep their exact place in the file, so that an answer can
// quote one sentence verbatim and cite its own lines.
//
// Intl.Segmenter does the sentence boundaries (French and English abbreviations, "e.g.", decimals),
// but Unicode treats every line break as a sentence end, and notes are often hard-wrapped. So line
// breaks inside a paragraph are first replaced by spaces in a same-length copy of the text: offsets
// found in the copy are offsets in the original, and quotes are sliced from the original.
import type { Language, LineRange } from '../types.js';

export interface Sentence {
  /** Verbatim slice of the passage text. */
  text: string;
  /** A heading line: a title, not something said. */
  heading: boolean;
  lines: LineRange;
  /** Offsets in the passage text. */
  start: number;
  end: number;
}

// A line that starts a new unit even without a blank line before it: list item, heading, quote, table row,
// HTML block, code fence, image.
const blockStart = /^[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#{1,6}[ \t]|>|\||<(?:p|li|ul|ol|div|h\d|br)\b|```|~~~|!\[)/i;
// A line after which a new unit starts: a heading, a code fence (code follows, or prose after the code), a
// line holding only an image.
const blockEnd = /^(?:[ \t]{0,3}#{1,6}[ \t]|[ \t]*(?:```|~~~)|[ \t]*!\[[^\]]*\]\([^)]*\)[ \t]*\r?$)/;
const headingLine = /^[ \t]{0,3}#{1,6}[ \t]/;
// What may open a sentence but is markup rather than words.
const leadingMarkup = /^(?:[ \t]*(?:[-*+•>]|\d{1,3}[.)]|#{1,6})[ \t]+)+|^[\s*_`"«»]+/;
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

/** Same-length copy of `text` where soft line breaks (inside a paragraph) become spaces. */
export function unwrapLines(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (i === lines.length - 1) return line;
      const next = lines[i + 1]!;
      const soft = line.trim() !== '' && next.trim() !== '' && !blockStart.test(next) && !blockEnd.test(line);
      if (!soft) return `${line}\n`;
      // A CRLF break is two characters: both become spaces so that offsets stay aligned.
      return line.endsWith('\r') ? `${line.slice(0, -1)}  ` : `${line} `;
    })
    .join('')
    .slice(0, text.length);
}

/** 1-based line of an offset, given the passage's first line. */
const lineAt = (text: string, offset: number, firstLine: number): number => {
  let line = firstLine;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

const segmenters = new Map<Language, Intl.Segmenter>();
const segmenterFor = (language: Language): Intl.Segmenter => {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
};

/** Sentences of a passage whose text starts at line `firstLine` of its file. */
export function splitSentences(text: string, firstLine: number, language: Language = 'en'): Sentence[] {
  const flat = unwrapLines(text);
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmentsOf(flat, language)) {
    const lead = segment.match(leadingMarkup)?.[0].length ?? 0;
    const trail = segment.slice(lead).match(trailingSpace)?.[0].length ?? 0;
    const start = index + lead;
    const end = index + segment.length - trail;
    if (end <= start) continue;
    const quote = text.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(quote)) continue;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    sentences.push({
      text: quote,
      heading: headingLine.test(text.slice(lineStart)),
      start,
      end,
      lines: [lineAt(text, start, firstLine), lineAt(text, end - 1, firstLine)],
    });
  }
  return sentences;
}
