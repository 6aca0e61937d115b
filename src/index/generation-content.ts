// Pure steps of an embedded-store write: from the live generation and a change to the next generation.
// Files that the change does not touch keep their stored vectors, so nothing is embedded twice.
import { manifestFileOf } from './change.js';
import type { GenerationContent } from './generations.js';
import type { IndexedFile, Manifest, StoreChange } from './store.js';

/** The live generation's files, each with views of its own vectors. */
export function unpackFiles(content: GenerationContent): IndexedFile[] {
  const dimensions = content.manifest.embedder.dimensions;
  let row = 0;
  return content.files.map((file) => {
    const vectors = file.passages.map((_, i) => content.vectors.subarray((row + i) * dimensions, (row + i + 1) * dimensions));
    row += file.passages.length;
    return { ...file, vectors };
  });
}

/** Files after the change, sorted by path so that a generation's layout does not depend on history. */
export function mergeFiles(live: ReadonlyArray<IndexedFile>, change: StoreChange): IndexedFile[] {
  const replaced = new Set([...change.remove, ...change.upsert.map((f) => f.file)]);
  const kept = change.rebuild ? [] : live.filter((f) => !replaced.has(f.file));
  return [...kept, ...change.upsert].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function packGeneration(
  files: ReadonlyArray<IndexedFile>,
  change: StoreChange,
  previous: Manifest | null,
  now: Date,
): GenerationContent {
  const dimensions = change.embedder.dimensions;
  const passages = files.reduce((n, f) => n + f.passages.length, 0);
  const vectors = new Float32Array(passages * dimensions);
  let row = 0;
  for (const file of files) {
    for (const vector of file.vectors) vectors.set(vector, row++ * dimensions);
  }
  const manifest: Manifest = {
    embedder: { ...change.embedder },
    files: Object.fromEntries(files.map((f) => [f.file, manifestFileOf(f)])),
    counts: { files: files.length, talks: files.reduce((n, f) => n + f.talks.length, 0), passages },
    createdAt: previous && !change.rebuild ? previous.createdAt : now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return { manifest, files: files.map(({ vectors: _, ...stored }) => stored), vectors };
}
