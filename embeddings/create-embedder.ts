// Turns the CONFNOTES_MODEL setting into a ready Embedder: the static model (built on first use),
// a local model folder, or a Hugging Face hub id.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { ConfnotesError } from '../src/errors.js';
import { log } from '../src/log.js';
import type { Embedder } from './embedder.js';
import { buildRequest, buildStaticModel, type BuildProgress, type StaticModelOptions } from './static-model/build.js';
import { matchesRequest, readMeta, staticModelId, type StaticModelMeta } from './static-model/meta.js';
import { loadTransformersEmbedder } from './transformers-embedder.js';

export { buildStaticModel, type StaticModelOptions } from './static-model/build.js';
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
  const staticOptions = STATIC_MODELS[model];
  if (staticOptions) {
    const dir = join(modelsDir, model);
    const meta = await ensureStaticModel(dir, staticOptions, onProgress);
    return load(model, { id: staticModelId(meta), model: dir, modelsDir, allowRemote: false });
  }
  // e5 models were trained with these prefixes and lose accuracy without them.
  const prefixes = /\be5\b/i.test(basename(model)) ? { query: 'query: ', passage: 'passage: ' } : undefined;
  // A hub id keeps its id once downloaded: transformers.js finds the copy cached in modelsDir without the network.
  if (HUB_ID.test(model) && !existsSync(resolve(model))) {
    return load(model, { id: `hub:${model}`, model, modelsDir, allowRemote: true, prefixes, onProgress });
  }
  const dir = localModelDir(model, modelsDir);
  if (dir) {
    const meta = await readMeta(dir);
    const id = meta ? staticModelId(meta) : await localModelId(dir);
    return load(model, { id, model: dir, modelsDir, allowRemote: false, prefixes });
  }
  throw new ConfnotesError('MODEL_UNAVAILABLE', `model "${model}" is neither a static model name, a model folder nor a hub id`);
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
    const meta = await buildStaticModel(dir, { ...options, onProgress });
    log.info({ dir, seconds: (Date.now() - started) / 1000, vocabulary: meta.vocabularySize }, 'static embedding model built');
    return meta;
  } catch (error) {
    throw new ConfnotesError('MODEL_BUILD_FAILED', `building ${dir} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function load(model: string, options: Parameters<typeof loadTransformersEmbedder>[0]): Promise<Embedder> {
  try {
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
