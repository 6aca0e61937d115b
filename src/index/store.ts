// The contract of a passage store: the embedded hnswlib default and PostgreSQL + pgvector both meet it.
// Retrieval and answers only ever talk to this interface.
import type { Passage, Talk } from '../types.js';

/** One file's content, ready to store: its talks, its passages and one vector per passage (same order). */
export interface IndexedFile {
  file: string;
  hash: string;
  encoding: string;
  conference: string;
  talks: Talk[];
  passages: Passage[];
  vectors: Float32Array[];
}

export interface ManifestFile {
  hash: string;
  encoding: string;
  conference: string;
  talks: number;
  passages: number;
}

export interface Manifest {
  embedder: { id: string; dimensions: number };
  files: Record<string, ManifestFile>;
  counts: { files: number; talks: number; passages: number };
  createdAt: string;
  updatedAt: string;
}

/** A change applied atomically: readers see all of it or none of it. */
export interface StoreChange {
  embedder: { id: string; dimensions: number };
  upsert: IndexedFile[];
  remove: string[];
  /** Replace the whole content (e.g. after a model change): files not in `upsert` are dropped. */
  rebuild?: boolean;
}

export interface StoreHit {
  id: string;
  score: number;
}

/**
 * Best first; equal scores by passage id (code-point order). The same note under two names has equal
 * vectors, and each vector index breaks such ties its own way: without a rule the stores would rank alike
 * everywhere but there.
 */
export const byScoreThenId = (a: StoreHit, b: StoreHit): number => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Rows a database search fetches past k, so that the passages tied with the k-th (the same note under two
 * names) are seen, usually all at once, before the tie is broken by the stores' rule.
 */
export const TIE_MARGIN = 10;

export interface Store {
  /** `null` when nothing has been indexed yet. */
  manifest(): Promise<Manifest | null>;
  apply(change: StoreChange): Promise<void>;
  /** The k passages closest to a normalised vector, ordered by `byScoreThenId`. */
  vectorSearch(vector: Float32Array, k: number): Promise<StoreHit[]>;
  /**
   * BM25 over the passages' fields. A text is cut into search terms by `analyze`; a list is searched as
   * the terms it holds, for a stem that analysing it again would cut otherwise ("databas").
   */
  lexicalSearch(query: string | ReadonlyArray<string>, k: number): Promise<StoreHit[]>;
  /**
   * How many passages hold at least one of these search terms (as `analyze` cuts a text) in any searched
   * field. Exact, however many passages: answers weigh a question's words by it.
   */
  documentFrequency(terms: ReadonlyArray<string>): Promise<number>;
  /**
   * Search terms that begin with `prefix` and are longer, held by at least one passage: the most passages
   * first, equal counts in code-point order, at most `limit`.
   */
  termsBeginning(prefix: string, limit: number): Promise<string[]>;
  passages(ids: string[]): Promise<Passage[]>;
  /** Every passage of these files, each file's in document order (what a digest quotes from). */
  passagesOf(files: ReadonlyArray<string>): Promise<Passage[]>;
  talks(): Promise<Talk[]>;
  close(): Promise<void>;
}

/** The indexed notes files, relative to the notes folder, sorted. */
export const indexedFiles = async (store: Pick<Store, 'manifest'>): Promise<string[]> => Object.keys((await store.manifest())?.files ?? {}).sort();
