// A talk (or a non-talk section) → its passages, each carrying the talk's metadata and exact lines.
import type { LineRange, MarkdownStructure, Passage } from '../types.js';
import { structureWithin } from '../notes/markdown.js';
import type { ChunkBlock } from './blocks.js';
import { cutRanges, defaultCutOptions, type CutOptions } from './cut-ranges.js';

export type PassageMeta = Omit<Passage, 'id' | 'lines' | 'text'>;

/**
 * `lines` are the decoded file's lines without terminators. A passage's text is its lines joined with
 * `\n`: with CRLF files the `\r` is dropped, as it is a line terminator, not text (a quote pasted
 * in chat must not carry it); line numbers are unaffected.
 */
export function chunkTalk(meta: PassageMeta, blocks: ChunkBlock[], lines: string[], options: CutOptions = defaultCutOptions): Passage[] {
  return cutRanges(blocks, lines, options).map((range) => passageOf(meta, blocks, lines, range));
}

/**
 * A talk whose notes hold no prose (sketchnotes, a link to the video) still says what it was about and who
 * gave it: one passage of its leading heading and speaker lines, so that "who gave the talk on X?" and
 * listings of talks find it. None when the talk opens with no such lines.
 */
export function headerPassage(meta: PassageMeta, blocks: ChunkBlock[], lines: string[]): Passage[] {
  const firstOther = blocks.findIndex((b) => b.role !== 'sticky');
  const header = blocks.slice(0, firstOther < 0 ? blocks.length : firstOther).filter((b) => b.words > 0);
  return header.length === 0 ? [] : [passageOf(meta, blocks, lines, [header[0]!.lines[0], header.at(-1)!.lines[1]])];
}

const passageOf = (meta: PassageMeta, blocks: ChunkBlock[], lines: string[], [start, end]: LineRange): Passage => ({
  id: `${meta.file}:${start}-${end}`,
  ...meta,
  lines: [start, end],
  text: lines.slice(start - 1, end).join('\n'),
  structure: passageStructure(blocks, [start, end]),
});

/** The structure of the blocks within a passage's lines, counted from its first line. */
export function passageStructure(blocks: ReadonlyArray<{ structure: MarkdownStructure }>, range: LineRange): MarkdownStructure {
  const within = blocks.map((block) => structureWithin(block.structure, range));
  const relative = (line: number): number => line - range[0];
  return {
    units: within.flatMap((s) => s.units.map(([line, column]): [number, number] => [relative(line), column])),
    headings: within.flatMap((s) => s.headings.map(relative)),
    literal: within.flatMap((s) => s.literal.map(relative)),
  };
}

/** The file's lines as passages see them: split on LF or CRLF. */
export const splitLines = (text: string): string[] => text.split(/\r?\n/);
