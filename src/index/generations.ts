// The embedded index on disk: complete, immutable generations `gen-<n>/` and a `CURRENT` file naming the
// live one. A generation is written under a temporary name, flushed, then renamed; CURRENT is replaced by
// rename too. Whatever instant a writer dies at, CURRENT names a generation that was complete when named.
// A generation holds manifest.json, segments.json (the segments of its files, in file order: see
// segments.ts) and what the store adds: lexical-parts.json (see lexical-parts.ts), and hnsw.bin for big indexes. A generation written
// before segments held passages.json (every file's talks and passages) and vectors.f32 instead; it still
// opens, and the next write stores its files as segments.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfnotesError } from '../errors.js';
import { syncDirectory, syncFilesIn, writeDurably } from './durable-files.js';
import { fileInMemory, type GenerationFile, type ListedSegment, readSegments } from './segments.js';
import type { IndexedFile, Manifest } from './store.js';

/** What a generation holds: its files in order, each with its passages' vectors (see GenerationFile.rows). */
export interface GenerationContent {
  manifest: Manifest;
  files: GenerationFile[];
}

const SEGMENT_LIST = 'segments.json';

const CURRENT = 'CURRENT';
const generationName = /^gen-(\d+)$/;

function corrupt(dir: string, detail: string, cause?: unknown): ConfnotesError {
  return new ConfnotesError('INDEX_CORRUPT', `index ${dir}: ${detail}`, { cause });
}

/**
 * What identifies CURRENT's content without reading it: swapCurrent renames a new file over it, so its
 * inode and modification time change with every swap. A reader compares stamps before each search and
 * reads the name only when CURRENT changed: reading it for each of a question's ~20 store calls, four
 * thread-pool round trips each, was half of a warm answer (p50 13.6 → 6.8 ms in process). Synchronous, because
 * one stat costs microseconds and each round trip to the pool costs more.
 */
export function currentStamp(dir: string): string | null {
  const stats = statSync(join(dir, CURRENT), { bigint: true, throwIfNoEntry: false });
  return stats ? `${stats.ino}:${stats.mtimeNs}` : null;
}

/** The live generation's name, or null when nothing was ever written. */
export async function readCurrent(dir: string): Promise<string | null> {
  try {
    const name = (await readFile(join(dir, CURRENT), 'utf8')).trim();
    if (!generationName.test(name)) throw corrupt(dir, `CURRENT names "${name}", not a generation`);
    return name;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes a complete generation next to the live one and returns its name; CURRENT is not touched.
 * `addFiles` may put more files (an ANN graph) into the generation before it is sealed.
 */
export async function writeGeneration(
  dir: string,
  content: GenerationContent,
  addFiles: (generationDir: string) => Promise<void>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const numbers = (await readdir(dir)).map((n) => generationName.exec(n)?.[1]).filter((n) => n !== undefined);
  const name = `gen-${Math.max(0, ...numbers.map(Number)) + 1}`;
  const temporary = join(dir, `${name}.tmp-${process.pid}`);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary);
  const segments = content.files.map((f): ListedSegment => {
    if (!f.segment) throw new Error('every file of a generation must be stored in a segment before it is written');
    return { segment: f.segment, passages: f.ids.length };
  });
  // Flushed with the files addFiles writes, by syncFilesIn.
  await writeFile(join(temporary, 'manifest.json'), JSON.stringify(content.manifest));
  await writeFile(join(temporary, SEGMENT_LIST), JSON.stringify(segments));
  await addFiles(temporary);
  await syncFilesIn(temporary);
  await rename(temporary, join(dir, name));
  await syncDirectory(dir);
  return name;
}

/** Makes `name` the live generation in one atomic step. */
export async function swapCurrent(dir: string, name: string): Promise<void> {
  const temporary = join(dir, `${CURRENT}.tmp-${process.pid}`);
  await writeDurably(temporary, `${name}\n`);
  await rename(temporary, join(dir, CURRENT));
  await syncDirectory(dir);
}

/** Deletes every generation and leftover of a dead writer except `keep`. Only a lock holder may call it. */
export async function pruneGenerations(dir: string, keep: ReadonlyArray<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    const leftover = name.includes('.tmp-');
    if ((generationName.test(name) || leftover) && !keep.includes(name)) {
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }
}

export const generationPath = (dir: string, name: string): string => join(dir, name);

/** A generation's manifest alone: small, and what a reader needs before reading the rest. */
export async function readGenerationManifest(dir: string, name: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(generationPath(dir, name), 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    throw corrupt(dir, `${name} cannot be read`, error);
  }
}

/** Reads and cross-checks a generation: counts in the manifest, files and vectors must agree. */
export async function readGeneration(dir: string, name: string, knownManifest?: Manifest): Promise<GenerationContent> {
  const path = generationPath(dir, name);
  const manifest = knownManifest ?? (await readGenerationManifest(dir, name));
  let files: GenerationFile[];
  try {
    const beforeSegments = !existsSync(join(path, SEGMENT_LIST)) && existsSync(join(path, 'passages.json'));
    files = beforeSegments ? await readBeforeSegments(path, manifest) : await readSegmented(dir, path, manifest.embedder.dimensions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    throw corrupt(dir, `${name} cannot be read`, error);
  }
  return checked(dir, name, { manifest, files });
}

async function readSegmented(dir: string, path: string, dimensions: number): Promise<GenerationFile[]> {
  return readSegments(dir, JSON.parse(await readFile(join(path, SEGMENT_LIST), 'utf8')) as ListedSegment[], dimensions);
}

/** A generation written before segments: passages.json and vectors.f32. */
async function readBeforeSegments(path: string, manifest: Manifest): Promise<GenerationFile[]> {
  const stored = (JSON.parse(await readFile(join(path, 'passages.json'), 'utf8')) as { files: Array<Omit<IndexedFile, 'vectors'>> }).files;
  const bytes = await readFile(join(path, 'vectors.f32'));
  const passages = stored.reduce((n, f) => n + f.passages.length, 0);
  if (bytes.byteLength !== passages * manifest.embedder.dimensions * 4) {
    throw new Error(`${bytes.byteLength} bytes of vectors for ${passages} passages`);
  }
  // Copy into a fresh, aligned buffer: a Buffer may sit at an offset that Float32Array cannot view.
  const dimensions = manifest.embedder.dimensions;
  const vectors = new Float32Array(passages * dimensions);
  new Uint8Array(vectors.buffer).set(bytes);
  let at = 0;
  return stored.map((f) => fileInMemory(f, vectors.subarray(at, (at += f.passages.length * dimensions)), null));
}

function checked(dir: string, name: string, content: GenerationContent): GenerationContent {
  const { manifest, files } = content;
  const passages = files.reduce((n, f) => n + f.ids.length, 0);
  if (passages !== manifest.counts.passages || files.length !== manifest.counts.files) {
    throw corrupt(dir, `${name} holds ${files.length} files and ${passages} passages, its manifest ${manifest.counts.files} and ${manifest.counts.passages}`);
  }
  const wrong = files.find((f) => manifest.files[f.file]?.hash !== f.hash || manifest.files[f.file]?.passages !== f.ids.length);
  if (wrong) throw corrupt(dir, `${name}: ${wrong.file} does not match its manifest entry`);
  const short = files.find((f) => f.rows.length !== f.ids.length * manifest.embedder.dimensions);
  if (short) throw corrupt(dir, `${name}: ${short.file} has ${short.rows.length} vector values for ${short.ids.length} passages`);
  return content;
}
