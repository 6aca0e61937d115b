// Markdown → headings and top-level blocks with their 1-based line ranges in the original file.
// Positions come from micromark, so front matter, CRLF and setext headings are counted exactly.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

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

export function parseMarkdown(markdown: string): MdOutline {
  const root: Root = fromMarkdown(markdown, {
    extensions: [frontmatter([...FRONT_MATTER]), gfm()],
    mdastExtensions: [frontmatterFromMarkdown([...FRONT_MATTER]), gfmFromMarkdown()],
  });
  const headings: MdHeading[] = [];
  const blocks: MdBlock[] = [];
  for (const node of root.children) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined || node.type === 'yaml' || (node.type as string) === 'toml') continue;
    if (node.type === 'heading') {
      headings.push({ depth: node.depth, line: start, endLine: end, text: nodeText(node).replace(/\s+/g, ' ').trim(), source: headingSource(markdown, node) });
    }
    const itemStarts = node.type === 'list' ? node.children.map((item) => item.position?.start.line ?? start) : [];
    blocks.push({ kind: node.type, start, end, itemStarts });
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
      if (h.line > start) pieces.push({ ...block, start, end: h.line - 1, itemStarts: block.itemStarts.filter((n) => n >= start && n < h.line) });
      pieces.push({ kind: 'heading', start: h.line, end: h.endLine, itemStarts: [] });
      start = h.endLine + 1;
    }
    if (start <= block.end) pieces.push({ ...block, start, itemStarts: block.itemStarts.filter((n) => n >= start) });
    return pieces;
  });
}
