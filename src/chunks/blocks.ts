// The pieces a talk is cut into: Markdown blocks with their lines, word counts and role.
import type { LineRange, MarkdownStructure } from '../types.js';
import { lineSpan, structureWithin, type MdBlock } from '../notes/markdown.js';
import { announcesWhatFollows, proseWordCount, wordCount } from '../notes/prose.js';

/**
 * - `sticky`: a heading, a speaker/company line or a short label ("Misc notes:"): opens the passage
 *   that follows, never ends one.
 * - `prose`: notes.
 * - `noise`: images, link lists, separators, template tags: kept inside a passage when surrounded by
 *   notes (the text must be contiguous lines), never at its start or end.
 */
export type BlockRole = 'sticky' | 'prose' | 'noise';

export interface ChunkBlock {
  lines: LineRange;
  role: BlockRole;
  /** Words a reader sees (link texts included): the size measure. */
  words: number;
  /** Words outside links and images. */
  proseWords: number;
  /** Lines where a long block may be cut: each line, or each item start for lists. */
  cuts: number[];
  /** What the parser read inside the block's lines (lines of the file). */
  structure: MarkdownStructure;
}

const NOISE_KINDS = new Set(['thematicBreak', 'definition']);

/** "Misc Notes:", "**Tools**", "**SKIPPED**": a lead-in for what follows, or a mark, not notes. */
const isLabel = (source: string, proseWords: number): boolean =>
  proseWords < 3 && (announcesWhatFollows(source) || /^\s*(\*\*|__)[^*_]+\1\s*$/.test(source));
const sourceOf = (lines: string[], [start, end]: LineRange): string => lines.slice(start - 1, end).join('\n');

/**
 * Blocks of one unit, clipped to its lines. The first `stickyLeading` blocks are the unit's heading
 * and speaker header.
 */
export function toChunkBlocks(blocks: MdBlock[], lines: string[], range: LineRange, stickyLeading: number): ChunkBlock[] {
  return blocks
    .filter((b) => b.end >= range[0] && b.start <= range[1])
    .map((block, i): ChunkBlock => {
      const clipped: LineRange = [Math.max(block.start, range[0]), Math.min(block.end, range[1])];
      const source = sourceOf(lines, clipped);
      const proseWords = proseWordCount(source);
      const words = wordCount(source);
      const role: BlockRole =
        NOISE_KINDS.has(block.kind) || proseWords === 0 ? 'noise' : i < stickyLeading || block.kind === 'heading' || isLabel(source, proseWords) ? 'sticky' : 'prose';
      const read = structureWithin(block.structure, clipped);
      // The talk's header (its speakers, their roles, the programme's fields) names the talk as its heading
      // does: context for the citation, not something said.
      const structure = i < stickyLeading ? { ...read, headings: lineSpan(...clipped) } : read;
      return { lines: clipped, role, words, proseWords, cuts: cutsOf(block, clipped, lines), structure };
    });
}

/** List items are the natural cuts; an item longer than a few lines may also be cut between its lines. */
function cutsOf(block: MdBlock, [start, end]: LineRange, lines: string[]): number[] {
  const everyLine = lineSpan(start, end);
  if (block.kind !== 'list') return everyLine;
  const items = block.itemStarts.filter((n) => n >= start && n <= end);
  const long = (from: number, to: number): boolean => wordCount(sourceOf(lines, [from, to])) > 120;
  return everyLine.filter((n) => items.includes(n) || long(items.filter((s) => s <= n).at(-1) ?? start, items.find((s) => s > n) ?? end));
}
