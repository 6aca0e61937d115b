// The embedded store: generations of plain files under one directory (see generations.ts), searched in
// memory. Any number of readers, in any process, follow CURRENT; one writer at a time holds the lock.
import { mkdir } from 'node:fs/promises';
import type { Passage, Talk } from '../types.js';
import { ConfnotesError } from '../errors.js';
import { checkChange, checkEmbedder } from './change.js';
import { nextGeneration } from './generation-content.js';
import {
  currentStamp,
  type GenerationContent,
  generationPath,
  pruneGenerations,
  readCurrent,
  readGeneration,
  readGenerationManifest,
  swapCurrent,
  writeGeneration,
} from './generations.js';
import { lexicalIndex, type LexicalIndex } from './lexical-index.js';
import { nextParts, placeParts, pruneParts, readParts, type StoredPart, writeParts } from './lexical-parts.js';
import { acquireLock } from './lock.js';
import { pruneSegments, writeSegments } from './segments.js';
import { byScoreThenId, type Store, type StoreChange } from './store.js';
import { ANN_MIN_PASSAGES, exactIndex, readVectorGraph, type StoredGraph, type VectorIndex, vectorIndexOf, type VectorRows, writeVectorGraph } from './vector-index.js';

export interface HnswStoreOptions {
  /** Passages from which a generation carries an HNSW graph instead of being searched exactly. */
  annMinPassages?: number;
}

/** Where each passage is: positions number a generation's passages, files in order, passages in order. */
interface Layout {
  /** Passage ids by position. */
  ids: string[];
  positionOf(id: string): number | undefined;
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
  // Built when first asked for: a writer that answers no question never needs it, and at 100k passages
  // it was 50-100 ms of each one-file change.
  let positions: Map<string, number> | undefined;
  const positionOf = (id: string) => {
    if (!positions) {
      positions = new Map();
      for (let position = 0; position < ids.length; position++) positions.set(ids[position]!, position);
    }
    return positions.get(id);
  };
  return { ids, positionOf, fileOf, starts };
}

interface LoadedGeneration extends Layout {
  name: string;
  content: GenerationContent;
  talks: Talk[];
  lexicalParts: StoredPart[];
  lexical: LexicalIndex;
  /** Null below the graph threshold. The next write updates it in place (see PreviousGraph). */
  graph: StoredGraph | null;
  vectors: VectorIndex;
}

/** `known`: the generation in memory, whose lexical parts the new one may share. */
async function loadGeneration(dir: string, name: string, known: LoadedGeneration | null): Promise<LoadedGeneration> {
  // The graph's dimensions are the manifest's; the small manifest is read first, then all the rest at once.
  const manifest = await readGenerationManifest(dir, name);
  const path = generationPath(dir, name);
  const corrupt = (error: unknown) => {
    if (isMissing(error)) throw error;
    throw new ConfnotesError('INDEX_CORRUPT', `index ${dir}: the lexical index of ${name} cannot be read`, { cause: error });
  };
  const reading = readGeneration(dir, name, manifest);
  const sharedParts = new Map(known?.lexicalParts.flatMap((p) => (p.name ? [[p.name, p] as const] : [])));
  const [content, parts, graph] = await Promise.all([
    reading,
    readParts(dir, path, sharedParts, async () => (await reading).files).catch(corrupt),
    readVectorGraph(path, manifest.embedder.dimensions),
  ]);
  try {
    return generationOf(name, content, layoutOf(content), parts, graph);
  } catch (error) {
    return corrupt(error);
  }
}

/** A generation ready to search, from what was read or just written. */
function generationOf(name: string, content: GenerationContent, layout: Layout, lexicalParts: StoredPart[], graph: StoredGraph | null): LoadedGeneration {
  return {
    name,
    content,
    ...layout,
    talks: content.files.flatMap((f) => f.talks),
    lexicalParts,
    lexical: lexicalIndex(placeParts(lexicalParts, content.files), layout.ids),
    graph,
    vectors: vectorIndexOf(graph, rowsOf(content), content.manifest.embedder.dimensions),
  };
}

/**
 * Where each passage of the previous generation is in the next one, by file (a Map of 100k passage ids
 * was tens of milliseconds of each change): -1 for the files the change replaces or removes.
 */
function movedPositions(previous: LoadedGeneration, content: GenerationContent, layout: Layout, replaced: ReadonlySet<string>): (position: number) => number {
  const indexOf = new Map(content.files.map((f, i) => [f.file, i] as const));
  const newStarts = Int32Array.from(previous.content.files, (f) => (replaced.has(f.file) ? -1 : layout.starts[indexOf.get(f.file)!]!));
  return (position) => {
    const file = previous.fileOf[position]!;
    const start = newStarts[file]!;
    return start < 0 ? -1 : start + position - previous.starts[file]!;
  };
}

const rowsOf = (content: GenerationContent): VectorRows => content.files.map((f) => f.rows);

const passageAt = (generation: LoadedGeneration, position: number): Passage => {
  const file = generation.fileOf[position]!;
  return generation.content.files[file]!.passages()[position - generation.starts[file]!]!;
};

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export async function openHnswStore(dir: string, options: HnswStoreOptions = {}): Promise<Store> {
  const annMinPassages = options.annMinPassages ?? ANN_MIN_PASSAGES;
  let loaded: LoadedGeneration | null = null;
  /** CURRENT's stamp when it last named `loaded`. */
  let loadedStamp: string | null = null;
  let loading: { name: string; promise: Promise<LoadedGeneration> } | null = null;

  /**
   * The live generation, reloaded when another process (or apply) moved CURRENT. A writer may prune the
   * generation being loaded (it keeps only the live and previous ones), so a vanished one is retried.
   */
  async function live(): Promise<LoadedGeneration | null> {
    const stamp = currentStamp(dir);
    if (loaded && stamp !== null && stamp === loadedStamp) return loaded;
    for (let attempt = 0; ; attempt++) {
      // Stamped before the read: if CURRENT moved in between, the stamp is already stale and the next call reads again.
      const name = await readCurrent(dir);
      if (name === null) return null;
      if (loaded?.name === name) {
        loadedStamp = stamp;
        return loaded;
      }
      if (loading?.name !== name) loading = { name, promise: loadGeneration(dir, name, loaded) };
      try {
        loaded = await loading.promise;
        loadedStamp = stamp;
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
      const lexical = nextParts(previous && !change.rebuild ? previous.lexicalParts : [], content.files);
      let graph: StoredGraph | null = null;
      const name = await writeGeneration(dir, content, async (generationDir) => {
        await writeParts(dir, generationDir, lexical.parts, lexical.written);
        const replaced = new Set([...change.remove, ...change.upsert.map((f) => f.file)]);
        const held = previous;
        const update = held?.graph && !change.rebuild && { stored: held.graph, newPosition: movedPositions(held, content, layout, replaced) };
        if (update) {
          // The graph is about to change under the live generation: until the swap, this process searches
          // the live generation's vectors exactly (~20–50 ms at 100k passages), which still gives its results.
          held.vectors = exactIndex(rowsOf(held.content), dimensions);
          graphHandedOver = true;
        }
        graph = await writeVectorGraph(generationDir, rowsOf(content), dimensions, annMinPassages, update || undefined);
      });
      await swapCurrent(dir, name);
      // This process searches what it just wrote without reading it back (at 100k passages a load took seconds).
      loaded = generationOf(name, content, layout, lexical.parts, graph);
      // The previous generation stays: a reader that read CURRENT just before the swap may still load it.
      const kept = previous ? [loaded, previous] : [loaded];
      await pruneGenerations(dir, kept.map((g) => g.name));
      await pruneSegments(dir, new Set(kept.flatMap((g) => g.content.files.map((f) => f.segment).filter((s) => s !== null))));
      await pruneParts(dir, kept.map((g) => g.lexicalParts));
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
    termsBeginning: async (prefix, limit) => (await live())?.lexical.termsBeginning(prefix, limit) ?? [],
    async passages(ids) {
      const generation = await live();
      if (!generation) return [];
      return ids.flatMap((id) => {
        const position = generation.positionOf(id);
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
