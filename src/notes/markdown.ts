// Markdown → headings and top-level blocks with their 1-based line ranges in the original file, and
// the structure inside each block that sentences need. Positions come from micromark, so front matter,
// CRLF and setext headings are counted exactly.
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { LineRange, MarkdownStructure } from '../types.js';
import { linesOfText } from '../text/lines.js';
import { TEMPLATE_TAG } from './prose.js';

type Point = NonNullable<Nodes['position']>['start'];

export interface MdHeading {
  depth: number;
  line: number;
  /** Last line of the heading (a setext heading takes two). */
  endLine: number;
  /** Plain text: emphasis, links and inline HTML removed, link texts kept. */
  text: string;
  /** The heading's inline Markdown as written, without `#` marks, e.g. `Talk, [@lvh](http://…)`. */
  source: string;
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
  headings: MdHeading[];
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

function headingSource(markdown: string, node: Heading): string {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined ? '' : markdown.slice(first, last).replace(/\s+/g, ' ').trim();
}

const lineSpan = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const linesOf = ({ start, end }: { start: Point; end: Point }): number[] => lineSpan(start.line, end.line);

/**
 * Lines of a paragraph that hold images and no words: a gallery or a sketchnote next to the text. The
 * parser puts them in the paragraph of the text around them, but they are no part of its sentences.
 */
function imageOnlyLines(paragraph: Paragraph, markdown: string): number[] {
  const images = new Set<number>();
  const words = new Set<number>();
  const visit = (node: PhrasingContent): void => {
    if (node.type === 'image' || node.type === 'imageReference') linesOf(node.position!).forEach((line) => images.add(line));
    else if ('children' in node) node.children.forEach(visit);
    else if (node.type !== 'break') {
      const { start, end } = node.position!;
      markdown.slice(start.offset, end.offset).split('\n').forEach((part, i) => {
        if (part.trim() !== '') words.add(start.line + i);
      });
    }
  };
  paragraph.children.forEach(visit);
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
  const blocks: MdBlock[] = [];
  const { starts } = linesOfText(markdown);
  for (const node of root.children) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined || node.type === 'yaml' || (node.type as string) === 'toml') continue;
    if (node.type === 'heading') {
      headings.push({ depth: node.depth, line: start, endLine: end, text: nodeText(node).replace(/\s+/g, ' ').trim(), source: headingSource(markdown, node) });
    }
    const itemStarts = node.type === 'list' ? node.children.map((item) => item.position?.start.line ?? start) : [];
    blocks.push({ kind: node.type, start, end, itemStarts, structure: structureOf(node, markdown, starts) });
  }
  return { headings, blocks };
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
    if (start <= block.end) pieces.push({ ...block, start, itemStarts: block.itemStarts.filter((n) => n >= start), structure: structureWithin(block.structure, [start, block.end]) });
    return pieces;
  });
}
