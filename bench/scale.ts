// Scale: the embedded store far past any team's notes. Synthetic passages (real sentences recombined,
// embedded by the real model) are applied to the real store; the vector search is timed and checked
// against exact search, and whole questions are answered over 10k and 100k passages. Random unit
// vectors give the graph index's worst case beside it.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledgeBase } from '../src/app.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { openHnswStore } from '../src/index/hnsw-store.js';
import { indexDirFor } from '../src/index/index-location.js';
import type { IndexedFile, Store } from '../src/index/store.js';
import { passageTextForEmbedding } from '../src/index/sync-index.js';
import { exactIndex, openVectorIndex, writeVectorGraph } from '../src/index/vector-index.js';
import { atLeast, atMost, figure } from './report.js';
import { latencies, recallAtK } from './stats.js';
import { type Pool, randomUnitVectors, seededRandom, sentencePool, syntheticFiles, type SyntheticFile } from './synthetic.js';
import { benchConfig, type Section, type SectionOutput, type Workspace } from './workspace.js';

const K = 10;
const EMBED_BATCH = 256;
const RANDOM_DIMENSIONS = 100;

async function diskBytes(path: string): Promise<number> {
  const entries = await readdir(path, { withFileTypes: true });
  const sizes = await Promise.all(entries.map((e) => (e.isDirectory() ? diskBytes(join(path, e.name)) : stat(join(path, e.name)).then((s) => s.size))));
  return sizes.reduce((sum, s) => sum + s, 0);
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A knowledge base over an empty index of its own; the store is filled by `fill`, not from notes. */
async function emptyKnowledgeBase(ws: Workspace, name: string): Promise<{ kb: KnowledgeBase; dir: string }> {
  const notesDir = join(ws.scratch, 'scale', name, 'notes');
  const indexRoot = join(ws.scratch, 'scale', name, 'index');
  const kb = await openKnowledgeBase(benchConfig({ CONFNOTES_NOTES_DIR: notesDir, CONFNOTES_INDEX_DIR: indexRoot }, ws.modelsDir), { sync: false });
  return { kb, dir: indexDirFor(indexRoot, notesDir) };
}

export async function embed(kb: Pick<KnowledgeBase, 'embedder'>, files: ReadonlyArray<SyntheticFile>): Promise<IndexedFile[]> {
  const texts = files.flatMap((f) => f.passages.map(passageTextForEmbedding));
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) vectors.push(...(await kb.embedder.embedPassages(texts.slice(i, i + EMBED_BATCH))));
  let row = 0;
  return files.map((f) => ({ ...f, vectors: f.passages.map(() => vectors[row++]!) }));
}

/**
 * Writes the files as one generation the way a sync would, through the real store. The embedder id is
 * the bench's own: only a sync reads it, and these stores are never synced.
 */
async function fill(kb: KnowledgeBase, dir: string, files: IndexedFile[], annMinPassages?: number): Promise<number> {
  const store = await openHnswStore(dir, { annMinPassages });
  const embedder = { id: `bench:${kb.embedder.id}`, dimensions: kb.embedder.dimensions };
  const { ms } = await timed(() => store.apply({ embedder, upsert: files, remove: [] }));
  await store.close();
  return ms;
}

export async function askLatencies(kb: Pick<KnowledgeBase, 'ask'>, questions: string[]): Promise<number[]> {
  for (const question of questions) await kb.ask(question);
  const samples: number[] = [];
  for (const question of questions) samples.push((await timed(() => kb.ask(question))).ms);
  return samples;
}

/**
 * The synthetic corpus of the large scale, embedded: built once per run, since embedding 100k passages
 * takes minutes, and the PostgreSQL section (postgres.ts) stores the same passages.
 */
const largeCorpora = new WeakMap<Workspace, Promise<{ files: IndexedFile[]; embedMs: number; pool: Pool }>>();

export function largeCorpus(ws: Workspace, kb: Pick<KnowledgeBase, 'embedder'>): Promise<{ files: IndexedFile[]; embedMs: number; pool: Pool }> {
  let corpus = largeCorpora.get(ws);
  if (!corpus) {
    corpus = (async () => {
      const pool = await sentencePool(ws.notesDir);
      const { ms: embedMs, value: files } = await timed(() => embed(kb, syntheticFiles(pool, ws.sizes.scaleLarge)));
      return { files, embedMs, pool };
    })();
    largeCorpora.set(ws, corpus);
  }
  return corpus;
}

/**
 * Re-indexing one edited file of the large corpus, as a sync does it once the file is read: embed its
 * passages (one sentence added to its last one) and apply the change to the store. Median of `runs`
 * edits of different files, each a change of its own.
 */
export async function reindexOneFile(store: Store, kb: Pick<KnowledgeBase, 'embedder'>, files: ReadonlyArray<IndexedFile>, pool: Pool, runs: number): Promise<number[]> {
  const embedder = { id: `bench:${kb.embedder.id}`, dimensions: kb.embedder.dimensions };
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const original = files[Math.floor(((run + 0.5) * files.length) / runs)]!;
    const last = original.passages.at(-1)!;
    const added = pool.sentences[run % pool.sentences.length]!.text;
    const edited: SyntheticFile = {
      ...original,
      hash: `${original.hash}-edit-${run}`,
      passages: [...original.passages.slice(0, -1), { ...last, lines: [last.lines[0], last.lines[1] + 1], text: `${last.text}\n${added}` }],
    };
    const { ms } = await timed(async () => {
      const [indexed] = await embed(kb, [edited]);
      await store.apply({ embedder, upsert: [indexed!], remove: [] });
    });
    samples.push(ms);
  }
  return samples;
}

export const REINDEX_RUNS = 5;

/** What the vector queries ask: the questions, then sentences of the notes, as many as the run's size says. */
export function vectorQueryTexts(ws: Workspace, pool: Pool): string[] {
  const random = seededRandom(7);
  return Array.from({ length: ws.sizes.vectorQueries }, (_, i) =>
    i < ws.questions.length ? ws.questions[i]! : pool.sentences[Math.floor(random() * pool.sentences.length)]!.text,
  );
}

/** The store's vector search timed and checked against exact (brute-force) search over the same vectors. */
export async function vectorRecall(
  store: Store,
  kb: Pick<KnowledgeBase, 'embedder'>,
  files: ReadonlyArray<IndexedFile>,
  queryTexts: ReadonlyArray<string>,
): Promise<{ approximateMs: number[]; exactMs: number[]; recall: number }> {
  const queries = await Promise.all(queryTexts.map((q) => kb.embedder.embedQuery(q)));
  const dimensions = kb.embedder.dimensions;
  const packed = new Float32Array(files.reduce((n, f) => n + f.vectors.length, 0) * dimensions);
  const ids = files.flatMap((f) => f.passages.map((p) => p.id));
  files.flatMap((f) => f.vectors).forEach((v, i) => packed.set(v, i * dimensions));
  const exact = exactIndex([packed], dimensions);
  for (const q of queries.slice(0, 10)) await store.vectorSearch(q, K);
  const found: string[][] = [];
  const approximateMs: number[] = [];
  const truth: string[][] = [];
  const exactMs: number[] = [];
  for (const q of queries) {
    const approximate = await timed(() => store.vectorSearch(q, K));
    approximateMs.push(approximate.ms);
    found.push(approximate.value.map((h) => h.id));
    const started = performance.now();
    truth.push(exact.search(q, K).map((m) => ids[m.index]!));
    exactMs.push(performance.now() - started);
  }
  return { approximateMs, exactMs, recall: recallAtK(found, truth) };
}

async function run(ws: Workspace, { figures, notes }: SectionOutput): Promise<void> {
  const { scaleSmall, scaleLarge, randomVectors, vectorQueries } = ws.sizes;
  const large = await emptyKnowledgeBase(ws, 'large');
  const { files, embedMs, pool } = await largeCorpus(ws, large.kb).catch(async (error: unknown) => {
    await large.kb.close();
    throw error;
  });
  notes.push(
    `synthetic passages: ${pool.sentences.length} real sentences of ${ws.notesLabel} recombined (2–4 per passage, 50 per file), embedded by ${ws.model}`,
    `vector queries: ${vectorQueries} (the questions, then passage sentences), k = ${K}; recall against exact (brute-force) search`,
  );
  const queryTexts = vectorQueryTexts(ws, pool);

  try {
    figures.push(figure('embedPassagesPerS', `embedding throughput (${scaleLarge.toLocaleString('en-US')} passages)`, scaleLarge / (embedMs / 1000), 'passages/s'));

    let taken = 0;
    const smallFiles = files.filter((f) => (taken += f.passages.length) <= scaleSmall);
    const small = await emptyKnowledgeBase(ws, 'small');
    try {
      await fill(small.kb, small.dir, smallFiles);
      const asks = latencies(await askLatencies(small.kb, ws.questions));
      figures.push(
        figure('smallAskP50Ms', `ask p50 at ${scaleSmall.toLocaleString('en-US')} passages`, asks.p50, 'ms'),
        figure('smallAskP95Ms', `ask p95 at ${scaleSmall.toLocaleString('en-US')} passages`, asks.p95, 'ms'),
      );
    } finally {
      await small.kb.close();
    }

    const label = scaleLarge.toLocaleString('en-US');
    // Quick runs are far below the store's ANN threshold; a graph is forced so that its path is exercised.
    const buildMs = await fill(large.kb, large.dir, files, ws.quick ? 0 : undefined);
    figures.push(
      figure('largeBuildS', `${label} passages: build (store.apply, HNSW graph included)`, buildMs / 1000, 's', atMost(60)),
      figure('largeDiskMB', `${label} passages: on disk`, (await diskBytes(large.dir)) / 1e6, 'MB'),
    );
    const { ms: loadMs, value: store } = await timed(() => openHnswStore(large.dir));
    figures.push(figure('largeLoadS', `${label} passages: load (passages, lexical index, graph)`, loadMs / 1000, 's', atMost(2)));

    const { approximateMs, exactMs, recall } = await vectorRecall(store, large.kb, files, queryTexts);
    await store.close();
    const vector = latencies(approximateMs);
    figures.push(
      figure('largeVectorP50Ms', `${label} passages: vector query p50 (store.vectorSearch, k=${K})`, vector.p50, 'ms'),
      figure('largeVectorP95Ms', `${label} passages: vector query p95`, vector.p95, 'ms', atMost(10)),
      figure('largeRecallAt10', `${label} passages: recall@${K} vs exact`, recall, '', atLeast(0.95)),
      figure('largeExactP50Ms', `${label} passages: exact (brute-force) query p50`, latencies(exactMs).p50, 'ms'),
    );

    const asks = latencies(await askLatencies(large.kb, ws.questions));
    figures.push(
      figure('largeAskP50Ms', `ask p50 at ${label} passages`, asks.p50, 'ms', atMost(40)),
      figure('largeAskP95Ms', `ask p95 at ${label} passages`, asks.p95, 'ms', atMost(100)),
    );

    const writer = await openHnswStore(large.dir, { annMinPassages: ws.quick ? 0 : undefined });
    try {
      const reindex = latencies(await reindexOneFile(writer, large.kb, files, pool, REINDEX_RUNS));
      figures.push(figure('largeReindexOneFileMs', `${label} passages: re-index one edited file (embed + store.apply), median of ${REINDEX_RUNS}`, reindex.p50, 'ms', atMost(1000)));
    } finally {
      await writer.close();
    }
  } finally {
    await large.kb.close();
  }

  const randomDir = join(ws.scratch, 'scale', 'random');
  await mkdir(randomDir, { recursive: true });
  const vectors = randomUnitVectors(randomVectors, RANDOM_DIMENSIONS, 11);
  const { ms: randomBuildMs } = await timed(() => writeVectorGraph(randomDir, [vectors], RANDOM_DIMENSIONS, 0));
  const { ms: randomLoadMs, value: graph } = await timed(() => openVectorIndex(randomDir, [vectors], RANDOM_DIMENSIONS));
  const exactRandom = exactIndex([vectors], RANDOM_DIMENSIONS);
  const randomQueries = randomUnitVectors(vectorQueries, RANDOM_DIMENSIONS, 13);
  const randomMs: number[] = [];
  const randomFound: string[][] = [];
  const randomTruth: string[][] = [];
  for (let i = 0; i < vectorQueries; i++) {
    const q = randomQueries.subarray(i * RANDOM_DIMENSIONS, (i + 1) * RANDOM_DIMENSIONS);
    const started = performance.now();
    randomFound.push(graph.search(q, K).map((m) => String(m.index)));
    randomMs.push(performance.now() - started);
    randomTruth.push(exactRandom.search(q, K).map((m) => String(m.index)));
  }
  const label = randomVectors.toLocaleString('en-US');
  notes.push(`random: ${label} uniformly random unit ${RANDOM_DIMENSIONS}-d vectors straight into the graph index (no clusters: its worst case)`);
  figures.push(
    figure('randomBuildS', `random ${label} × ${RANDOM_DIMENSIONS}-d: graph build`, randomBuildMs / 1000, 's'),
    figure('randomLoadMs', `random ${label} × ${RANDOM_DIMENSIONS}-d: graph load`, randomLoadMs, 'ms'),
    figure('randomVectorP95Ms', `random ${label} × ${RANDOM_DIMENSIONS}-d: query p95`, latencies(randomMs).p95, 'ms'),
    figure('randomRecallAt10', `random ${label} × ${RANDOM_DIMENSIONS}-d: recall@${K} vs exact`, recallAtK(randomFound, randomTruth), ''),
  );
}

export const scale: Section = { id: 'scale', title: 'Scale', run };
