// The embedded store: generations of plain files under one directory (see generations.ts), searched in
// memory. Any number of readers, in any process, follow CURRENT; one writer at a time holds the lock.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Passage, Talk } from '../types.js';
import { ConfnotesError } from '../errors.js';
import { checkChange, checkEmbedder } from './change.js';
import { nextGeneration } from './generation-content.js';
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
import { pruneSegments, writeSegments } from './segments.js';
import { byScoreThenId, type Store, type StoreChange } from './store.js';
import { ANN_MIN_PASSAGES, exactIndex, readVectorGraph, type StoredGraph, type VectorIndex, vectorIndexOf, writeVectorGraph } from './vector-index.js';

export interface HnswStoreOptions {
  /** Passages from which a generation carries an HNSW graph instead of being searched exactly. */
  annMinPassages?: number;
}

const LEXICAL_FILE = 'lexical.bin';

/** Where each passage is: positions number a generation's passages, files in order, passages in order. */
interface Layout {
  /** Passage ids by position. */
  ids: string[];
  positionOf: Map<string, number>;
  /** Each position's file, as an index into the generation's files. */
  fileOf: Uint32Array;
  /** Each file's first position. */
  starts: Uint32Array;
}

function layoutOf(content: GenerationContent): Layout {
  const ids = content.files.flatMap((f) => f.ids);
  const fileOf = new Uint32Array(ids.length);
  const starts = new Uint32Array(content.files.length);
  let at = 0;
  content.files.forEach((file, i) => {
    starts[i] = at;
    fileOf.fill(i, at, (at += file.ids.length));
  });
  return { ids, positionOf: new Map(ids.map((id, position) => [id, position] as const)), fileOf, starts };
}

interface LoadedGeneration extends Layout {
  name: string;
  content: GenerationContent;
  talks: Talk[];
  postings: Postings;
  lexical: LexicalIndex;
  /** Null below the graph threshold. The next write updates it in place (see PreviousGraph). */
  graph: StoredGraph | null;
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
function lexicalPostings(dir: string, name: string, bytes: Uint8Array | null, passages: () => ReadonlyArray<Passage>, count: number): Postings {
  if (!bytes) return buildPostings(passages());
  try {
    const postings = readPostings(bytes);
    if (postings.docCount !== count) throw new Error(`${postings.docCount} passages for ${count}`);
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
  const layout = layoutOf(content);
  // Only a generation without lexical.bin needs every passage parsed, to build its postings.
  const postings = lexicalPostings(dir, name, lexicalBytes, () => content.files.flatMap((f) => f.passages()), layout.ids.length);
  return generationOf(name, content, layout, postings, graph);
}

/** A generation ready to search, from what was read or just written. */
function generationOf(name: string, content: GenerationContent, layout: Layout, postings: Postings, graph: StoredGraph | null): LoadedGeneration {
  return {
    name,
    content,
    ...layout,
    talks: content.files.flatMap((f) => f.talks),
    postings,
    lexical: lexicalIndex(postings, layout.ids),
    graph,
    vectors: vectorIndexOf(graph, content.vectors, content.manifest.embedder.dimensions),
  };
}

const passageAt = (generation: LoadedGeneration, position: number): Passage => {
  const file = generation.fileOf[position]!;
  return generation.content.files[file]!.passages()[position - generation.starts[file]!]!;
};

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The new generation's postings: the previous generation's for the files it keeps, the changed files' analysed anew. */
function nextPostings(previous: LoadedGeneration | null, content: GenerationContent, layout: Layout, replaced: ReadonlySet<string>): Postings {
  if (!previous) return buildPostings(content.files.flatMap((f) => f.passages()));
  const previousFiles = previous.content.files;
  const newDocOf = Int32Array.from(previous.ids, (id, old) => (replaced.has(previousFiles[previous.fileOf[old]!]!.file) ? -1 : (layout.positionOf.get(id) ?? -1)));
  const added: AddedPassage[] = [];
  content.files.forEach((file, i) => {
    if (replaced.has(file.file)) file.passages().forEach((passage, n) => added.push({ doc: layout.starts[i]! + n, passage }));
  });
  return updatePostings(previous.postings, newDocOf, layout.ids.length, added);
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
    let previous: LoadedGeneration | null = null;
    let graphHandedOver = false;
    try {
      previous = await live();
      checkEmbedder(previous?.content.manifest.embedder ?? null, change);
      const { content, newSegments } = nextGeneration(previous?.content ?? null, change, new Date());
      const layout = layoutOf(content);
      const dimensions = change.embedder.dimensions;
      await writeSegments(dir, newSegments);
      let written: { postings: Postings; graph: StoredGraph | null } | undefined;
      const name = await writeGeneration(dir, content, async (generationDir) => {
        const replaced = new Set([...change.remove, ...change.upsert.map((f) => f.file)]);
        const postings = nextPostings(previous && !change.rebuild ? previous : null, content, layout, replaced);
        await writeFile(join(generationDir, LEXICAL_FILE), postingsChunks(postings));
        const held = previous;
        const update = held?.graph && !change.rebuild && {
          ids: layout.ids,
          previous: {
            stored: held.graph,
            ids: held.ids,
            kept: (id: string) => !replaced.has(held.content.files[held.fileOf[held.positionOf.get(id)!]!]!.file),
          },
        };
        if (update) {
          // The graph is about to change under the live generation: until the swap, this process searches
          // the live generation's vectors exactly (~20–50 ms at 100k passages), which still gives its results.
          held.vectors = exactIndex(held.content.vectors, dimensions);
          graphHandedOver = true;
        }
        written = { postings, graph: await writeVectorGraph(generationDir, content.vectors, dimensions, annMinPassages, update || undefined) };
      });
      await swapCurrent(dir, name);
      // This process searches what it just wrote without reading it back (at 100k passages a load took seconds).
      loaded = generationOf(name, content, layout, written!.postings, written!.graph);
      // The previous generation stays: a reader that read CURRENT just before the swap may still load it.
      const kept = previous ? [loaded, previous] : [loaded];
      await pruneGenerations(dir, kept.map((g) => g.name));
      await pruneSegments(dir, new Set(kept.flatMap((g) => g.content.files.map((f) => f.segment).filter((s) => s !== null))));
    } catch (error) {
      // The graph this process held may be ahead of every generation on disk: read the live one again.
      if (graphHandedOver && loaded === previous) loaded = null;
      throw error;
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
        .map((m) => ({ id: generation.ids[m.index]!, score: m.score }))
        .sort(byScoreThenId);
    },
    lexicalSearch: async (query, k) => (await live())?.lexical.search(query, k) ?? [],
    documentFrequency: async (terms) => (await live())?.lexical.documentFrequency(terms) ?? 0,
    async passages(ids) {
      const generation = await live();
      if (!generation) return [];
      return ids.flatMap((id) => {
        const position = generation.positionOf.get(id);
        return position === undefined ? [] : [passageAt(generation, position)];
      });
    },
    async passagesOf(files) {
      const wanted = new Set(files);
      return (await live())?.content.files.filter((f) => wanted.has(f.file)).flatMap((f) => f.passages()) ?? [];
    },
    talks: async () => (await live())?.talks ?? [],
    async close() {
      loaded = null;
      loading = null;
    },
  };
}
