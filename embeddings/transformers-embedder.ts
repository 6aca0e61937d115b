// An Embedder over a transformers.js feature-extraction pipeline: mean pooling, then L2 normalisation.
// Serves the static model and any ONNX sentence-embedding model, from a local folder or the Hugging Face hub.
import { env, LogLevel, pipeline, type FeatureExtractionPipeline, type ProgressInfo } from '@huggingface/transformers';
import type { Embedder } from './embedder.js';
import { unitOrZero } from './unit.js';

export interface TransformersEmbedderOptions {
  id: string;
  /** An absolute folder path (never looked up on the hub), or a hub id such as `Xenova/multilingual-e5-small`. */
  model: string;
  /** Where hub downloads are cached, and where hub ids are first looked for. */
  modelsDir: string;
  /** Only for hub ids: a folder path never reaches the network whatever this says. */
  allowRemote: boolean;
  /** Prefixes some models were trained with (e5: `query: ` / `passage: `). */
  prefixes?: { query: string; passage: string };
  batchSize?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

const DOWNLOAD_STAGE = 'Downloading model';

export async function loadTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { prefixes = { query: '', passage: '' }, batchSize = 64, onProgress } = options;
  // transformers.js reads these globals while loading; every load sets them for itself.
  env.localModelPath = options.modelsDir;
  env.cacheDir = options.modelsDir;
  env.allowRemoteModels = options.allowRemote;
  env.logLevel = LogLevel.ERROR;
  const extractor = await pipeline('feature-extraction', options.model, {
    local_files_only: !options.allowRemote,
    progress_callback: onProgress
      ? (info: ProgressInfo) => {
          if (info.status === 'progress_total') onProgress(DOWNLOAD_STAGE, info.loaded, info.total);
        }
      : undefined,
  });

  const dimensions = await probeDimensions(extractor);
  const embed = (texts: string[], prefix: string) => embedInBatches(extractor, texts, prefix, batchSize, dimensions);
  return {
    id: options.id,
    dimensions,
    embedPassages: (texts) => embed(texts, prefixes.passage),
    embedQuery: async (text) => (await embed([text], prefixes.query))[0]!,
    dispose: () => extractor.dispose(),
  };
}

/**
 * Embeds texts shortest first, so that each batch pads to similar lengths, and returns them in the input order.
 * Blank texts get a zero vector without running the model (a prefix alone would otherwise get a meaningless vector).
 */
async function embedInBatches(
  extractor: FeatureExtractionPipeline,
  texts: string[],
  prefix: string,
  batchSize: number,
  dimensions: number,
): Promise<Float32Array[]> {
  const out = texts.map(() => new Float32Array(dimensions));
  const order = texts
    .map((text, index) => ({ text, index }))
    .filter(({ text }) => text.trim() !== '')
    .sort((a, b) => a.text.length - b.text.length);
  for (let start = 0; start < order.length; start += batchSize) {
    const batch = order.slice(start, start + batchSize);
    const output = await extractor(
      batch.map(({ text }) => prefix + text),
      { pooling: 'mean', normalize: false },
    );
    const data = output.data as Float32Array;
    batch.forEach(({ index }, row) => {
      out[index] = unitOrZero(new Float32Array(data.subarray(row * dimensions, (row + 1) * dimensions)));
    });
    output.dispose();
  }
  return out;
}

/** The width of the model's output, whatever its config claims. */
async function probeDimensions(extractor: FeatureExtractionPipeline): Promise<number> {
  const output = await extractor('dimensions', { pooling: 'mean' });
  const width = output.dims[1]!;
  output.dispose();
  return width;
}
