// The static model as one binary file that loads with a single read and no parsing: the vocabulary as an
// open-addressing hash table and the rows as they are stored (int8 + per-row scale, or float32).
// transformers.js needs a ~5 MB tokenizer.json turned into a 340k-entry Map (about 2 s with its ONNX
// session); this file is ready the moment its bytes are in memory, and those bytes can sit in a
// SharedArrayBuffer that every worker thread reads without a copy.
//
// Layout, little-endian, every section starting on a 4-byte boundary:
//   header   8 × u32: magic, version, dimensions, rows, precision (1 = int8, 4 = float32), slots, wordBytes, 0
//   scales   f32 × rows (int8 only)
//   values   i8 or f32 × rows × dimensions
//   offsets  u32 × (rows + 1): word i is words[offsets[i] .. offsets[i + 1]]
//   slots    u32 × slots: id + 1 of the word hashed there, 0 when empty (linear probing)
//   words    UTF-8
import type { RowTable } from './onnx-writer.js';

export const TABLE_FILE = 'static-model.bin';

const MAGIC = 0x4d534e43; // "CNSM"
const VERSION = 1;
const HEADER_WORDS = 8;

const align4 = (n: number) => (n + 3) & ~3;

/** FNV-1a over the UTF-8 bytes: cheap for short words, and the same in the writer and the reader. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/** `words[i]` is the token of row i (special tokens included). */
export function encodeTable(words: readonly string[], table: RowTable, dimensions: number): Uint8Array {
  const rows = words.length;
  const encoder = new TextEncoder();
  const encoded = words.map((w) => encoder.encode(w));
  const wordBytes = encoded.reduce((sum, w) => sum + w.length, 0);
  // At most half full, so that a probe for an unknown word ends after a step or two.
  let slots = 1;
  while (slots < rows * 2) slots *= 2;
  const int8 = table.kind === 'int8';
  const scalesBytes = int8 ? rows * 4 : 0;
  const valuesBytes = align4(rows * dimensions * (int8 ? 1 : 4));
  const size = HEADER_WORDS * 4 + scalesBytes + valuesBytes + (rows + 1) * 4 + slots * 4 + wordBytes;
  const out = new Uint8Array(size);
  const header = new Uint32Array(out.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, VERSION, dimensions, rows, int8 ? 1 : 4, slots, wordBytes, 0]);
  let at = HEADER_WORDS * 4;
  if (int8) {
    new Float32Array(out.buffer, at, rows).set(table.rows.scales);
    at += scalesBytes;
    new Int8Array(out.buffer, at, rows * dimensions).set(table.rows.values);
  } else {
    new Float32Array(out.buffer, at, rows * dimensions).set(table.matrix);
  }
  at += valuesBytes;
  const offsets = new Uint32Array(out.buffer, at, rows + 1);
  at += (rows + 1) * 4;
  const slotIds = new Uint32Array(out.buffer, at, slots);
  at += slots * 4;
  const text = out.subarray(at);
  let offset = 0;
  encoded.forEach((bytes, id) => {
    offsets[id] = offset;
    text.set(bytes, offset);
    offset += bytes.length;
    let slot = hashBytes(bytes, 0, bytes.length) & (slots - 1);
    while (slotIds[slot] !== 0) slot = (slot + 1) & (slots - 1);
    slotIds[slot] = id + 1;
  });
  offsets[rows] = offset;
  return out;
}

/** Looks words up and sums rows, from memory or from the file. */
export interface StaticTable {
  readonly dimensions: number;
  /** Row id of `token`, or undefined when the vocabulary lacks it. */
  idOf(token: string): number | undefined;
  /** Adds row `id` to `sum` in float32 per element, as the ONNX graph computes it. */
  addRow(id: number, sum: Float64Array): void;
}

/** Where each section starts, in bytes from the start of the table. */
interface Layout {
  dimensions: number;
  rows: number;
  int8: boolean;
  slots: number;
  wordBytes: number;
  scales: number;
  values: number;
  offsets: number;
  slotIds: number;
  words: number;
  end: number;
}

export const HEADER_BYTES = HEADER_WORDS * 4;

function layoutOf(header: Uint32Array): Layout {
  const [magic, version, dimensions, rows, precision, slots, wordBytes] = header as unknown as number[];
  if (magic !== MAGIC || version !== VERSION) throw new Error(`${TABLE_FILE} is not a confnotes static model table (version ${VERSION})`);
  const int8 = precision === 1;
  const scales = HEADER_BYTES;
  const values = scales + (int8 ? rows! * 4 : 0);
  const offsets = values + align4(rows! * dimensions! * (int8 ? 1 : 4));
  const slotIds = offsets + (rows! + 1) * 4;
  const words = slotIds + slots! * 4;
  return { dimensions: dimensions!, rows: rows!, int8, slots: slots!, wordBytes: wordBytes!, scales, values, offsets, slotIds, words, end: words + wordBytes! };
}

/** Encodes `token` as UTF-8 into a buffer that grows as needed (at most 3 bytes per UTF-16 unit). */
function tokenEncoder(): (token: string) => { bytes: Uint8Array; length: number } {
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(256);
  return (token) => {
    if (token.length * 3 > scratch.length) scratch = new Uint8Array(token.length * 3);
    return { bytes: scratch, length: encoder.encodeInto(token, scratch).written };
  };
}

/** A table already in memory; `buffer` may be a SharedArrayBuffer that other threads read too. */
export function readTable(buffer: ArrayBufferLike): StaticTable {
  const layout = layoutOf(new Uint32Array(buffer, 0, HEADER_WORDS));
  const { dimensions, rows, slots } = layout;
  const scales = new Float32Array(buffer, layout.scales, layout.int8 ? rows : 0);
  const int8Values = new Int8Array(buffer, layout.values, layout.int8 ? rows * dimensions : 0);
  const floatValues = new Float32Array(buffer, layout.values, layout.int8 ? 0 : rows * dimensions);
  const offsets = new Uint32Array(buffer, layout.offsets, rows + 1);
  const slotIds = new Uint32Array(buffer, layout.slotIds, slots);
  const text = new Uint8Array(buffer, layout.words, layout.wordBytes);
  const encode = tokenEncoder();
  const mask = slots - 1;
  return {
    dimensions,
    idOf: (token) =>
      probe(encode(token), mask, (slot) => slotIds[slot]!, (id, bytes, length) => {
        const start = offsets[id]!;
        return offsets[id + 1]! - start === length && sameBytes(text, start, bytes, length);
      }),
    addRow(id, sum) {
      const offset = id * dimensions;
      if (layout.int8) {
        const scale = scales[id]!;
        for (let d = 0; d < dimensions; d++) sum[d]! += Math.fround(int8Values[offset + d]! * scale);
      } else {
        for (let d = 0; d < dimensions; d++) sum[d]! += floatValues[offset + d]!;
      }
    },
  };
}

/** Distinct words whose id and row a file table keeps, so that a word repeated across passages is read once. */
const FILE_CACHE_WORDS = 20_000;

/**
 * A table read from its file a few bytes at a time. A question needs ~10 rows of the 340k: reading them
 * where they lie costs well under a millisecond, while bringing the whole 40 MB file into fresh memory costs
 * about 0.3 s on some machines (a page fault per 4 kB). `readAt` fills `into` from file position `position`.
 */
export function fileTable(header: Uint8Array, readAt: (into: Uint8Array, position: number) => void): StaticTable {
  const layout = layoutOf(new Uint32Array(header.buffer, header.byteOffset, HEADER_WORDS));
  const { dimensions, slots } = layout;
  const word = new Uint8Array(8);
  const words = new DataView(word.buffer);
  const row = new Uint8Array(dimensions * 4);
  const rowView = new DataView(row.buffer);
  const u32 = (position: number) => {
    readAt(word.subarray(0, 4), position);
    return words.getUint32(0, true);
  };
  let text = new Uint8Array(256);
  const encode = tokenEncoder();
  const mask = slots - 1;
  const lookUp = (token: string) =>
    probe(encode(token), mask, (slot) => u32(layout.slotIds + slot * 4), (id, bytes, length) => {
      readAt(word, layout.offsets + id * 4);
      const start = words.getUint32(0, true);
      if (words.getUint32(4, true) - start !== length) return false;
      if (text.length < length) text = new Uint8Array(length);
      readAt(text.subarray(0, length), layout.words + start);
      return sameBytes(text, 0, bytes, length);
    });
  /** Row `id` as float32 values, scaled as the ONNX graph scales them. */
  const readRow = (id: number): Float32Array => {
    const out = new Float32Array(dimensions);
    if (layout.int8) {
      readAt(word.subarray(0, 4), layout.scales + id * 4);
      const scale = words.getFloat32(0, true);
      readAt(row.subarray(0, dimensions), layout.values + id * dimensions);
      for (let d = 0; d < dimensions; d++) out[d] = rowView.getInt8(d) * scale;
    } else {
      readAt(row, layout.values + id * dimensions * 4);
      for (let d = 0; d < dimensions; d++) out[d] = rowView.getFloat32(d * 4, true);
    }
    return out;
  };
  const ids = new Map<string, number | undefined>();
  const rows = new Map<number, Float32Array>();
  return {
    dimensions,
    idOf(token) {
      if (ids.has(token)) return ids.get(token);
      if (ids.size >= FILE_CACHE_WORDS) ids.clear();
      const id = lookUp(token);
      ids.set(token, id);
      return id;
    },
    addRow(id, sum) {
      let values = rows.get(id);
      if (!values) {
        if (rows.size >= FILE_CACHE_WORDS) rows.clear();
        values = readRow(id);
        rows.set(id, values);
      }
      for (let d = 0; d < dimensions; d++) sum[d]! += values[d]!;
    },
  };
}

/** Linear probing from the token's hash: the id whose word matches, or undefined at the first empty slot. */
function probe(
  token: { bytes: Uint8Array; length: number },
  mask: number,
  entryAt: (slot: number) => number,
  matches: (id: number, bytes: Uint8Array, length: number) => boolean,
): number | undefined {
  const { bytes, length } = token;
  for (let slot = hashBytes(bytes, 0, length) & mask; ; slot = (slot + 1) & mask) {
    const entry = entryAt(slot);
    if (entry === 0) return undefined;
    if (matches(entry - 1, bytes, length)) return entry - 1;
  }
}

function sameBytes(text: Uint8Array, start: number, token: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (text[start + i] !== token[i]) return false;
  return true;
}
