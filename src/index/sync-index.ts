// Brings a store in line with a notes folder: files whose bytes changed are parsed and embedded
// again, deleted files are dropped, unchanged files are left alone. The store applies the whole
// change atomically, so an interrupted run leaves the previous index as it was.
import type { Embedder } from '../../embeddings/embedder.js';
import { nestingReason } from '../notes/nesting.js';
import { readNotes, type SkippedFile } from '../notes/read-notes.js';
import { ConfnotesError } from '../errors.js';
import type { IndexedFile, Store } from './store.js';
import type { NoteSource, ParsedNote } from '../types.js';

/**
 * Bumped whenever parsing or chunking changes what a file yields: an index built by an older
 * version is rebuilt from the notes without being asked, as its passages would be stale.
 * The same holds for a new build of the same model (see `modelFamily`).
 */
export const PIPELINE_VERSION = 57;

export interface SyncOptions {
  notesDir: string;
  store: Store;
  embedder: Embedder;
  /** The model as configured (CONFNOTES_MODEL). */
  modelName: string;
  maxFileBytes: number;
  /** Rebuild every file, e.g. after switching models. */
  rebuild?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface SyncSummary {
  files: number;
  talks: number;
  passages: number;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  skipped: SkippedFile[];
  warnings: Array<{ file: string; warning: string }>;
}

/**
 * What the store records as the embedder: the model as the user named it (CONFNOTES_MODEL), the exact
 * build, and the pipeline that cut the passages. Another name is refused; a new build of the same name
 * (after an upgrade of confnotes) or a new pipeline rebuilds the index by itself.
 */
export const storedEmbedderId = (modelName: string, embedder: Embedder): string =>
  `${modelName}@${embedder.id}+pipeline.${PIPELINE_VERSION}`;

const modelNameOf = (storedId: string): string => storedId.slice(0, storedId.lastIndexOf('@'));

const EMBED_BATCH = 256;

export async function syncIndex(options: SyncOptions): Promise<SyncSummary> {
  const { store, embedder } = options;
  const { sources, skipped: unread } = await readNotes(options.notesDir, { maxFileBytes: options.maxFileBytes });
  if (sources.length === 0 && unread.length === 0) {
    throw new ConfnotesError('NOTES_EMPTY', `No .md, .markdown, .rst, .adoc or .txt notes in ${options.notesDir}`);
  }
  const manifest = await store.manifest();
  const embedderId = storedEmbedderId(options.modelName, embedder);
  if (manifest && !options.rebuild && modelNameOf(manifest.embedder.id) !== options.modelName) {
    throw new ConfnotesError(
      'INDEX_MODEL_MISMATCH',
      `The index was built with the model ${modelNameOf(manifest.embedder.id)}, and the model is now ${options.modelName}`,
    );
  }
  const rebuild = options.rebuild === true || (manifest !== null && manifest.embedder.id !== embedderId);
  const known = rebuild ? {} : (manifest?.files ?? {});
  const candidates = sources.filter((s) => known[s.file]?.hash !== s.hash);
  // The notes read are the changed ones: a note the reader failed on is skipped, not changed.
  const { parsed, unparsable } = await parseChanged(candidates);
  const skipped = [...unread, ...unparsable];
  // A file that can no longer be read keeps its indexed version: only files gone from disk, or no longer
  // notes (a catalogue of the folder), are dropped.
  const present = new Set([...sources, ...skipped.filter((s) => s.kind === 'unreadable')].map((s) => s.file));
  const removed = Object.keys(manifest?.files ?? {}).filter((file) => !present.has(file));

  const total = parsed.reduce((sum, note) => sum + note.passages.length, 0);
  let done = 0;
  options.onProgress?.(0, total);
  const upsert: IndexedFile[] = [];
  for (const note of parsed) {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < note.passages.length; i += EMBED_BATCH) {
      const batch = note.passages.slice(i, i + EMBED_BATCH);
      vectors.push(...(await embedder.embedPassages(batch.map(passageTextForEmbedding))));
      done += batch.length;
      options.onProgress?.(done, total);
    }
    upsert.push({ file: note.file, hash: note.hash, encoding: note.encoding, conference: note.conference, talks: note.talks, passages: note.passages, vectors });
  }
  if (rebuild || upsert.length > 0 || removed.length > 0) {
    await store.apply({ embedder: { id: embedderId, dimensions: embedder.dimensions }, upsert, remove: rebuild ? [] : removed, rebuild });
  }
  const after = await store.manifest();
  const knownBefore = manifest?.files ?? {};
  return {
    files: after?.counts.files ?? 0,
    talks: after?.counts.talks ?? 0,
    passages: after?.counts.passages ?? 0,
    added: parsed.filter((note) => !knownBefore[note.file]).map((note) => note.file),
    updated: parsed.filter((note) => knownBefore[note.file]).map((note) => note.file),
    removed,
    unchanged: sources.length - parsed.length,
    skipped,
    warnings: parsed.flatMap((note) => note.warnings.map((warning) => ({ file: note.file, warning }))),
  };
}

/**
 * The changed notes, read. A note nesting block quotes or list items too deep for the parser, which would
 * spend minutes on it (notes/nesting.ts), and one the reader fails on (a fault of ours) are skipped with the
 * reason, as an unreadable file is, and keep any indexed version: one note does not stop the others from
 * being indexed. Only changed notes are checked: every `confnotes ask` reads the folder.
 */
async function parseChanged(changed: NoteSource[]): Promise<{ parsed: ParsedNote[]; unparsable: SkippedFile[] }> {
  if (changed.length === 0) return { parsed: [], unparsable: [] };
  // Imported only when a file changed: the Markdown parser and its extensions take ~200 ms to load, and most
  // syncs (every `confnotes ask`) find nothing to parse.
  const { parseNote } = await import('../notes/parse-note.js');
  const parsed: ParsedNote[] = [];
  const unparsable: SkippedFile[] = [];
  for (const source of changed) {
    const nesting = nestingReason(source.text);
    if (nesting) {
      unparsable.push({ file: source.file, reason: nesting, kind: 'unreadable' });
      continue;
    }
    try {
      parsed.push(parseNote(source));
    } catch (error) {
      const reason = `the note reader failed on it (${(error as Error).message}); any version indexed before is kept`;
      unparsable.push({ file: source.file, reason, kind: 'unreadable' });
    }
  }
  return { parsed, unparsable };
}

/** The talk's title and speakers are embedded with the passage: "what did Etsy say" finds Etsy's talk. */
export const passageTextForEmbedding = (p: { talk: string; speakers: string[]; companies: string[]; text: string }): string =>
  [p.talk, [...p.speakers, ...p.companies].join(', '), p.text].filter(Boolean).join('\n');
