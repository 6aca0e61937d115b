// Turns the CONFNOTES_MODEL setting into a ready Embedder: the static model (built on first use),
// a local model folder, or a Hugging Face hub id. Static models load through their binary table
// (milliseconds); every other model through transformers.js, imported only then (it and onnxruntime
// take about a second to import).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { ConfnotesError } from '../src/errors.js';
import { log } from '../src/log.js';
import type { Embedder } from './embedder.js';
import { buildRequest, type BuildProgress, type StaticModelOptions } from './static-model/request.js';
import { matchesRequest, readMeta, staticModelId, type StaticModelMeta } from './static-model/meta.js';
import type { TransformersEmbedderOptions } from './transformers-embedder.js';
import { openStaticEmbedder, readStaticTable } from './static-embedder.js';
import { TABLE_FILE } from './static-model/table-file.js';

export type { StaticModelOptions } from './static-model/request.js';
export { readMeta, staticModelId, type StaticModelMeta } from './static-model/meta.js';

/** Model names confnotes builds itself, from the word vectors installed with it. */
export const STATIC_MODELS: Readonly<Record<string, StaticModelOptions>> = {
  'static-glove-100d': { precision: 'int8' },
  'static-glove-100d-fp32': { precision: 'float32' },
};

export interface CreateEmbedderOptions {
  /** A static model name, a model folder (absolute, relative to the working directory, or inside `modelsDir`), or a hub id. */
  model: string;
  modelsDir: string;
  onProgress?: BuildProgress;
}

// owner/name, as the hub spells ids.
const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

export async function createEmbedder(options: CreateEmbedderOptions): Promise<Embedder> {
  const { model, onProgress } = options;
  const modelsDir = resolve(options.modelsDir);
  const found = await findStaticModel(options);
  if (found) {
    try {
      return openStaticEmbedder(found.id, found.dir);
    } catch (error) {
      throw new ConfnotesError('MODEL_UNAVAILABLE', `cannot load model "${model}" from ${found.dir}: ${(error as Error).message}`, { cause: error });
    }
  }
  // e5 models were trained with these prefixes and lose accuracy without them.
  const prefixes = /\be5\b/i.test(basename(model)) ? { query: 'query: ', passage: 'passage: ' } : undefined;
  if (isHubId(model)) return load(model, { id: `hub:${model}`, model, modelsDir, allowRemote: true, prefixes, onProgress });
  const dir = localModelDir(model, modelsDir);
  if (dir) return load(model, { id: await localModelId(dir), model: dir, modelsDir, allowRemote: false, prefixes });
  throw new ConfnotesError('MODEL_UNAVAILABLE', `model "${model}" is neither a static model name, a model folder nor a hub id`);
}

export interface SharedStaticModel {
  id: string;
  /** The table file's bytes: worker threads build their embedder on it (staticEmbedder) without a copy of their own. */
  table: SharedArrayBuffer;
}

/** The static model the setting names, read into shared memory; undefined for a transformers.js model. */
export async function sharedStaticModel(options: CreateEmbedderOptions): Promise<SharedStaticModel | undefined> {
  const found = await findStaticModel(options);
  return found && { id: found.id, table: await readStaticTable(found.dir) };
}

// A hub id keeps its id once downloaded: transformers.js finds the copy cached in modelsDir without the network.
const isHubId = (model: string) => HUB_ID.test(model) && !existsSync(resolve(model));

/** The folder and id of the static model `model` names (built first if it is a missing static model name), if it names one. */
async function findStaticModel(options: CreateEmbedderOptions): Promise<{ dir: string; id: string } | undefined> {
  const { model, onProgress } = options;
  const modelsDir = resolve(options.modelsDir);
  const staticOptions = STATIC_MODELS[model];
  let dir: string | undefined;
  let meta: StaticModelMeta | undefined;
  if (staticOptions) {
    dir = join(modelsDir, model);
    meta = await ensureStaticModel(dir, staticOptions, onProgress);
  } else if (!isHubId(model)) {
    dir = localModelDir(model, modelsDir);
    meta = dir ? await readMeta(dir) : undefined;
  }
  if (!dir || !meta) return undefined;
  try {
    await ensureStaticTable(dir, meta);
  } catch (error) {
    throw new ConfnotesError('MODEL_UNAVAILABLE', `cannot load model "${model}" from ${dir}: ${(error as Error).message}`, { cause: error });
  }
  return { dir, id: staticModelId(meta) };
}

/** Returns the meta of the static model in `dir`, building it first when it is missing or from another build. */
export async function ensureStaticModel(
  dir: string,
  options: StaticModelOptions,
  onProgress?: BuildProgress,
): Promise<StaticModelMeta> {
  let request;
  try {
    request = buildRequest(options);
  } catch (error) {
    throw new ConfnotesError('MODEL_BUILD_FAILED', `cannot read the word vectors package: ${(error as Error).message}`, { cause: error });
  }
  const existing = await readMeta(dir);
  if (existing && matchesRequest(existing, request)) return existing;
  log.info({ dir, replacing: Boolean(existing) }, 'building the static embedding model');
  const started = Date.now();
  try {
    const { buildStaticModel } = await import('./static-model/build.js');
    const meta = await buildStaticModel(dir, { ...options, onProgress });
    log.info({ dir, seconds: (Date.now() - started) / 1000, vocabulary: meta.vocabularySize }, 'static embedding model built');
    return meta;
  } catch (error) {
    throw new ConfnotesError('MODEL_BUILD_FAILED', `building ${dir} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes the table file of a static model folder that predates it. */
async function ensureStaticTable(dir: string, meta: StaticModelMeta): Promise<void> {
  if (existsSync(join(dir, TABLE_FILE))) return;
  const { writeTableFromFolder } = await import('./static-model/table-from-folder.js');
  await writeTableFromFolder(dir, meta.precision);
}

async function load(model: string, options: TransformersEmbedderOptions): Promise<Embedder> {
  try {
    const { loadTransformersEmbedder } = await import('./transformers-embedder.js');
    return await loadTransformersEmbedder(options);
  } catch (error) {
    throw new ConfnotesError('MODEL_UNAVAILABLE', `cannot load model "${model}": ${(error as Error).message}`, { cause: error });
  }
}

/** The absolute folder `model` names, if it names an existing one. */
function localModelDir(model: string, modelsDir: string): string | undefined {
  const candidates = isAbsolute(model) ? [model] : [resolve(model), join(modelsDir, model)];
  return candidates.find((dir) => existsSync(join(dir, 'config.json')));
}

/** A folder's id changes when its config or the size of any of its ONNX files does. */
async function localModelId(dir: string): Promise<string> {
  const hash = createHash('sha256').update(await readFile(join(dir, 'config.json')));
  const onnxDir = join(dir, 'onnx');
  const files = existsSync(onnxDir) ? (await readdir(onnxDir)).sort() : [];
  for (const file of files) hash.update(`${file}:${(await stat(join(onnxDir, file))).size}`);
  return `local:${basename(dir)}:${hash.digest('hex').slice(0, 12)}`;
}
