// The static model loaded through its binary table gives exactly the vectors the transformers.js pipeline gives
// on the same model folder, so that an index built by one is valid for the other and the default model's quality
// is unchanged. Compared element by element, not within a tolerance.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, readMeta, staticModelId } from '../../embeddings/create-embedder.js';
import type { Embedder } from '../../embeddings/embedder.js';
import { readStaticTable, staticEmbedder } from '../../embeddings/static-embedder.js';
import { TABLE_FILE } from '../../embeddings/static-model/table-file.js';
import { loadTransformersEmbedder } from '../../embeddings/transformers-embedder.js';
import { passageTextForEmbedding } from '../../src/index/sync-index.js';
import { parseNote } from '../../src/notes/parse-note.js';
import { readNotes } from '../../src/notes/read-notes.js';
import { SHARED } from '../helpers/cli.js';
import { testModelPath, testModelsDir } from '../helpers/model.js';
import { embedderContract } from './embedder.contract.js';
import { contractTexts, pairs } from './sentence-pairs.js';

const defaultDir = () => join(testModelsDir(), 'static-glove-100d');
const throughTransformers = async (dir: string): Promise<Embedder> =>
  loadTransformersEmbedder({ id: staticModelId((await readMeta(dir))!), model: dir, modelsDir: dir, allowRemote: false });

// The path users of a folder without confnotes (any ONNX runtime) take keeps meeting the contract.
embedderContract('default static model through transformers.js', () => throughTransformers(defaultDir()));
embedderContract('default static model from a shared table', async () => {
  const dir = defaultDir();
  return staticEmbedder(staticModelId((await readMeta(dir))!), await readStaticTable(dir));
});

/** Texts where a tokenizer could go its own way: special tokens typed in, controls, CJK, emoji, odd spaces, > 4096 tokens. */
const EDGE_TEXTS = [
  'before [UNK] after [PAD]glued',
  'nul\u0000 zero-width\u200b replacement\ufffd bell\u0007',
  '東京の会議 and 中文 words',
  'emoji 😀 between words 🚀',
  'tab\there\nnewline\r\nnbsp\u00a0thin\u2009space',
  "L'ÉQUIPE A DÉPLOYÉ — « vite », n'est-ce pas ?",
  'deploy '.repeat(5000),
  'zzqxv unknownword qwertyuiop',
  '...!!!',
];

describe('static model: binary table and transformers.js agree', () => {
  let native: Embedder;
  let reference: Embedder;
  beforeAll(async () => {
    native = await createEmbedder({ model: 'static-glove-100d', modelsDir: testModelsDir() });
    reference = await throughTransformers(defaultDir());
  });
  afterAll(async () => {
    await Promise.all([native?.dispose(), reference?.dispose()]);
  });

  it('has the same id, so that existing indexes stay valid', () => {
    expect(native.id).toBe(reference.id);
    expect(native.dimensions).toBe(reference.dimensions);
  });

  it('embeds questions (read from the file) exactly as transformers.js does', async () => {
    const fresh = await createEmbedder({ model: 'static-glove-100d', modelsDir: testModelsDir() });
    for (const text of [...EDGE_TEXTS, ...pairs.map((p) => p.question)]) {
      expect(await fresh.embedQuery(text), text).toEqual(await reference.embedQuery(text));
    }
    await fresh.dispose();
  });

  it('embeds passages exactly as transformers.js does', async () => {
    const texts = [...EDGE_TEXTS, ...contractTexts];
    expect(await native.embedPassages(texts)).toEqual(await reference.embedPassages(texts));
    expect(await native.embedQuery(EDGE_TEXTS[5]!)).toEqual(await reference.embedQuery(EDGE_TEXTS[5]!));
  });

  it.skipIf(!existsSync(join(SHARED, 'corpus')))('embeds every passage of the shared corpus exactly as transformers.js does (needs ../shared)', async () => {
    const { sources } = await readNotes(join(SHARED, 'corpus'), { maxFileBytes: 5 * 1024 * 1024 });
    const texts = sources.flatMap((source) => parseNote(source).passages.map(passageTextForEmbedding));
    expect(texts.length).toBeGreaterThan(500);
    const [a, b] = [await native.embedPassages(texts), await reference.embedPassages(texts)];
    const differing = texts.filter((_, i) => a[i]!.some((x, d) => x !== b[i]![d]));
    expect(differing).toEqual([]);
  });
});

describe('static model folders built before the table existed', () => {
  const temp: string[] = [];
  afterAll(async () => {
    await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('get the same table, derived from their tokenizer and ONNX files, on first load', async () => {
    for (const name of ['small-int8', 'small-float32'] as const) {
      const dir = join(await mkdtemp(join(tmpdir(), 'confnotes-table-')), name);
      temp.push(dir);
      await cp(testModelPath(name), dir, { recursive: true, filter: (source) => !source.endsWith(TABLE_FILE) });
      expect(existsSync(join(dir, TABLE_FILE))).toBe(false);
      const embedder = await createEmbedder({ model: dir, modelsDir: dir });
      // Buffer.equals: a deep equality over megabytes of bytes would take minutes.
      const [derived, built] = [await readFile(join(dir, TABLE_FILE)), await readFile(join(testModelPath(name), TABLE_FILE))];
      expect(derived.length).toBe(built.length);
      expect(derived.equals(built)).toBe(true);
      expect(embedder.id).toBe(staticModelId((await readMeta(dir))!));
      await embedder.dispose();
    }
  });
});
