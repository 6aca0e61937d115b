// A generation's lexical index on disk, in parts (lexical-index.ts searches them as one): a base, the
// postings of every file as some earlier generation held them, and a delta, the postings of the files
// written since. Parts are immutable files under `lexical/`, named by their content and shared by
// generations as segments are; a generation lists its parts in lexical-parts.json. A part lists the
// segments its passages come from, so a generation places each part's passages by segment name: a file
// changed since the base has a new segment, so its passages in the base are left out, and found in the delta.
//
// Before parts, each generation held all its postings in one lexical.bin: at 100k passages on 2 busy cores,
// carrying 5M postings forward (550 ms) and writing their 44 MB (180 ms) were most of a one-file change.
// Now a change writes a delta of the files changed since the base; the base is written again only when
// the delta and the base's left-out passages pass MAX_REWRITE_SHARE.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FileBytes, pruneFolder, writeContentNamed } from './durable-files.js';
import { buildPostings, inOrder, type LexicalPart, mergePostings, type Postings, postingsChunks, readPostings } from './lexical-index.js';
import type { GenerationFile, ListedSegment } from './segments.js';

const LEXICAL_DIR = 'lexical';
const PARTS_FILE = 'lexical-parts.json';
/** A generation's postings before parts, all in one file. */
const WHOLE_FILE = 'lexical.bin';
/** Before lexical.bin: MiniSearch's index, replaced by postings built at load. */
const MINISEARCH_FILE = 'lexical.json';
const SUFFIX = '.bin';
/**
 * Past this share of a generation's passages in the delta or left out of the base, the next change
 * writes one new base. Each change rewrites the delta, and every passage left out of the base is still
 * walked by searches; 5% of 100k passages is about a hundred one-file changes between two rewrites.
 */
const MAX_REWRITE_SHARE = 0.05;

/** Postings of some of a generation's files. */
export interface StoredPart {
  /** Its file under lexical/; null for what a generation held before parts (its own, never shared). */
  name: string | null;
  postings: Postings;
  /** The segments its passages come from, in its passage order; null for a generation from before segments. */
  segments: ListedSegment[] | null;
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Where the passages of these segments go: each one's number from `startOf`, -1 for a segment not there. */
function placeSegments(listed: ReadonlyArray<ListedSegment>, startOf: ReadonlyMap<string, number>, found?: Set<string>): Int32Array {
  const places = new Int32Array(listed.reduce((n, s) => n + s.passages, 0));
  let doc = 0;
  for (const { segment, passages } of listed) {
    const start = startOf.get(segment);
    if (start !== undefined) found?.add(segment);
    for (let n = 0; n < passages; n++) places[doc++] = start === undefined ? -1 : start + n;
  }
  return places;
}

/** Each file's first position, by segment. */
function startsOf(files: ReadonlyArray<GenerationFile>): Map<string, number> {
  const starts = new Map<string, number>();
  let at = 0;
  for (const file of files) {
    if (file.segment) starts.set(file.segment, at);
    at += file.ids.length;
  }
  return starts;
}

/** The parts placed in the generation of these files, ready for lexicalIndex. */
export function placeParts(parts: ReadonlyArray<StoredPart>, files: ReadonlyArray<GenerationFile>): LexicalPart[] {
  const starts = startsOf(files);
  return parts.map(({ postings, segments }) => (segments ? { postings, positions: placeSegments(segments, starts) } : inOrder(postings)));
}

/** One part of the files `target`, in their order: the sources' postings of them carried, the others' passages analysed. */
function partOf(target: ReadonlyArray<GenerationFile>, sources: ReadonlyArray<StoredPart>): StoredPart {
  const segments = target.map((f): ListedSegment => ({ segment: f.segment!, passages: f.ids.length }));
  const starts = startsOf(target);
  const carried = new Set<string>();
  const kept = sources.flatMap(({ postings, segments: listed }) => (listed ? [{ postings, newDocOf: placeSegments(listed, starts, carried) }] : []));
  const added = target.flatMap((f) => (carried.has(f.segment!) ? [] : f.passages().map((passage, n) => ({ doc: starts.get(f.segment!)! + n, passage }))));
  return { name: null, postings: mergePostings(kept, segments.reduce((n, s) => n + s.passages, 0), added), segments };
}

/** The part's file: its postings, then its segments (JSON); named by the SHA-256 of its bytes. */
function partFile(part: StoredPart): { name: string; bytes: FileBytes } {
  const bytes = postingsChunks(part.postings, new TextEncoder().encode(JSON.stringify(part.segments)));
  const hash = createHash('sha256');
  for (const chunk of bytes) hash.update(chunk);
  return { name: `${hash.digest('hex').slice(0, 40)}${SUFFIX}`, bytes };
}

/**
 * The parts of the next generation, whose files (every one in a segment) are `files`, and the part files
 * to write for it: the previous base kept and a new delta, or one new base (at the first write, a rebuild
 * (`previous` empty), after a generation from before parts, or past MAX_REWRITE_SHARE).
 */
export function nextParts(previous: ReadonlyArray<StoredPart>, files: ReadonlyArray<GenerationFile>): { parts: StoredPart[]; written: Array<{ name: string; bytes: FileBytes }> } {
  const written: Array<{ name: string; bytes: FileBytes }> = [];
  const stored = (part: StoredPart): StoredPart => {
    const file = partFile(part);
    written.push(file);
    return { ...part, name: file.name };
  };
  const [base, ...deltas] = previous;
  const total = files.reduce((n, f) => n + f.ids.length, 0);
  if (base?.name && base.segments) {
    const inBase = new Set(base.segments.map((s) => s.segment));
    const changed = files.filter((f) => !inBase.has(f.segment!));
    const present = new Set(files.map((f) => f.segment!));
    const leftOut = base.segments.reduce((n, s) => n + (present.has(s.segment) ? 0 : s.passages), 0);
    const deltaPassages = changed.reduce((n, f) => n + f.ids.length, 0);
    if (deltaPassages + leftOut <= MAX_REWRITE_SHARE * total) {
      return { parts: changed.length === 0 ? [base] : [base, stored(partOf(changed, deltas))], written };
    }
  }
  return { parts: [stored(partOf(files, previous))], written };
}

/** Writes the new part files: once this resolves, a generation may name them. */
export async function writeParts(dir: string, generationDir: string, parts: ReadonlyArray<StoredPart>, written: ReadonlyArray<{ name: string; bytes: FileBytes }>): Promise<void> {
  await writeContentNamed(join(dir, LEXICAL_DIR), written);
  await writeFile(join(generationDir, PARTS_FILE), JSON.stringify(parts.map((p) => p.name)));
}

async function readPart(dir: string, name: string): Promise<StoredPart> {
  const { postings, extra } = readPostings(await readFile(join(dir, LEXICAL_DIR, name)));
  const segments = JSON.parse(new TextDecoder().decode(extra)) as ListedSegment[];
  if (segments.reduce((n, s) => n + s.passages, 0) !== postings.docCount) throw new Error(`lexical part ${name}: its segments do not hold its ${postings.docCount} passages`);
  return { name, postings, segments };
}

/**
 * A generation's parts, those already in memory (`known`, by name) not read again: a reader following a
 * writer loads each new generation, and they share their base. A generation from before parts gives its
 * lexical.bin, or postings built here from its passages (`files`, read meanwhile) when it kept
 * MiniSearch's lexical.json. Rejects
 * with ENOENT when a file is missing (a writer may have pruned it).
 */
export async function readParts(
  dir: string,
  generationDir: string,
  known: ReadonlyMap<string, StoredPart>,
  files: () => Promise<ReadonlyArray<GenerationFile>>,
): Promise<StoredPart[]> {
  let names: string[];
  try {
    names = JSON.parse(await readFile(join(generationDir, PARTS_FILE), 'utf8')) as string[];
  } catch (error) {
    if (!isMissing(error)) throw error;
    return [await readWhole(generationDir, await files())];
  }
  return Promise.all(names.map((name) => known.get(name) ?? readPart(dir, name)));
}

async function readWhole(generationDir: string, files: ReadonlyArray<GenerationFile>): Promise<StoredPart> {
  try {
    const { postings } = readPostings(await readFile(join(generationDir, WHOLE_FILE)));
    // Its passages are the generation's, in order: with their segments known, the next write carries
    // these postings into a base instead of analysing every passage again (25 s at 100k passages).
    const segments = files.every((f) => f.segment) ? files.map((f): ListedSegment => ({ segment: f.segment!, passages: f.ids.length })) : null;
    return { name: null, postings, segments };
  } catch (error) {
    if (!isMissing(error)) throw error;
    if (!existsSync(join(generationDir, MINISEARCH_FILE))) throw error;
    // Only a generation without lexical.bin needs every passage parsed, to build its postings.
    return { name: null, postings: buildPostings(files.flatMap((f) => f.passages())), segments: null };
  }
}

/** Deletes the part files no kept generation names. Only a lock holder may call it. */
export const pruneParts = (dir: string, kept: ReadonlyArray<ReadonlyArray<StoredPart>>): Promise<void> =>
  pruneFolder(join(dir, LEXICAL_DIR), new Set(kept.flat().flatMap((p) => (p.name ? [p.name] : []))));
