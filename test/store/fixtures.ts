// Store test data: the real seed notes through the real notes parser.
// Vectors are real bag-of-words vectors (the shared analyzer's terms, hashed into 256 dimensions, log tf,
// L2-normalised): deterministic, fast enough for child processes, and close to the static model's behaviour
// on names and exact words, which is what store tests look at.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNote } from '../../src/notes/parse-note.js';
import { analyze } from '../../src/text/analyze.js';
import type { IndexedFile } from '../../src/index/store.js';

export const SEEDS_DIR = new URL('../../data/notes/', import.meta.url).pathname;
/** The file that concurrency tests keep re-applying, as named by `writerVariant`. */
export const CHANGING_FILE = 'copy-0/002_229ae74f5be487c1.txt';
export const TEST_EMBEDDER = { id: 'test-bag-of-words-256', dimensions: 256 };

function hashOf(text: string): number {
  return createHash('md5').update(text).digest().readUInt32LE(0);
}

export function bagOfWordsVector(text: string, dimensions = TEST_EMBEDDER.dimensions): Float32Array {
  const counts = new Map<string, number>();
  for (const term of analyze(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector = new Float32Array(dimensions);
  for (const [term, count] of counts) {
    const h = hashOf(term);
    vector[h % dimensions]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(count));
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

/** One file's text (stored under `file`) parsed by the real notes parser, with its vectors. */
export function indexText(file: string, text: string): IndexedFile {
  const hash = createHash('sha256').update(text).digest('hex');
  const note = parseNote({ file, text, encoding: 'UTF-8', hash });
  return {
    file,
    hash,
    encoding: note.encoding,
    conference: note.conference,
    talks: note.talks,
    passages: note.passages,
    vectors: note.passages.map((p) => bagOfWordsVector(`${p.talk} ${p.speakers.join(' ')} ${p.companies.join(' ')} ${p.text}`)),
  };
}

export function seedTexts(): Array<{ file: string; text: string }> {
  return readdirSync(SEEDS_DIR)
    .sort()
    .map((file) => ({ file, text: readFileSync(join(SEEDS_DIR, file), 'utf8') }));
}

export function seedFiles(): IndexedFile[] {
  return seedTexts().map(({ file, text }) => indexText(file, text));
}

/** Copies of the seeds that make about 5,000 passages (78 passages per copy). */
export const COPIES_FOR_5K = 66;

/**
 * Variant `v` of `copies` renamed copies of every seed: `v` blank lines on top move every passage, so
 * each variant has its own passage ids and hashes, and a mix of two variants is easy to spot.
 */
export function writerVariant(copies: number, v: number): IndexedFile[] {
  const seeds = seedTexts();
  return Array.from({ length: copies }, (_, c) =>
    seeds.map(({ file, text }) => indexText(`copy-${c}/${file}`, '\n'.repeat(v) + text)),
  ).flat();
}
