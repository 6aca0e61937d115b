// Resolving the model setting: prebuilt static models are reused, missing ones built, unusable ones reported clearly.
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder, ensureStaticModel, readMeta, staticModelId } from '../../embeddings/create-embedder.js';
import { TABLE_FILE } from '../../embeddings/static-model/table-file.js';
import { ConfnotesError } from '../../src/errors.js';
import { testModelPath, testModels, testModelsDir } from '../helpers/model.js';

const tempDirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'confnotes-models-'));
  tempDirs.push(dir);
  return dir;
};

describe('createEmbedder', () => {
  afterAll(async () => {
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('reuses a static model whose build matches, without building or reporting progress', async () => {
    const stages: string[] = [];
    const meta = await ensureStaticModel(testModelPath('small-int8'), testModels['small-int8'], (stage) => stages.push(stage));
    expect(stages).toEqual([]);
    expect(meta.vocabulary.limit).toBe(20_000);
  });

  it('builds a missing static model on first use, reporting progress, and leaves only the finished folder', async () => {
    const modelsDir = await tempDir();
    const dir = join(modelsDir, 'tiny');
    const progress: Array<[string, number, number]> = [];
    const meta = await ensureStaticModel(dir, { vocabularyLimit: 2_000 }, (...report) => progress.push(report));
    expect(progress.at(0)).toEqual(['Building model', 0, 4]);
    expect(progress.at(-1)).toEqual(['Building model', 4, 4]);
    expect(await readdir(modelsDir)).toEqual(['tiny']);
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'meta.json', 'onnx', 'static-model.bin', 'tokenizer.json', 'tokenizer_config.json']);
    const embedder = await createEmbedder({ model: dir, modelsDir });
    expect(embedder.id).toBe(staticModelId(meta));
    expect(embedder.id).toContain(':v');
    await embedder.dispose();
  });

  it('loads a static model by name from the models folder, with an id from its meta', async () => {
    const embedder = await createEmbedder({ model: 'static-glove-100d', modelsDir: testModelsDir() });
    const meta = await readMeta(join(testModelsDir(), 'static-glove-100d'));
    expect(embedder.id).toBe(staticModelId(meta!));
    await embedder.dispose();
  });

  it('loads a model folder given by name inside the models folder', async () => {
    const embedder = await createEmbedder({ model: 'small-float32', modelsDir: testModelsDir() });
    expect(embedder.id).toMatch(/^static-glove-100d:float32:/);
    await embedder.dispose();
  });

  it('refuses a name that is no static model, folder or hub id', async () => {
    const error = await createEmbedder({ model: 'no such model', modelsDir: await tempDir() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfnotesError);
    expect((error as ConfnotesError).code).toBe('MODEL_UNAVAILABLE');
  });

  it('reports a static model folder with a broken table as unavailable', async () => {
    const dir = join(await tempDir(), 'broken');
    await cp(testModelPath('small-int8'), dir, { recursive: true });
    await writeFile(join(dir, TABLE_FILE), 'not a table');
    const error = await createEmbedder({ model: dir, modelsDir: dir }).catch((e: unknown) => e);
    expect((error as ConfnotesError).code).toBe('MODEL_UNAVAILABLE');
    expect((error as ConfnotesError).message).toContain(dir);
  });

  it('reports a static model folder without a table and with a broken ONNX file as unavailable', async () => {
    const dir = join(await tempDir(), 'broken');
    await cp(testModelPath('small-int8'), dir, { recursive: true, filter: (source) => !source.endsWith(TABLE_FILE) });
    await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), 'not a model');
    const error = await createEmbedder({ model: dir, modelsDir: dir }).catch((e: unknown) => e);
    expect((error as ConfnotesError).code).toBe('MODEL_UNAVAILABLE');
    expect((error as ConfnotesError).message).toContain(dir);
  });

  it('reports a transformers.js model folder with a broken ONNX file as unavailable', async () => {
    const dir = join(await tempDir(), 'broken');
    await cp(testModelPath('small-int8'), dir, { recursive: true, filter: (source) => !/meta\.json$|static-model\.bin$/.test(source) });
    await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), 'not a model');
    const error = await createEmbedder({ model: dir, modelsDir: dir }).catch((e: unknown) => e);
    expect((error as ConfnotesError).code).toBe('MODEL_UNAVAILABLE');
    expect((error as ConfnotesError).message).toContain(dir);
  });

  it('reports a hub model that is neither cached nor downloadable as unavailable', async () => {
    const modelsDir = await tempDir();
    // The hub is unreachable here (and a 404 anywhere): either way the error names the model.
    const error = await createEmbedder({ model: 'confnotes-test/no-such-model', modelsDir }).catch((e: unknown) => e);
    expect((error as ConfnotesError).code).toBe('MODEL_UNAVAILABLE');
    expect((error as ConfnotesError).message).toContain('confnotes-test/no-such-model');
  });
});
