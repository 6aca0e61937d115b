// Indexing: the model's first build and its load, a cold `confnotes index` of the notes as a whole
// process (its peak memory included), and re-indexing after one file changed.
import { appendFile, cp, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledgeBase } from '../src/app.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { passageTextForEmbedding, storedEmbedderId } from '../src/index/sync-index.js';
import { parseNote } from '../src/notes/parse-note.js';
import { readNotes } from '../src/notes/read-notes.js';
import { indexDirFor } from '../src/index/index-location.js';
import { openHnswStore } from '../src/index/hnsw-store.js';
import type { Manifest } from '../src/index/store.js';
import { runMeasured } from './child.js';
import { atMost, figure } from './report.js';
import { latencies } from './stats.js';
import { benchConfig, childEnv, type Section, type SectionOutput, type Workspace } from './workspace.js';

const EDIT = '\n\nA line added by the benchmark to measure re-indexing one changed file.\n';
/** Edits timed after the first one. */
const REINDEX_EDITS = 5;

async function readManifest(indexRoot: string, notesDir: string): Promise<Manifest> {
  const store = await openHnswStore(indexDirFor(indexRoot, notesDir));
  const manifest = await store.manifest();
  await store.close();
  if (!manifest) throw new Error('the cold index left no manifest');
  return manifest;
}

/** Times the steps of re-indexing `file` one by one: reading the folder, parsing the file, embedding its passages, writing. */
async function reindexSteps(kb: KnowledgeBase, file: string, { figures, notes }: SectionOutput): Promise<void> {
  const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };
  const [{ sources }, readMs] = await timed(() => readNotes(kb.config.notesDir, { maxFileBytes: kb.config.maxFileBytes }));
  const source = sources.find((s) => s.file === file)!;
  const [note, parseMs] = await timed(() => parseNote(source));
  const [vectors, embedMs] = await timed(() => kb.embedder.embedPassages(note.passages.map(passageTextForEmbedding)));
  const { embedder } = kb;
  const [, writeMs] = await timed(() =>
    kb.store.apply({
      embedder: { id: storedEmbedderId(kb.config.model, embedder), dimensions: embedder.dimensions },
      upsert: [{ file: note.file, hash: note.hash, encoding: note.encoding, conference: note.conference, talks: note.talks, passages: note.passages, vectors }],
      remove: [],
    }),
  );
  const steps = { 'reading the folder': readMs, 'parsing the file': parseMs, 'embedding its passages': embedMs, 'writing the generation': writeMs };
  const [dearest, dearestMs] = Object.entries(steps).reduce((a, b) => (b[1] > a[1] ? b : a));
  notes.push(`re-index of one file: ${dearest} costs most (${Math.round(dearestMs)} ms of ${Math.round(readMs + parseMs + embedMs + writeMs)} ms in all steps)`);
  figures.push(
    figure('reindexReadNotesMs', `re-index step: read the notes folder (${sources.length} files, hashes compared)`, readMs, 'ms'),
    figure('reindexParseMs', 're-index step: parse the edited file', parseMs, 'ms'),
    figure('reindexEmbedMs', `re-index step: embed its ${note.passages.length} passages`, embedMs, 'ms'),
    figure('reindexWriteMs', 're-index step: write the new generation (store.apply)', writeMs, 'ms'),
  );
}

/** The model probe in a process of its own: builds the model when it is missing, then loads it, and prints each step's time. */
export const runModelProbe = (ws: Workspace): ReturnType<typeof runMeasured> =>
  runMeasured([join(ws.repo, 'dist/bench/model-probe.js'), ws.modelsDir, ws.model], { env: childEnv({ CONFNOTES_MODELS_DIR: ws.modelsDir }), cwd: ws.repo, scratch: ws.scratch });

async function run(ws: Workspace, { figures, notes }: SectionOutput): Promise<void> {
  notes.push(
    `notes: ${ws.notesLabel}; model built from scratch into a temporary models folder`,
    'cold index and whole-process re-index run `confnotes index` as a child process (node start and model load included)',
  );
  const cli = join(ws.repo, 'bin/confnotes.js');
  const node = (args: string[]) => runMeasured(args, { env: childEnv({ CONFNOTES_MODELS_DIR: ws.modelsDir }), cwd: ws.repo, scratch: ws.scratch });

  const first = await runModelProbe(ws);
  const build = JSON.parse(first.stdout) as { buildMs: number };
  figures.push(
    figure('modelBuildS', `model build, first run (${ws.model})`, build.buildMs / 1000, 's'),
    figure('modelBuildPeakRssMB', 'model build peak RSS', first.peakRssMB, 'MB'),
  );
  const second = await runModelProbe(ws);
  figures.push(figure('modelLoadMs', 'model load (+ first embedding)', (JSON.parse(second.stdout) as { loadMs: number }).loadMs, 'ms'));

  // A copy, so that the re-index step can edit a file without touching the real notes.
  const notesDir = join(ws.scratch, 'indexing', 'notes');
  const indexRoot = join(ws.scratch, 'indexing', 'index');
  await cp(ws.notesDir, notesDir, { recursive: true });
  const cold = await node([cli, 'index', notesDir, '--index', indexRoot]);
  const manifest = await readManifest(indexRoot, notesDir);
  const files = Object.keys(manifest.files);
  const bytes = (await Promise.all(files.map((f) => stat(join(notesDir, f))))).reduce((sum, s) => sum + s.size, 0);
  const seconds = cold.wallMs / 1000;
  figures.push(
    figure('coldIndexS', `cold index, whole process (${files.length} files)`, seconds, 's', atMost(30)),
    figure('filesPerS', 'files/s', files.length / seconds, 'files/s'),
    figure('passagesPerS', `passages/s (${manifest.counts.passages} passages)`, manifest.counts.passages / seconds, 'passages/s'),
    figure('mbPerS', `MB/s (${(bytes / 1e6).toFixed(2)} MB)`, bytes / 1e6 / seconds, 'MB/s'),
    figure('coldIndexPeakRssMB', 'cold index peak RSS', cold.peakRssMB, 'MB'),
  );

  // The watcher's case: the model and the index are loaded, one file changes, then changes again. The
  // file with the most passages, so that the figure is the dearest single-file edit. The first edit of a
  // process runs the parser, the embedder and the writer for the first time (their code not yet optimised
  // by V8): it is shown apart from the edits that follow, which is what a running watcher spends.
  const edited = files.reduce((a, b) => (manifest.files[b]!.passages > manifest.files[a]!.passages ? b : a));
  const config = benchConfig({ CONFNOTES_NOTES_DIR: notesDir, CONFNOTES_INDEX_DIR: indexRoot }, ws.modelsDir);
  const kb = await openKnowledgeBase(config, { sync: false });
  try {
    const samples: number[] = [];
    for (let edit = 0; edit <= REINDEX_EDITS; edit++) {
      await appendFile(join(notesDir, edited), EDIT);
      const started = performance.now();
      const summary = await kb.sync();
      samples.push(performance.now() - started);
      if (summary.updated.length !== 1) throw new Error(`re-index updated ${summary.updated.length} files, expected 1`);
    }
    const [first, ...next] = samples;
    const passages = manifest.files[edited]!.passages;
    figures.push(
      figure('reindexOneFileFirstMs', `re-index one edited file, ${passages} passages (kb.sync), first edit after opening`, first!, 'ms'),
      figure('reindexOneFileMs', `re-index one edited file, ${passages} passages (kb.sync), median of the ${REINDEX_EDITS} edits that follow`, latencies(next).p50, 'ms', atMost(300)),
    );
    await reindexSteps(kb, edited, { figures, notes });
    notes.push('re-index steps: what kb.sync spends on one edited file, each step timed alone on the same file (the write publishes a generation with that file again)');
  } finally {
    await kb.close();
  }
  await appendFile(join(notesDir, edited), EDIT);
  const again = await node([cli, 'index', notesDir, '--index', indexRoot]);
  figures.push(figure('reindexOneFileProcessS', 're-index one edited file, whole process', again.wallMs / 1000, 's'));
}

export const indexing: Section = { id: 'indexing', title: 'Indexing', run };
