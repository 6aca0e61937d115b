// Groups a talk's blocks into passages of roughly 60–220 words, as line ranges.
//
// Done by hand rather than with LangChain's RecursiveCharacterTextSplitter: that splitter returns
// strings (trimmed, separators merged), and a passage here must be exactly the file's lines
// `start..end` so that every quote can be cited by line range. Markdown block boundaries from mdast
// (paragraphs, lists, list items) are better cut points than character separators anyway.
import type { LineRange } from '../types.js';
import type { ChunkBlock } from './blocks.js';
import { announcesWhatFollows, proseWordCount, wordCount } from '../notes/prose.js';

export interface CutOptions {
  minWords: number;
  maxWords: number;
  /** A passage needs at least this many words outside links and images. */
  minProseWords: number;
  /** A long block's windows overlap by one cut unit when that unit has at most this many words. */
  maxOverlapWords: number;
}

export const defaultCutOptions: CutOptions = { minWords: 60, maxWords: 220, minProseWords: 4, maxOverlapWords: 60 };

/** Noise longer than this (a gallery of images) ends a passage instead of sitting inside it. */
const MAX_INNER_NOISE_LINES = 3;

export function cutRanges(blocks: ChunkBlock[], lines: string[], options: CutOptions = defaultCutOptions): LineRange[] {
  const ranges: LineRange[] = [];
  let current: ChunkBlock[] = [];
  // ES2022 target: no Array#findLastIndex.
  const lastIndex = (group: ChunkBlock[], role: ChunkBlock['role']): number => group.map((b) => b.role).lastIndexOf(role);
  const words = (group: ChunkBlock[]): number => group.reduce((n, b) => n + (b.role === 'prose' ? b.words : 0), 0);

  // The last passage emitted, while the next one may still be merged into it (nothing big in between).
  let open: { range: LineRange; words: number } | undefined;

  /**
   * Emits the current passage up to its last prose block; returns the sticky blocks after it, which
   * open the next one. A short remainder (the end of a talk) joins the previous passage when that
   * stays near the size limit, rather than standing alone as a fragment.
   */
  const flush = (): ChunkBlock[] => {
    const last = lastIndex(current, 'prose');
    const kept = current.slice(0, last + 1);
    if (last >= 0 && hasEnoughProse(kept, options)) {
      const range: LineRange = [kept[0]!.lines[0], kept.at(-1)!.lines[1]];
      const size = words(kept);
      if (open && size < options.minWords / 2 && open.words + size <= options.maxWords * 1.25) {
        open.range[1] = range[1];
        open.words += size;
      } else {
        ranges.push(range);
        open = { range, words: size };
      }
    }
    const after = current.slice(last + 1);
    const lastNoise = lastIndex(after, 'noise');
    current = [];
    return after.slice(lastNoise + 1);
  };

  /**
   * Flushes before a block that starts the next passage; returns what opens that passage. A paragraph
   * announcing what follows ("Their advice:") opens it too: what it announces is in that block.
   */
  const flushBeforeNext = (): ChunkBlock[] => {
    const announcing = announces(current, lines) ? current.splice(-1) : [];
    return [...flush(), ...announcing];
  };

  for (const block of blocks) {
    if (block.role === 'noise') {
      if (!current.some((b) => b.role === 'prose')) current = [];
      else if (block.lines[1] - block.lines[0] + 1 > MAX_INNER_NOISE_LINES) {
        flush();
        open = undefined;
      }
      else current.push(block);
    } else if (block.role === 'sticky') {
      current = words(current) >= options.minWords ? [...flush(), block] : [...current, block];
    } else if (block.words > options.maxWords) {
      const opening = flushBeforeNext();
      ranges.push(...windows(block, opening, lines, options).filter(([s, e]) => proseWordCount(textOf(lines, [s, e])) >= options.minProseWords));
      open = undefined;
    } else if (words(current) + block.words > options.maxWords) {
      current = [...flushBeforeNext(), block];
    } else {
      current.push(block);
    }
  }
  flush();
  return ranges;
}

const textOf = (lines: string[], [start, end]: LineRange): string => lines.slice(start - 1, end).join('\n');

/** The group ends with a paragraph announcing the next block (it ends with a colon), after other notes. */
const announces = (group: ChunkBlock[], lines: string[]): boolean => {
  const last = group.at(-1);
  return last?.role === 'prose' && group.slice(0, -1).some((b) => b.role === 'prose') && announcesWhatFollows(textOf(lines, last.lines));
};

/**
 * Enough prose to stand as a passage. Terse notes count: a heading over "- common annotations" says
 * something, "**SKIPPED**" under a heading does not.
 */
function hasEnoughProse(group: ChunkBlock[], options: CutOptions): boolean {
  const body = group.reduce((n, b) => n + (b.role === 'prose' ? b.proseWords : 0), 0);
  const all = group.reduce((n, b) => n + b.proseWords, 0);
  return body >= options.minProseWords || (body >= 2 && all >= 2 * options.minProseWords);
}

/** A block longer than a passage, cut at its cut points into windows of at most maxWords, overlapping by one small unit. */
function windows(block: ChunkBlock, opening: ChunkBlock[], lines: string[], options: CutOptions): LineRange[] {
  const starts = block.cuts;
  const units: LineRange[] = starts.map((s, i) => [s, (starts[i + 1] ?? block.lines[1] + 1) - 1]);
  const unitWords = units.map((u) => wordCount(textOf(lines, u)));
  const result: LineRange[] = [];
  let first = 0;
  while (first < units.length) {
    let last = first;
    let total = unitWords[first]!;
    while (last + 1 < units.length && total + unitWords[last + 1]! <= options.maxWords) total += unitWords[++last]!;
    const start = result.length === 0 && opening.length > 0 ? opening[0]!.lines[0] : units[first]![0];
    result.push([start, units[last]![1]]);
    if (last + 1 >= units.length) break;
    first = last > first && unitWords[last]! <= options.maxOverlapWords ? last : last + 1;
  }
  return result;
}
