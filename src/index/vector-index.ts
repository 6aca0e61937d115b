// Nearest passages to a question vector. Vectors are L2-normalised, so the dot product is the cosine.
//
// Measured on this machine (2 cores; clustered unit vectors, 50 queries, k = 10):
//   5k × 100-d: exact 0.9 ms; HNSW build 0.6 s, load 5 ms, query 0.1 ms at ef 128 (recall 1.00)
//  20k × 256-d: exact 7.9 ms; HNSW build 6.5 s, load 34 ms, query 0.3 ms at ef 128 (recall 1.00)
//  50k × 256-d: exact 22 ms;  HNSW build 18 s,  load 58 ms, query 0.3 ms at ef 128 (recall 1.00)
// hnswlib's default ef of 10 gave recall 0.73–0.97; ef 64 gave 0.97–1.00 on those. On 100k passages of
// real notes text (npm run bench), ef 128 gave recall@10 0.90, ef 400 0.96 at p95 under 5 ms: hence 400.
// Below ANN_MIN_PASSAGES exact search is as fast for a chat bot, exact, and makes indexing seconds cheaper;
// from there on a generation carries a graph. A new generation updates the previous one's graph in place
// (markDelete for the passages of changed and removed files, addPoint with replaceDeleted for the new
// ones) instead of building it again: at 100k passages a full build took about 45 s. The graph's labels
// are not passage positions (positions move when a file changes), so a generation also stores
// label → position (hnsw-labels.i32, -1 for a deleted label).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';

export const ANN_MIN_PASSAGES = 20_000;
export const ANN_EF = 400;
const ANN_EF_CONSTRUCTION = 200;
const ANN_M = 16;
const GRAPH_FILE = 'hnsw.bin';
const LABELS_FILE = 'hnsw-labels.i32';
// When the graph is built again rather than updated. Measured on this machine (2 cores; 20k clustered
// unit vectors × 100-d, ef 400): a full build 10.5 s; an update replacing 80 points 0.8 s (reading and
// writing the graph included), 2,000 points 9.0 s, 4,000 points 14.9 s (replacing a point repairs its
// neighbours' links, which costs more than inserting it in a build). Recall@10 stayed 1.000 after each,
// and with 20% of the slots left deleted. Deleted points still take part in the walk (hnswlib only drops
// them from results), so they are not left to pile up either.
/** Past this share of new points, building the graph is as fast as updating it. */
export const MAX_CHANGED_SHARE = 0.1;
/** Past this share of deleted slots the graph is built again. */
export const MAX_DELETED_SHARE = 0.25;

export interface VectorMatch {
  /** Position of the passage in the generation. */
  index: number;
  score: number;
}

export interface VectorIndex {
  search(query: Float32Array, k: number): VectorMatch[];
}

/** Every passage's vector, in position order, in pieces of float32 rows (a generation's: one per file). */
export type VectorRows = ReadonlyArray<Float32Array>;

const rowCount = (vectors: VectorRows, dimensions: number): number => vectors.reduce((n, piece) => n + piece.length / dimensions, 0);

// Imported when a generation has a graph: below ANN_MIN_PASSAGES no process needs the native module, whose
// loading was ~60 ms of each `confnotes ask`.
const newGraph = async (dimensions: number): Promise<HierarchicalNSW> =>
  new (await import('hnswlib-node')).default.HierarchicalNSW('ip', dimensions);

/** Scores every vector; keeps the best k in a small sorted array (k is tiny next to n). */
export function exactIndex(vectors: VectorRows, dimensions: number): VectorIndex {
  return {
    search(query, k) {
      const best: VectorMatch[] = [];
      let i = 0;
      for (const piece of vectors) {
        for (let o = 0; o < piece.length; i++) {
          let score = 0;
          for (let d = 0; d < dimensions; d++, o++) score += piece[o]! * query[d]!;
          if (best.length < k || score > best[best.length - 1]!.score) {
            let at = best.length;
            while (at > 0 && best[at - 1]!.score < score) at--;
            best.splice(at, 0, { index: i, score });
            if (best.length > k) best.pop();
          }
        }
      }
      return best;
    },
  };
}

function annIndex(graph: HierarchicalNSW, positions: Int32Array, count: number): VectorIndex {
  graph.setEf(ANN_EF);
  return {
    search(query, k) {
      const found = graph.searchKnn(Array.from(query), Math.min(k, count));
      // 'ip' space distance is 1 − dot product.
      return found.neighbors.map((label, i) => ({ index: positions[label]!, score: 1 - found.distances[i]! }));
    },
  };
}

/** Label → position; a graph written before labels were stored has its positions as labels. */
function positionsOf(labels: Buffer | null, count: number): Int32Array {
  if (!labels) return Int32Array.from({ length: count }, (_, i) => i);
  const positions = new Int32Array(labels.byteLength / 4);
  new Uint8Array(positions.buffer).set(labels);
  return positions;
}

/** Calls `visit` with each position, in order, and what gives its row as hnswlib takes it (made only when asked for). */
function eachRow(vectors: VectorRows, dimensions: number, visit: (position: number, row: () => number[]) => void): void {
  let position = 0;
  for (const piece of vectors) {
    for (let o = 0; o < piece.length; o += dimensions) visit(position++, () => Array.from(piece.subarray(o, o + dimensions)));
  }
}

/** The previous generation, and which of its passages the new one keeps as they were. */
export interface PreviousGraph {
  /**
   * Its graph and labels as this process holds them, updated in place: reading a 100k-passage graph back
   * from disk took 0.75 s of each one-file change. The caller must stop searching this graph (see
   * `retireGraph`) and must not use it again if the write fails.
   */
  stored: StoredGraph;
  /**
   * Where the passage at this position of the previous generation is in the new one, -1 when it is not
   * there unchanged (its file was replaced or removed).
   */
  newPosition(position: number): number;
}

/**
 * The previous graph brought up to date, or null when it must be built again: too many deleted slots once
 * this change is applied, or too many new points for an update to pay. Decided before the graph is
 * touched, so that a null leaves it as it was.
 */
function updatedGraph(previous: PreviousGraph, vectors: VectorRows, dimensions: number, count: number): { graph: HierarchicalNSW; positions: Int32Array } | null {
  const { graph } = previous.stored;
  const old = positionsOf(previous.stored.labels, graph.getCurrentCount());
  const placed = new Uint8Array(count);
  const deleted: number[] = [];
  const labels: number[] = Array.from(old, (position, label) => {
    if (position < 0) return -1;
    const now = previous.newPosition(position);
    if (now < 0) {
      deleted.push(label);
      return -1;
    }
    placed[now] = 1;
    return now;
  });
  // New points take deleted slots first (replaceDeleted); what is left deleted is the excess of slots.
  const slots = graph.getCurrentCount();
  const size = Math.max(slots, count);
  const added = count - placed.reduce((n, p) => n + p, 0);
  if ((size - count) / size > MAX_DELETED_SHARE || added / count > MAX_CHANGED_SHARE) return null;
  for (const label of deleted) graph.markDelete(label);
  if (graph.getMaxElements() < size) graph.resizeIndex(size);
  eachRow(vectors, dimensions, (position, row) => {
    if (placed[position]) return;
    graph.addPoint(row(), labels.length, true);
    labels.push(position);
  });
  return { graph, positions: Int32Array.from(labels) };
}

/**
 * Writes the HNSW graph into a generation being built, when the generation is big enough to need one:
 * the previous generation's graph updated when there is one, else a new graph. The previous generation's
 * files are only read, so it stays loadable whatever happens to this one.
 */
export async function writeVectorGraph(
  generationDir: string,
  vectors: VectorRows,
  dimensions: number,
  minPassages = ANN_MIN_PASSAGES,
  previous?: PreviousGraph,
): Promise<StoredGraph | null> {
  const count = rowCount(vectors, dimensions);
  if (count === 0 || count < minPassages) return null;
  let built = previous && updatedGraph(previous, vectors, dimensions, count);
  if (!built) {
    const graph = await newGraph(dimensions);
    graph.initIndex({ maxElements: count, m: ANN_M, efConstruction: ANN_EF_CONSTRUCTION, randomSeed: 100, allowReplaceDeleted: true });
    eachRow(vectors, dimensions, (position, row) => graph.addPoint(row(), position));
    built = { graph, positions: Int32Array.from({ length: count }, (_, i) => i) };
  }
  await built.graph.writeIndex(join(generationDir, GRAPH_FILE));
  const { buffer, byteOffset, byteLength } = built.positions;
  const labels = Buffer.from(buffer, byteOffset, byteLength);
  await writeFile(join(generationDir, LABELS_FILE), labels);
  return { graph: built.graph, labels };
}

/** A generation's stored graph, read apart from its vectors so that a store can read both at once. */
export interface StoredGraph {
  graph: HierarchicalNSW;
  /** Null for a graph written before labels were stored. */
  labels: Buffer | null;
}

/**
 * The generation's graph, or null when it has none. hnswlib reads it on a libuv thread, so the store
 * parses the generation's passages meanwhile (at 100k passages the two took about 1 s each).
 */
export async function readVectorGraph(generationDir: string, dimensions: number): Promise<StoredGraph | null> {
  const path = join(generationDir, GRAPH_FILE);
  if (!existsSync(path)) return null;
  const graph = await newGraph(dimensions);
  const labelsPath = join(generationDir, LABELS_FILE);
  // Replacing deleted points is allowed: the writer updates the graph it holds (see PreviousGraph).
  const [labels] = await Promise.all([existsSync(labelsPath) ? readFile(labelsPath) : null, graph.readIndex(path, true)]);
  return { graph, labels };
}

/** Search over the stored graph when there is one, else exact search over the vectors. */
export function vectorIndexOf(stored: StoredGraph | null, vectors: VectorRows, dimensions: number): VectorIndex {
  if (!stored) return exactIndex(vectors, dimensions);
  const count = rowCount(vectors, dimensions);
  return annIndex(stored.graph, positionsOf(stored.labels, count), count);
}

export async function openVectorIndex(generationDir: string, vectors: VectorRows, dimensions: number): Promise<VectorIndex> {
  return vectorIndexOf(await readVectorGraph(generationDir, dimensions), vectors, dimensions);
}
