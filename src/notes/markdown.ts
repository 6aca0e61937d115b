// Markdown → headings and top-level blocks with their 1-based line ranges in the original file, and
// the structure inside each block that sentences need. Positions come from micromark, so front matter,
// CRLF and setext headings are counted exactly.
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { LineRange, MarkdownStructure } from '../types.js';
import { linesOfText } from '../text/lines.js';
import { TEMPLATE_TAG } from './prose.js';

type Position = NonNullable<Nodes['position']>;
type Point = Position['start'];

export interface MdHeading {
  depth: number;
  line: number;
  /** Last line of the heading (a setext heading takes two). */
  endLine: number;
  /** Plain text: emphasis, links and inline HTML removed, link texts kept. */
  text: string;
  /** The heading's inline Markdown as written, without `#` marks, e.g. `Talk, [@lvh](http://…)`. */
  source: string;
  /** A part of each talk, not a talk: the note writes it under many (see `levelRepeatedHeadings`). */
  part?: boolean;
}

export interface MdBlock {
  kind: RootContent['type'];
  start: number;
  end: number;
  /** For lists: first line of each top-level item, the natural places to split a long list. */
  itemStarts: number[];
  /** Units, headings and literal lines at any depth inside the block, lines of the file. */
  structure: MarkdownStructure;
}

export interface MdOutline {
  /** `#` and setext headings, and HTML's `<h1>`…`<h6>` lines, in line order. */
  headings: MdHeading[];
  /**
   * Lines that stand for headings in notes that write none: a paragraph's first line that is one bold
   * phrase (`**Talk title**`), WordPress's `<p><strong>Topic</strong></p>`. A note with headings uses bold
   * lines for lead-ins ("**Takeaways:**") inside its sections, so these count only without headings.
   */
  boldHeadings: MdHeading[];
  /**
   * Lines of paragraphs written as headings without the space CommonMark asks for (`##Talk title`): the
   * parsers of GitHub before 2017 and Redcarpet read them as headings, and notes written then write every
   * heading so. A note with CommonMark headings writes such a line for something else (a `#hashtag`).
   */
  unspacedHeadings: MdHeading[];
  blocks: MdBlock[];
}

const FRONT_MATTER = ['yaml', 'toml'] as const;

/** Plain text of a node; inline HTML (`<a id=…></a>`, `<sup>`) carries no words of its own. */
function nodeText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(nodeText).join('');
  return '';
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A heading's or a bold phrase's inline Markdown as written, e.g. `Talk, [@lvh](http://…)`. */
function innerSource(markdown: string, node: Heading | Strong): string {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined ? '' : oneLine(markdown.slice(first, last));
}

/** The line numbers from `first` to `last`, both included. */
export const lineSpan = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const linesOf = ({ start, end }: { start: Point; end: Point }): number[] => lineSpan(start.line, end.line);

/**
 * Lines of a paragraph that hold images and no words: a gallery or a sketchnote next to the text. The
 * parser puts them in the paragraph of the text around them, but they are no part of its sentences.
 */
function imageOnlyLines(paragraph: Paragraph, markdown: string): number[] {
  const images = new Set<number>();
  const words = new Set<number>();
  // GFM finds its bare links ("www.…", "https://…") in the parsed text and splits the text around them
  // into nodes that carry no position: their words count on every line of the node holding them.
  const visit = (node: PhrasingContent, holder: Position): void => {
    const position = node.position ?? holder;
    if (node.type === 'image' || node.type === 'imageReference') linesOf(position).forEach((line) => images.add(line));
    else if ('children' in node) node.children.forEach((child) => visit(child, position));
    else if (node.type === 'break') return;
    else if (!node.position) linesOf(holder).forEach((line) => words.add(line));
    else {
      const { start, end } = node.position;
      markdown.slice(start.offset, end.offset).split('\n').forEach((part, i) => {
        if (part.trim() !== '') words.add(start.line + i);
      });
    }
  };
  paragraph.children.forEach((child) => visit(child, paragraph.position!));
  return [...images].filter((line) => !words.has(line));
}

/**
 * The structure of one top-level node. Code, tables and HTML are taken line by line: their line breaks
 * are meant (the parser does not read inside HTML, and notes written in HTML put one element on a line).
 * A unit that several nodes open on one line (a quote, a list, its item, the item's paragraph) gets the
 * innermost one's column, where the words begin.
 */
function structureOf(node: RootContent, markdown: string, lineStarts: number[]): MarkdownStructure {
  const units = new Map<number, number>();
  const headings: number[] = [];
  const literal: number[] = [];
  // Lines are 1-based in positions, 0-based in lineStarts.
  const columnOf = (point: Point): number => point.offset! - lineStarts[point.line - 1]!;
  const blank = (line: number): boolean => markdown.slice(lineStarts[line - 1], lineStarts[line]).trim() === '';
  const unit = (line: number, column: number): void => void units.set(line, Math.max(units.get(line) ?? 0, column));
  const visit = (node: Nodes): void => {
    const position = node.position!;
    const column = columnOf(position.start);
    switch (node.type) {
      case 'code':
      case 'table':
      case 'html':
        for (const line of linesOf(position)) unit(line, column);
        if (node.type !== 'html') literal.push(...linesOf(position));
        return;
      case 'heading': {
        const words = node.children[0]?.position?.start;
        for (const line of linesOf(position)) unit(line, words?.line === line ? columnOf(words) : column);
        headings.push(...linesOf(position));
        return;
      }
      case 'paragraph':
        unit(position.start.line, column);
        for (const line of imageOnlyLines(node, markdown)) {
          unit(line, column);
          if (line < position.end.line) unit(line + 1, column);
        }
        return;
      default: {
        unit(position.start.line, column);
        if (!('children' in node)) return;
        const covered = new Set<number>();
        for (const child of node.children as Nodes[]) {
          visit(child);
          linesOf(child.position!).forEach((line) => covered.add(line));
        }
        // A line of a container that none of its children holds (a quote's empty `>` line) stands alone.
        for (const line of linesOf(position)) if (!covered.has(line) && !blank(line)) unit(line, 0);
      }
    }
  };
  visit(node);
  return { units: [...units].sort(([a], [b]) => a - b), headings, literal };
}

/** The part of a structure within some lines. */
export function structureWithin({ units, headings, literal }: MarkdownStructure, [start, end]: LineRange): MarkdownStructure {
  const inside = (line: number): boolean => line >= start && line <= end;
  return { units: units.filter(([line]) => inside(line)), headings: headings.filter(inside), literal: literal.filter(inside) };
}

/**
 * Site generators (Jekyll's Liquid, Hugo) fill template tags in before Markdown is read, so that
 * `![pass]({{ site.url }}/pass.png)` is an image on the page. The parser reads each tag as one word: its
 * spaces become no-break spaces, which keeps every offset.
 */
const withOpaqueTemplateTags = (markdown: string): string => markdown.replace(TEMPLATE_TAG, (tag) => tag.replace(/[ \t]/g, '\u00a0'));

export function parseMarkdown(markdown: string): MdOutline {
  const root: Root = fromMarkdown(withOpaqueTemplateTags(markdown), {
    extensions: [frontmatter([...FRONT_MATTER]), gfm()],
    mdastExtensions: [frontmatterFromMarkdown([...FRONT_MATTER]), gfmFromMarkdown()],
  });
  const headings: MdHeading[] = [];
  const boldHeadings: MdHeading[] = [];
  const unspacedHeadings: MdHeading[] = [];
  const blocks: MdBlock[] = [];
  const { starts } = linesOfText(markdown);
  const lineText = (line: number): string => markdown.slice(starts[line - 1], starts[line] ?? markdown.length).replace(/\r?\n$/u, '');
  for (const node of root.children) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined || node.type === 'yaml' || (node.type as string) === 'toml') continue;
    if (node.type === 'heading') {
      headings.push({ depth: node.depth, line: start, endLine: end, text: oneLine(nodeText(node)), source: innerSource(markdown, node) });
    } else if (node.type === 'html') {
      const { headings: tagged, bold } = htmlHeadings(node.value, start);
      headings.push(...tagged);
      boldHeadings.push(...bold);
    } else if (node.type === 'paragraph') {
      const bold = boldPhrase(node);
      // Opening the note, it is the note's title, as a `#` would be.
      if (bold) boldHeadings.push({ depth: blocks.length === 0 ? 1 : 2, line: start, endLine: start, text: untilColon(nodeText(bold)), source: innerSource(markdown, bold) });
      for (let line = start; line <= end; line++) {
        const heading = unspacedHeading(lineText(line), line);
        if (heading) unspacedHeadings.push(heading);
      }
    }
    const itemStarts = node.type === 'list' ? node.children.map((item) => item.position?.start.line ?? start) : [];
    blocks.push({ kind: node.type, start, end, itemStarts, structure: structureOf(node, markdown, starts) });
  }
  return { headings, boldHeadings, unspacedHeadings, blocks };
}

// `#` marks glued to the heading's first character, and the closing marks an ATX heading may carry.
const UNSPACED_HEADING = /^(#{1,6})([^#\s].*?)(?:\s+#+)?\s*$/u;

/** A line written as a heading without the space after its `#` marks, read by the parser as one once the space is there. */
function unspacedHeading(text: string, line: number): MdHeading | undefined {
  const [, marks, source] = UNSPACED_HEADING.exec(text) ?? [];
  if (marks === undefined || source === undefined) return undefined;
  const [node] = fromMarkdown(`${marks} ${source}`).children;
  return node?.type === 'heading' ? { depth: marks.length, line, endLine: line, text: oneLine(nodeText(node)), source } : undefined;
}

/**
 * The bold phrase a paragraph's first line is, a colon after it at most ("**Takeaways** :"); the lines
 * under it, in the same paragraph, are what it heads ("**Talk title**" over "by Jane Smith").
 */
function boldPhrase(paragraph: Paragraph): Strong | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong' || first.position?.end.line !== paragraph.position?.start.line) return undefined;
  const restOfLine = rest.map((node) => (node.type === 'break' ? '\n' : nodeText(node))).join('').split('\n')[0]!.trim();
  return (restOfLine === '' || restOfLine === ':') && untilColon(nodeText(first)) !== '' ? first : undefined;
}

/** A label's words, without the colon that ends it ("À retenir :"). */
const untilColon = (text: string): string => oneLine(text).replace(/\s*:$/u, '');

// The parser does not read inside HTML: a note written in HTML puts one element on a line, and its
// headings are the lines that are one `<hN>` element, or one bold paragraph (as WordPress exports write
// their topics).
const HTML_HEADING_LINE = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/iu;
const HTML_BOLD_LINE = /^\s*<p>\s*<(strong|b)>([^<]{2,120})<\/\1>\s*:?\s*<\/p>\s*$/iu;

/** Inline HTML as text: tags dropped, the entities a title uses read. */
const htmlText = (html: string): string => oneLine(html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&[#\w]+;/g, ' '));

function htmlHeadings(html: string, firstLine: number): { headings: MdHeading[]; bold: MdHeading[] } {
  const headings: MdHeading[] = [];
  const bold: MdHeading[] = [];
  html.split(/\r?\n/).forEach((line, i) => {
    const at = firstLine + i;
    const tagged = HTML_HEADING_LINE.exec(line);
    const strong = tagged ? null : HTML_BOLD_LINE.exec(line);
    const text = tagged ? htmlText(tagged[2]!) : strong ? untilColon(htmlText(strong[2]!)) : '';
    if (text === '') return;
    (tagged ? headings : bold).push({ depth: tagged ? Number(tagged[1]) : 2, line: at, endLine: at, text, source: text });
  });
  return { headings, bold };
}

/**
 * Cuts blocks around heading lines that lie inside them: HTML pseudo-headings sit in the middle of
 * one long HTML block, and each section must get its own blocks.
 */
export function splitBlocksAt(blocks: MdBlock[], headings: MdHeading[]): MdBlock[] {
  return blocks.flatMap((block) => {
    const inside = headings.filter((h) => h.line >= block.start && h.line <= block.end && !(h.line === block.start && block.kind === 'heading'));
    if (inside.length === 0) return [block];
    const pieces: MdBlock[] = [];
    let start = block.start;
    for (const h of inside) {
      if (h.line > start) {
        pieces.push({ ...block, start, end: h.line - 1, itemStarts: block.itemStarts.filter((n) => n >= start && n < h.line), structure: structureWithin(block.structure, [start, h.line - 1]) });
      }
      const { units } = structureWithin(block.structure, [h.line, h.endLine]);
      pieces.push({ kind: 'heading', start: h.line, end: h.endLine, itemStarts: [], structure: { units, headings: lineSpan(h.line, h.endLine), literal: [] } });
      start = h.endLine + 1;
    }
    if (start <= block.end) {
      // What a heading line opening a paragraph heads starts a unit of its own, where the paragraph's words began.
      const structure = structureWithin(block.structure, [start, block.end]);
      const column = block.structure.units[0]?.[1] ?? 0;
      const units: Array<[number, number]> = structure.units[0]?.[0] === start ? structure.units : [[start, column], ...structure.units];
      pieces.push({ ...block, start, itemStarts: block.itemStarts.filter((n) => n >= start), structure: { ...structure, units } });
    }
    return pieces;
  });
}
