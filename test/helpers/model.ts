// Prebuilt static models for tests. test/global-setup.ts builds them once into a cache folder that survives runs
// (rebuilt only when the build code or its inputs change); tests load them from disk.
//
//   import { createEmbedder } from '../../embeddings/create-embedder.js';
//   import { testModelsDir } from '../helpers/model.js';
//   const embedder = await createEmbedder({ model: 'static-glove-100d', modelsDir: testModelsDir() });
//
// `static-glove-100d` there is the real default model (full vocabulary, int8), so nothing is built in the test.
// `testModelPath('small-int8')` is a 20k-word model: quicker to load, but it misses rare words and names.
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { STATIC_MODELS, type StaticModelOptions } from '../../embeddings/create-embedder.js';
import { contractTexts, pairs } from '../embeddings/sentence-pairs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testModelsDir: string;
  }
}

export const TEST_MODELS_CACHE = resolve('node_modules/.cache/confnotes-test-models');

const small = (options: StaticModelOptions): StaticModelOptions => ({
  vocabularyLimit: 20_000,
  // Every word of the test sentences is kept, so small models behave like the full one on them.
  extraWords: [...contractTexts, ...pairs.flatMap((p) => [p.question, p.passage])],
  ...options,
});

/** Model folder name → how it is built. */
export const testModels = {
  'static-glove-100d': STATIC_MODELS['static-glove-100d']!,
  'small-int8': small({ precision: 'int8' }),
  'small-float32': small({ precision: 'float32' }),
  // Weighting steps one at a time, for test/embeddings/weighting.test.ts.
  'small-plain-mean': small({ precision: 'float32', weighting: { sifA: null, stopWords: false, removeCommonComponent: false } }),
  'small-sif': small({ precision: 'float32', weighting: { stopWords: false, removeCommonComponent: false } }),
  'small-sif-stop-words': small({ precision: 'float32', weighting: { removeCommonComponent: false } }),
} satisfies Record<string, StaticModelOptions>;

export type TestModelName = keyof typeof testModels;

/** The folder holding the prebuilt test models; pass it as `modelsDir`. */
export function testModelsDir(): string {
  return inject('testModelsDir');
}

export function testModelPath(name: TestModelName): string {
  return join(testModelsDir(), name);
}
