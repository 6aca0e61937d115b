// Rules every store applies to a change before writing it, so that both stores refuse the same things
// with the same messages.
import { ConfnotesError } from '../errors.js';
import type { IndexedFile, ManifestFile, StoreChange } from './store.js';

type Embedder = StoreChange['embedder'];

/** Vectors that do not match their passages are a bug in the caller, not a user error: plain Error. */
export function checkChange(change: StoreChange): void {
  for (const file of change.upsert) {
    if (file.vectors.length !== file.passages.length) {
      throw new Error(`${file.file}: ${file.passages.length} passages but ${file.vectors.length} vectors`);
    }
    const wrong = file.vectors.find((v) => v.length !== change.embedder.dimensions);
    if (wrong) {
      throw new Error(`${file.file}: a vector has ${wrong.length} dimensions, the embedder ${change.embedder.dimensions}`);
    }
  }
}

/** An index holds vectors of one model only; mixing models would make every similarity meaningless. */
export function checkEmbedder(indexed: Embedder | null, change: StoreChange): void {
  if (!indexed || change.rebuild) return;
  if (indexed.id === change.embedder.id && indexed.dimensions === change.embedder.dimensions) return;
  throw new ConfnotesError(
    'INDEX_MODEL_MISMATCH',
    `the index was built with model ${indexed.id} (${indexed.dimensions} dimensions) ` +
      `but this change was embedded with ${change.embedder.id} (${change.embedder.dimensions} dimensions)`,
  );
}

/** A file's manifest entry; `passages` may be its passages or their ids. */
export function manifestFileOf(file: Pick<IndexedFile, 'hash' | 'encoding' | 'conference' | 'talks'> & { passages: ReadonlyArray<unknown> }): ManifestFile {
  return {
    hash: file.hash,
    encoding: file.encoding,
    conference: file.conference,
    talks: file.talks.length,
    passages: file.passages.length,
  };
}
