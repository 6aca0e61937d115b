// Builds (when missing) and loads the static model in a process of its own, as a first `confnotes`
// run does, and prints how long each step took. Run by the indexing section: the build's 1–2 GB peak
// must not stay in the bench's own heap.
//   node dist/bench/model-probe.js <modelsDir> <model>
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { STATIC_MODELS, createEmbedder, ensureStaticModel } from '../embeddings/create-embedder.js';

const [modelsDir, model] = process.argv.slice(2);
if (!modelsDir || !model) throw new Error('usage: model-probe <modelsDir> <model>');
const options = STATIC_MODELS[model];
if (!options) throw new Error(`${model} is not a static model: the bench builds only those`);

const started = performance.now();
await ensureStaticModel(join(modelsDir, model), options);
const built = performance.now();
const embedder = await createEmbedder({ model, modelsDir });
// The first embedding creates the inference session's buffers: part of loading as a user feels it.
await embedder.embedQuery('warm up');
const loaded = performance.now();
await embedder.dispose();
process.stdout.write(`${JSON.stringify({ buildMs: built - started, loadMs: loaded - built })}\n`);
