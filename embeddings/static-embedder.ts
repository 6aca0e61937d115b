// The static model's Embedder without transformers.js or onnxruntime: tokens looked up in the binary table,
// rows summed, then scaled to unit length. It computes what the transformers.js pipeline computes on the same
// model (BERT normalizer and pre-tokenizer, the int8 rows cast and scaled in float32, mean pooling in doubles),
// so that an index built by either is valid for the other (test/embeddings/static-native.test.ts compares them).
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embedder } from './embedder.js';
import { fileTable, HEADER_BYTES, readTable, TABLE_FILE, type StaticTable } from './static-model/table-file.js';
import { bertTokens } from './static-model/text-rules.js';
import { MAX_TOKENS } from './static-model/tokenizer-files.js';
import { unitOrZero } from './unit.js';

/**
 * Reads the table file of a static model folder into a SharedArrayBuffer: one read, no parsing,
 * and worker threads given the buffer share it instead of loading their own copy.
 */
export async function readStaticTable(dir: string): Promise<SharedArrayBuffer> {
  const file = await open(join(dir, TABLE_FILE), 'r');
  try {
    const { size } = await file.stat();
    const shared = new SharedArrayBuffer(size);
    const bytes = new Uint8Array(shared);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await file.read(bytes, at, size - at, at);
      if (bytesRead === 0) throw new Error(`${TABLE_FILE} ended after ${at} of ${size} bytes`);
      at += bytesRead;
    }
    return shared;
  } finally {
    await file.close();
  }
}

/** An Embedder over a table already in memory (from readStaticTable, possibly in another thread). */
export function staticEmbedder(id: string, buffer: ArrayBufferLike): Embedder {
  const table = readTable(buffer);
  return {
    id,
    dimensions: table.dimensions,
    embedPassages: async (texts) => texts.map((text) => embedText(table, text)),
    embedQuery: async (text) => embedText(table, text),
    // Nothing native to free: the buffer goes when the last reference does.
    dispose: async () => {},
  };
}

// Characters embedded at once from which reading the whole table first is faster than row by row (indexing).
const BULK_CHARACTERS = 200_000;
// Characters embedded from the file after which a long-lived process reads the table into memory, in the
// background: a one-shot `confnotes ask` embeds ~20k (its question and the sentences of the best passages).
const CHARACTERS_BEFORE_LOADING = 1_000_000;

/**
 * An Embedder that starts in a millisecond: texts are embedded from rows read where they lie in the file, until
 * a batch is large (indexing) or the process has embedded enough to be long-lived; then from the whole table in memory.
 */
export function openStaticEmbedder(id: string, dir: string): Embedder {
  const fd = openSync(join(dir, TABLE_FILE), 'r');
  const readAt = (into: Uint8Array, position: number) => {
    if (readSync(fd, into, 0, into.length, position) !== into.length) throw new Error(`${TABLE_FILE} in ${dir} is truncated`);
  };
  let onFile: StaticTable;
  try {
    const header = new Uint8Array(HEADER_BYTES);
    readAt(header, 0);
    onFile = fileTable(header, readAt);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let inMemory: StaticTable | undefined;
  let loading: Promise<StaticTable> | undefined;
  const load = () =>
    (loading ??= readStaticTable(dir).then(
      (buffer) => (inMemory = readTable(buffer)),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  let fromFile = 0;
  const tableFor = async (texts: string[]): Promise<StaticTable> => {
    if (inMemory) return inMemory;
    const characters = texts.reduce((sum, text) => sum + text.length, 0);
    if (characters >= BULK_CHARACTERS) return load();
    fromFile += characters;
    // A failed background read leaves the file in use; the next bulk batch reports the error.
    if (fromFile >= CHARACTERS_BEFORE_LOADING) load().catch(() => {});
    return onFile;
  };
  let closed = false;
  return {
    id,
    dimensions: onFile.dimensions,
    async embedPassages(texts) {
      const table = await tableFor(texts);
      return texts.map((text) => embedText(table, text));
    },
    embedQuery: async (text) => embedText(await tableFor([text]), text),
    async dispose() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

function embedText(table: StaticTable, text: string): Float32Array {
  const out = new Float32Array(table.dimensions);
  // Blank texts are zero without tokenizing, as in the transformers.js embedder.
  if (text.trim() === '') return out;
  const tokens = bertTokens(text);
  // The pipeline truncates to the model's maximum length.
  const count = Math.min(tokens.length, MAX_TOKENS);
  if (count === 0) return out;
  const sum = new Float64Array(table.dimensions);
  // An unknown word's row is [UNK]'s, which is zero: it adds nothing but still counts in the mean.
  for (let i = 0; i < count; i++) {
    const id = table.idOf(tokens[i]!);
    if (id !== undefined) table.addRow(id, sum);
  }
  for (let d = 0; d < out.length; d++) out[d] = sum[d]! / count;
  return unitOrZero(out);
}
