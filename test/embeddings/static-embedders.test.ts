// The contract on the small-vocabulary static models, int8 and float32, and how the two compare.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../embeddings/create-embedder.js';
import type { Embedder } from '../../embeddings/embedder.js';
import { testModelPath } from '../helpers/model.js';
import { dot } from '../../embeddings/dot.js';
import { embedderContract } from './embedder.contract.js';
import { contractTexts, ETSY_FRENCH, FRENCH_ACCENTED } from './sentence-pairs.js';

const load = (name: 'small-int8' | 'small-float32') => () => createEmbedder({ model: testModelPath(name), modelsDir: testModelPath(name) });

embedderContract('static model, 20k words, int8', load('small-int8'));
embedderContract('static model, 20k words, float32', load('small-float32'));

describe('static model variants', () => {
  let int8: Embedder;
  let float32: Embedder;
  beforeAll(async () => {
    [int8, float32] = await Promise.all([load('small-int8')(), load('small-float32')()]);
  });
  afterAll(async () => {
    await Promise.all([int8?.dispose(), float32?.dispose()]);
  });

  it('have different ids, so that an index built with one is refused by the other', () => {
    expect(int8.id).not.toBe(float32.id);
    expect(int8.id).toMatch(/^static-glove-100d:int8:v\d+:[0-9a-f]{12}$/);
  });

  it('give nearly the same vectors: int8 rows lose almost nothing', async () => {
    const [a, b] = await Promise.all([int8.embedPassages(contractTexts), float32.embedPassages(contractTexts)]);
    for (const [i, vector] of a.entries()) expect(dot(vector, b[i]!)).toBeGreaterThan(0.999);
  });

  it('fold accents and case as the vocabulary does', async () => {
    const [accented, folded] = await int8.embedPassages([ETSY_FRENCH, 'APRES CHAQUE PROBLEME EN PROD CHEZ ETSY, ILS FONT DES POST-MORTEM PUBLICS.']);
    expect(folded).toEqual(accented);
    const [vector] = await int8.embedPassages([FRENCH_ACCENTED]);
    expect(vector!.some((x) => x !== 0)).toBe(true);
  });
});
