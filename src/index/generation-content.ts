// Pure steps of an embedded-store write: from the live generation and a change to the next generation.
// Files that the change does not touch keep their stored vectors and their segments, so nothing is
// embedded or written twice.
import { manifestFileOf } from './change.js';
import type { GenerationContent } from './generations.js';
import { fileInMemory, type GenerationFile, segmentBytes } from './segments.js';
import type { Manifest, StoreChange } from './store.js';

/** Files after the change, sorted by path so that a generation's layout does not depend on history. */
export function mergeFiles<F extends { file: string }>(live: ReadonlyArray<F>, change: Pick<StoreChange, 'remove' | 'rebuild'>, upserted: ReadonlyArray<F>): F[] {
  const replaced = new Set([...change.remove, ...upserted.map((f) => f.file)]);
  const kept = change.rebuild ? [] : live.filter((f) => !replaced.has(f.file));
  return [...kept, ...upserted].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * The next generation, and the segments it needs that are not stored yet: the change's files, and the
 * kept files of a generation written before segments.
 */
export function nextGeneration(
  live: GenerationContent | null,
  change: StoreChange,
  now: Date,
): { content: GenerationContent; newSegments: Array<{ name: string; bytes: Uint8Array }> } {
  const dimensions = change.embedder.dimensions;
  const upserted = change.upsert.map((f) => {
    const rows = new Float32Array(f.vectors.length * dimensions);
    f.vectors.forEach((v, i) => rows.set(v, i * dimensions));
    return fileInMemory(f, rows, null);
  });
  const newSegments: Array<{ name: string; bytes: Uint8Array }> = [];
  const files = mergeFiles(live?.files ?? [], change, upserted).map((file): GenerationFile => {
    if (file.segment) return file;
    const segment = segmentBytes({ ...file, passages: file.passages() }, file.rows, dimensions);
    newSegments.push(segment);
    return { ...file, segment: segment.name };
  });
  const passages = files.reduce((n, f) => n + f.ids.length, 0);
  const previous: Manifest | null = live?.manifest ?? null;
  const manifest: Manifest = {
    embedder: { ...change.embedder },
    files: Object.fromEntries(files.map((f) => [f.file, manifestFileOf({ ...f, passages: f.ids })])),
    counts: { files: files.length, talks: files.reduce((n, f) => n + f.talks.length, 0), passages },
    createdAt: previous && !change.rebuild ? previous.createdAt : now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return { content: { manifest, files }, newSegments };
}
