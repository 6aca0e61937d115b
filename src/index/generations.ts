// The embedded index on disk: complete, immutable generations `gen-<n>/` and a `CURRENT` file naming the
// live one. A generation is written under a temporary name, flushed, then renamed; CURRENT is replaced by
// rename too. Whatever instant a writer dies at, CURRENT names a generation that was complete when named.
// A generation holds manifest.json, passages.json (files with their talks and passages), vectors.f32
// (float32 rows in passage order) and what the store adds: lexical.bin, and hnsw.bin for big indexes.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfnotesError } from '../errors.js';
import type { IndexedFile, Manifest } from './store.js';

export type StoredFile = Omit<IndexedFile, 'vectors'>;

/** What a generation holds; `vectors` is every passage's vector, files in order, passages in order. */
export interface GenerationContent {
  manifest: Manifest;
  files: StoredFile[];
  vectors: Float32Array;
}

const CURRENT = 'CURRENT';
const generationName = /^gen-(\d+)$/;

async function writeDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is durable only once the directory entry itself is flushed. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFilesIn(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const handle = await open(join(dir, name), 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

function corrupt(dir: string, detail: string, cause?: unknown): ConfnotesError {
  return new ConfnotesError('INDEX_CORRUPT', `index ${dir}: ${detail}`, { cause });
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
  await writeDurably(join(temporary, 'manifest.json'), JSON.stringify(content.manifest));
  await writeDurably(join(temporary, 'passages.json'), JSON.stringify({ files: content.files }));
  const { buffer, byteOffset, byteLength } = content.vectors;
  await writeDurably(join(temporary, 'vectors.f32'), new Uint8Array(buffer, byteOffset, byteLength));
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

/** Reads and cross-checks a generation: counts in the manifest, passages and vector bytes must agree. */
export async function readGeneration(dir: string, name: string, knownManifest?: Manifest): Promise<GenerationContent> {
  const path = generationPath(dir, name);
  const manifest = knownManifest ?? (await readGenerationManifest(dir, name));
  let files: StoredFile[];
  let bytes: Buffer;
  try {
    files = (JSON.parse(await readFile(join(path, 'passages.json'), 'utf8')) as { files: StoredFile[] }).files;
    bytes = await readFile(join(path, 'vectors.f32'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    throw corrupt(dir, `${name} cannot be read`, error);
  }
  const passages = files.reduce((n, f) => n + f.passages.length, 0);
  if (passages !== manifest.counts.passages) {
    throw corrupt(dir, `${name} lists ${passages} passages, its manifest ${manifest.counts.passages}`);
  }
  if (bytes.byteLength !== passages * manifest.embedder.dimensions * 4) {
    throw corrupt(dir, `${name} has ${bytes.byteLength} bytes of vectors for ${passages} passages`);
  }
  // Copy into a fresh, aligned buffer: a Buffer may sit at an offset that Float32Array cannot view.
  const vectors = new Float32Array(passages * manifest.embedder.dimensions);
  new Uint8Array(vectors.buffer).set(bytes);
  return { manifest, files, vectors };
}
