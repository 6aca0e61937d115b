// Each weighting step of the static model must earn its place: on question/passage pairs, the relevant passage
// ranks higher (mean reciprocal rank) and stands further from the best wrong one (mean margin) after each step.
import { describe, expect, it } from 'vitest';
import { createEmbedder } from '../../embeddings/create-embedder.js';
import { testModelPath, type TestModelName } from '../helpers/model.js';
import { dot } from '../../embeddings/dot.js';
import { pairs } from './sentence-pairs.js';

interface Quality {
  mrr: number;
  margin: number;
}

async function quality(name: TestModelName): Promise<Quality> {
  const embedder = await createEmbedder({ model: testModelPath(name), modelsDir: testModelPath(name) });
  try {
    const passages = await embedder.embedPassages(pairs.map((p) => p.passage));
    let mrr = 0;
    let margin = 0;
    for (const [i, pair] of pairs.entries()) {
      const question = await embedder.embedQuery(pair.question);
      const scores = passages.map((p) => dot(question, p));
      const others = scores.filter((_, j) => j !== i);
      mrr += 1 / (1 + others.filter((s) => s >= scores[i]!).length);
      margin += scores[i]! - Math.max(...others);
    }
    return { mrr: mrr / pairs.length, margin: margin / pairs.length };
  } finally {
    await embedder.dispose();
  }
}

describe('static model weighting', () => {
  it('improves with SIF weights, then stop words, then common-component removal', async () => {
    const steps: TestModelName[] = ['small-plain-mean', 'small-sif', 'small-sif-stop-words', 'small-float32'];
    const results: Quality[] = [];
    for (const step of steps) results.push(await quality(step));
    console.info(steps.map((s, i) => `${s}: MRR ${results[i]!.mrr.toFixed(3)}, margin ${results[i]!.margin.toFixed(3)}`).join('\n'));
    for (let i = 1; i < results.length; i++) {
      expect(results[i]!.mrr).toBeGreaterThan(results[i - 1]!.mrr);
      expect(results[i]!.margin).toBeGreaterThan(results[i - 1]!.margin);
    }
  });
});
