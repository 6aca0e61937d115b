// The sample notes and the lines a citation names, read straight from disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineRange } from '../../src/types.js';

export const SAMPLE_NOTES = 'data/notes';
export const ETSY = 'What did Etsy say about post-mortems?';
/** The QCon London 2014 note: its two Etsy talks speak of post-mortems at lines 20-25 and 131-133. */
export const QCON = '001_34568cbb42ee90fe.txt';
export const ETSY_POST_MORTEM_LINES: LineRange[] = [
  [20, 25],
  [131, 133],
];

/** Lines `start..end` (1-based, inclusive) of a file, joined with `\n`. */
export const linesOf = (file: string, [start, end]: LineRange): string =>
  readFileSync(file, 'utf8').split(/\r?\n/).slice(start - 1, end).join('\n');

export const sampleLines = (file: string, lines: LineRange): string => linesOf(join(SAMPLE_NOTES, file), lines);

/** True when the range overlaps one of the Etsy post-mortem passages. */
export const atEtsyPostMortems = ([from, to]: LineRange): boolean => ETSY_POST_MORTEM_LINES.some(([a, b]) => from <= b && to >= a);
