// End to end on the default model as users get it: full vocabulary, int8, loaded by name with no network.
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../embeddings/create-embedder.js';
import type { Embedder } from '../../embeddings/embedder.js';
import { testModelsDir } from '../helpers/model.js';
import { dot } from '../../embeddings/dot.js';
import { embedderContract } from './embedder.contract.js';
import { ETSY_FRENCH, ETSY_QUESTION, pairs, UNRELATED } from './sentence-pairs.js';

const loadDefault = () => createEmbedder({ model: 'static-glove-100d', modelsDir: testModelsDir() });

embedderContract('default static model (full vocabulary, int8)', loadDefault);

describe('default static model', () => {
  let embedder: Embedder;
  const requests: string[] = [];
  const realFetch = env.fetch;
  beforeAll(async () => {
    // A tripwire, not a stand-in: any attempt to reach a hub fails the test.
    env.fetch = async (input: string | URL) => {
      requests.push(String(input));
      throw new Error(`network access to ${String(input)}`);
    };
    embedder = await loadDefault();
  });
  afterAll(async () => {
    env.fetch = realFetch;
    await embedder?.dispose();
  });

  it('loads and embeds without any network request', async () => {
    await embedder.embedPassages(pairs.map((p) => p.passage));
    expect(requests).toEqual([]);
  });

  it('knows rare names that a top-100k vocabulary would miss', async () => {
    const question = await embedder.embedQuery(ETSY_QUESTION);
    const [french, unrelated] = await embedder.embedPassages([ETSY_FRENCH, UNRELATED]);
    expect(dot(question, french!)).toBeGreaterThan(0.4);
    expect(dot(question, unrelated!)).toBeLessThan(0.1);
  });

  it('ranks each question’s own passage first for most of the pairs', async () => {
    const passages = await embedder.embedPassages(pairs.map((p) => p.passage));
    let top1 = 0;
    for (const [i, pair] of pairs.entries()) {
      const question = await embedder.embedQuery(pair.question);
      const scores = passages.map((p) => dot(question, p));
      if (scores.every((s, j) => j === i || s < scores[i]!)) top1++;
    }
    expect(top1).toBeGreaterThanOrEqual(8);
  });
});
