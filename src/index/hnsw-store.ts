// The embedded store: generations of plain files under one directory (see generations.ts), searched in
// memory. Any number of readers, in any process, follow CURRENT; one writer at a time holds the lock.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Passage, Talk } from '../types.js';
import { ConfnotesError } from '../errors.js';
import { checkChange, checkEmbedder } from './change.js';
import { mergeFiles, packGeneration, unpackFiles } from './generation-content.js';
import {
  type GenerationContent,
  generationPath,
  pruneGenerations,
  readCurrent,
  readGeneration,
  readGenerationManifest,
  swapCurrent,
  writeGeneration,
} from './generations.js';
import { type AddedPassage, buildPostings, lexicalIndex, type LexicalIndex, type Postings, postingsChunks, readPostings, updatePostings } from './lexical-index.js';
import { acquireLock } from './lock.js';
import { byScoreThenId, type Store, type StoreChange } from './store.js';
import { ANN_MIN_PASSAGES, readVectorGraph, type StoredGraph, type VectorIndex, vectorIndexOf, writeVectorGraph } from './vector-index.js';

export interface HnswStoreOptions {
  /** Passages from which a generation carries an HNSW graph instead of being searched exactly. */
  annMinPassages?: number;
}

const LEXICAL_FILE = 'lexical.bin';

interface LoadedGeneration {
  name: string;
  content: GenerationContent;
  passages: Passage[];
  byId: Map<string, Passage>;
  talks: Talk[];
  postings: Postings;
  lexical: LexicalIndex;
  vectors: VectorIndex;
}

/** lexical.bin, or null for a generation written before it existed (it kept MiniSearch's lexical.json). */
async function readLexicalBytes(dir: string, name: string): Promise<Uint8Array | null> {
  try {
    return await readFile(join(generationPath(dir, name), LEXICAL_FILE));
  } catch (error) {
    if (isMissing(error) && existsSync(join(generationPath(dir, name), 'lexical.json'))) return null;
    throw error;
  }
}

/** The generation's postings; an older generation's are built here, once per load. */
function lexicalPostings(dir: string, name: string, bytes: Uint8Array | null, passages: ReadonlyArray<Passage>): Postings {
  if (!bytes) return buildPostings(passages);
  try {
    const postings = readPostings(bytes);
    if (postings.docCount !== passages.length) throw new Error(`${postings.docCount} passages for ${passages.length}`);
    return postings;
  } catch (error) {
    throw new ConfnotesError('INDEX_CORRUPT', `index ${dir}: ${name}/${LEXICAL_FILE} cannot be read`, { cause: error });
  }
}

async function loadGeneration(dir: string, name: string): Promise<LoadedGeneration> {
  // The graph's dimensions are the manifest's; the small manifest is read first, then all the rest at once.
  const manifest = await readGenerationManifest(dir, name);
  const [content, lexicalBytes, graph] = await Promise.all([
    readGeneration(dir, name, manifest),
    readLexicalBytes(dir, name),
    readVectorGraph(generationPath(dir, name), manifest.embedder.dimensions),
  ]);
  return generationOf(name, content, lexicalPostings(dir, name, lexicalBytes, content.files.flatMap((f) => f.passages)), graph);
}

/** A generation ready to search, from what was read or just written. */
function generationOf(name: string, content: GenerationContent, postings: Postings, graph: StoredGraph | null): LoadedGeneration {
  const passages = content.files.flatMap((f) => f.passages);
  return {
    name,
    content,
    passages,
    byId: new Map(passages.map((p) => [p.id, p])),
    talks: content.files.flatMap((f) => f.talks),
    postings,
    lexical: lexicalIndex(postings, passages.map((p) => p.id)),
    vectors: vectorIndexOf(graph, content.vectors, content.manifest.embedder.dimensions),
  };
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The new generation's postings: the previous generation's for the files it keeps, the changed files' analysed anew. */
function nextPostings(previous: LoadedGeneration | null, content: GenerationContent, replaced: ReadonlySet<string>): Postings {
  const passages = content.files.flatMap((f) => f.passages);
  if (!previous) return buildPostings(passages);
  const positionOf = new Map(passages.map((p, doc) => [p.id, doc] as const));
  const newDocOf = Int32Array.from(previous.passages, (p) => (replaced.has(p.file) ? -1 : (positionOf.get(p.id) ?? -1)));
  const added: AddedPassage[] = [];
  passages.forEach((passage, doc) => {
    if (replaced.has(passage.file)) added.push({ doc, passage });
  });
  return updatePostings(previous.postings, newDocOf, passages.length, added);
}

export async function openHnswStore(dir: string, options: HnswStoreOptions = {}): Promise<Store> {
  const annMinPassages = options.annMinPassages ?? ANN_MIN_PASSAGES;
  let loaded: LoadedGeneration | null = null;
  let loading: { name: string; promise: Promise<LoadedGeneration> } | null = null;

  /**
   * The live generation, reloaded when another process (or apply) moved CURRENT. A writer may prune the
   * generation being loaded (it keeps only the live and previous ones), so a vanished one is retried.
   */
  async function live(): Promise<LoadedGeneration | null> {
    for (let attempt = 0; ; attempt++) {
      const name = await readCurrent(dir);
      if (name === null) return null;
      if (loaded?.name === name) return loaded;
      if (loading?.name !== name) loading = { name, promise: loadGeneration(dir, name) };
      try {
        loaded = await loading.promise;
        return loaded;
      } catch (error) {
        if (loading?.name === name) loading = null;
        if (!isMissing(error)) throw error;
        if (attempt >= 3 || (await readCurrent(dir)) === name) {
          throw new ConfnotesError('INDEX_CORRUPT', `index ${dir}: CURRENT names ${name}, which is missing`, { cause: error });
        }
      }
    }
  }

  async function apply(change: StoreChange): Promise<void> {
    checkChange(change);
    await mkdir(dir, { recursive: true });
    const release = await acquireLock(dir);
    try {
      const previous = await live();
      checkEmbedder(previous?.content.manifest.embedder ?? null, change);
      const files = mergeFiles(previous ? unpackFiles(previous.content) : [], change);
      const content = packGeneration(files, change, previous?.content.manifest ?? null, new Date());
      const dimensions = change.embedder.dimensions;
      let written: { postings: Postings; graph: StoredGraph | null } | undefined;
      const name = await writeGeneration(dir, content, async (generationDir) => {
        const replaced = new Set([...change.remove, ...change.upsert.map((f) => f.file)]);
        const postings = nextPostings(previous && !change.rebuild ? previous : null, content, replaced);
        await writeFile(join(generationDir, LEXICAL_FILE), postingsChunks(postings));
        const update = previous && !change.rebuild && {
          ids: content.files.flatMap((f) => f.passages.map((p) => p.id)),
          previous: {
            generationDir: generationPath(dir, previous.name),
            ids: previous.passages.map((p) => p.id),
            kept: (id: string) => !replaced.has(previous.byId.get(id)!.file),
          },
        };
        written = { postings, graph: await writeVectorGraph(generationDir, content.vectors, dimensions, annMinPassages, update || undefined) };
      });
      await swapCurrent(dir, name);
      // This process searches what it just wrote without reading it back (at 100k passages a load took seconds).
      loaded = generationOf(name, content, written!.postings, written!.graph);
      // The previous generation stays: a reader that read CURRENT just before the swap may still load it.
      await pruneGenerations(dir, previous ? [name, previous.name] : [name]);
    } finally {
      await release();
    }
  }

  await live();

  return {
    manifest: async () => (await live())?.content.manifest ?? null,
    apply,
    async vectorSearch(vector, k) {
      const generation = await live();
      if (!generation) return [];
      return generation.vectors
        .search(vector, k)
        .map((m) => ({ id: generation.passages[m.index]!.id, score: m.score }))
        .sort(byScoreThenId);
    },
    lexicalSearch: async (query, k) => (await live())?.lexical.search(query, k) ?? [],
    documentFrequency: async (terms) => (await live())?.lexical.documentFrequency(terms) ?? 0,
    async passages(ids) {
      const generation = await live();
      if (!generation) return [];
      return ids.map((id) => generation.byId.get(id)).filter((p): p is Passage => p !== undefined);
    },
    async passagesOf(files) {
      const wanted = new Set(files);
      return (await live())?.content.files.filter((f) => wanted.has(f.file)).flatMap((f) => f.passages) ?? [];
    },
    talks: async () => (await live())?.talks ?? [],
    async close() {
      loaded = null;
      loading = null;
    },
  };
}
