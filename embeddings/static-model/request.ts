// What a static model build is asked for. Kept apart from the build itself (and its ONNX and protobuf
// imports) so that checking an existing model costs no more than reading its meta.
import { BUILD_VERSION, hashWords, type BuildRequest, type Weighting } from './meta.js';
import { SOURCE_PACKAGE, sourceVersion } from './source.js';
import type { Precision } from './tokenizer-files.js';
import { glossarySha256 } from '../../src/text/glossary.js';

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

export function buildRequest(options: StaticModelOptions = {}): BuildRequest {
  return {
    buildVersion: BUILD_VERSION,
    source: { package: SOURCE_PACKAGE, version: sourceVersion() },
    precision: options.precision ?? 'int8',
    vocabulary: { limit: options.vocabularyLimit ?? null, extraWordsSha256: hashWords(options.extraWords) },
    weighting: { ...DEFAULT_WEIGHTING, ...options.weighting },
    glossarySha256: glossarySha256(),
  };
}
