// Segments: one notes file's talks, passages and vectors in one immutable file under `segments/`, named by
// the SHA-256 of its bytes. A generation lists the segments it holds, so changing one notes file writes one
// segment and every generation shares the others. Before segments a generation held all passages in one
// passages.json: at 100k passages (69 MB) each one-file change wrote it whole, and each open parsed it whole
// (about 3 s of decoding, parsing and garbage collection out of a 5–10 s open).
//
// A segment: a 32-byte header (magic, version, passages, dimensions, head bytes, passages bytes), the vectors
// (float32, one row per passage), the head (JSON: file, hash, encoding, conference, talks, passage ids) and
// the passages (JSON). Opening parses the heads only; a file's passages are parsed when first asked for.
// A generation lists its segments with their passage counts (segments.json).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import type { Passage, Talk } from '../types.js';
import { IO_CONCURRENCY, pruneFolder, writeContentNamed } from './durable-files.js';
import type { IndexedFile } from './store.js';

export const SEGMENTS_DIR = 'segments';
const MAGIC = 0x434e5347; // "CNSG"
const VERSION = 1;
const HEADER_BYTES = 32;
const SUFFIX = '.seg';

/** One notes file of a generation, its passages parsed on demand. */
export interface GenerationFile {
  file: string;
  hash: string;
  encoding: string;
  conference: string;
  talks: Talk[];
  /** Passage ids in document order. */
  ids: string[];
  passages(): Passage[];
  /**
   * Its passages' vectors, one float32 row per passage. A generation's vectors are its files' rows, in
   * order: a change makes rows for its files only (copying 100k passages' into one new array cost
   * 150-650 ms of each one-file change on 2 busy cores).
   */
  rows: Float32Array;
  /** The segment holding it; null for a file of a generation written before segments. */
  segment: string | null;
}

/** What opening parses of a segment. */
type Head = Omit<GenerationFile, 'passages' | 'segment' | 'rows'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A file whose passages are already in memory (just parsed, or read from an older generation). */
export function fileInMemory(file: Omit<IndexedFile, 'vectors'>, rows: Float32Array, segment: string | null): GenerationFile {
  const { passages, ...rest } = file;
  return { ...rest, ids: passages.map((p) => p.id), passages: () => passages, rows, segment };
}

/** The segment's bytes and its name: the file's content, with its vectors as one float32 row per passage. */
export function segmentBytes(file: Omit<IndexedFile, 'vectors'>, rows: Float32Array, dimensions: number): { name: string; bytes: Uint8Array } {
  const head: Head = { file: file.file, hash: file.hash, encoding: file.encoding, conference: file.conference, talks: file.talks, ids: file.passages.map((p) => p.id) };
  const headBytes = encoder.encode(JSON.stringify(head));
  const passageBytes = encoder.encode(JSON.stringify(file.passages));
  const vectorBytes = file.passages.length * dimensions * 4;
  if (rows.length !== file.passages.length * dimensions) throw new Error(`${file.file}: ${rows.length / dimensions} vector rows for ${file.passages.length} passages`);
  const bytes = new Uint8Array(HEADER_BYTES + vectorBytes + headBytes.byteLength + passageBytes.byteLength);
  const header = new DataView(bytes.buffer, 0, HEADER_BYTES);
  [MAGIC, VERSION, file.passages.length, dimensions, headBytes.byteLength, passageBytes.byteLength].forEach((value, i) => header.setUint32(i * 4, value, true));
  bytes.set(new Uint8Array(rows.buffer, rows.byteOffset, vectorBytes), HEADER_BYTES);
  bytes.set(headBytes, HEADER_BYTES + vectorBytes);
  bytes.set(passageBytes, HEADER_BYTES + vectorBytes + headBytes.byteLength);
  return { name: `${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}${SUFFIX}`, bytes };
}

/** Writes the segments not already on disk (see writeContentNamed): once this resolves, a generation may name them. */
export const writeSegments = (dir: string, segments: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<void> =>
  writeContentNamed(join(dir, SEGMENTS_DIR), segments);

/** A generation's entry for one of its segments; the count places the segment's rows before reading it. */
export interface ListedSegment {
  segment: string;
  passages: number;
}

// The callback API, not fs/promises': reading 2,000 segments (100k passages) through FileHandles (every
// call a promise, readFile's fstat and chunked reads) took 1.2–1.9 s, the callback calls 0.2–0.6 s.
const openFile = promisify(fs.open);
const readInto = promisify(fs.read);
const readvInto = promisify(fs.readv);
const closeFile = promisify(fs.close);

/**
 * Reads one segment: its header and vectors in one call, the vectors straight into their place in the
 * generation's array (no copy, no transient buffer: at 100k passages, 110 MB of read buffers copied
 * again made the open spend its time collecting garbage), then its head and passages.
 */
async function readSegment(path: string, listed: ListedSegment, dimensions: number, rows: Float32Array): Promise<GenerationFile> {
  const fd = await openFile(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const fail = (detail: string) => new Error(`segment ${listed.segment}: ${detail}`);
    if ((await readvInto(fd, [header, rows], 0)).bytesRead !== HEADER_BYTES + rows.byteLength) throw fail('shorter than its vectors');
    const word = (i: number) => header.readUInt32LE(i * 4);
    if (word(0) !== MAGIC || word(1) !== VERSION) throw fail(`not a version ${VERSION} segment`);
    const [count, storedDimensions, headLength, passagesLength] = [word(2), word(3), word(4), word(5)];
    if (count !== listed.passages || storedDimensions !== dimensions) throw fail(`${count} passages of ${storedDimensions} dimensions, the generation says ${listed.passages} of ${dimensions}`);
    const rest = Buffer.allocUnsafe(headLength + passagesLength);
    if ((await readInto(fd, rest, 0, rest.byteLength, HEADER_BYTES + rows.byteLength)).bytesRead !== rest.byteLength) throw fail('size does not match its header');
    const head = JSON.parse(decoder.decode(rest.subarray(0, headLength))) as Head;
    if (head.ids.length !== count) throw fail(`${head.ids.length} passage ids for ${count} passages`);
    let passageBytes: Uint8Array | null = rest.subarray(headLength);
    let passages: Passage[] | null = null;
    return {
      ...head,
      segment: listed.segment,
      rows,
      passages() {
        if (!passages) {
          passages = JSON.parse(decoder.decode(passageBytes!)) as Passage[];
          passageBytes = null;
        }
        return passages;
      },
    };
  } finally {
    await closeFile(fd);
  }
}

/**
 * Reads these segments, in this order, their rows side by side in one array: one allocation for all.
 * A missing segment rejects with ENOENT (a writer may have pruned it).
 */
export async function readSegments(dir: string, listed: ReadonlyArray<ListedSegment>, dimensions: number): Promise<GenerationFile[]> {
  const vectors = new Float32Array(listed.reduce((n, s) => n + s.passages, 0) * dimensions);
  const limit = pLimit(IO_CONCURRENCY);
  let at = 0;
  return Promise.all(
    listed.map((entry) => {
      const rows = vectors.subarray(at, (at += entry.passages * dimensions));
      return limit(() => readSegment(join(dir, SEGMENTS_DIR, entry.segment), entry, dimensions, rows));
    }),
  );
}

/** Deletes the segments no kept generation names, and what a dead writer left. Only a lock holder may call it. */
export const pruneSegments = (dir: string, keep: ReadonlySet<string>): Promise<void> => pruneFolder(join(dir, SEGMENTS_DIR), keep);
