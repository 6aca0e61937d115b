// meta.json: what a static model was built from and how. The embedder id is derived from it,
// so that an index built with one build is refused by another.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Precision } from './tokenizer-files.js';

/** Bump when the build's output changes for the same inputs: every existing index then asks to be rebuilt. */
export const BUILD_VERSION = 2;
export const META_FILE = 'meta.json';

export interface Weighting {
  /** SIF smoothing a; null for a plain mean of the word vectors. */
  sifA: number | null;
  /** Exponent of the Zipf law that turns frequency ranks into probabilities. */
  zipfExponent: number;
  stopWords: boolean;
  removeCommonComponent: boolean;
  /** Typical number of content words per sentence, used to estimate the common component. */
  wordsPerSentence: number;
  /** French words of the glossary take the direction of their English translations. */
  frenchAliases: boolean;
}

/** Everything that determines a build's output: two builds with equal requests produce the same model. */
export interface BuildRequest {
  buildVersion: number;
  source: { package: string; version: string };
  precision: Precision;
  vocabulary: { limit: number | null; extraWordsSha256: string | null };
  weighting: Weighting;
  /** Hash of the French-English glossary the aliases come from. */
  glossarySha256: string | null;
}

export interface StaticModelMeta extends BuildRequest {
  format: 'confnotes-static-model';
  dimensions: number;
  /** Rows of the model, special tokens included. */
  vocabularySize: number;
}

export function hashWords(words: readonly string[] | undefined): string | null {
  return words?.length ? createHash('sha256').update(JSON.stringify(words)).digest('hex') : null;
}

/** True when `meta` is the output of `request` (same inputs, same build code). */
export function matchesRequest(meta: StaticModelMeta, request: BuildRequest): boolean {
  const { buildVersion, source, precision, vocabulary, weighting, glossarySha256 } = meta;
  return canonical({ buildVersion, source, precision, vocabulary, weighting, glossarySha256 }) === canonical(request);
}

/** e.g. `static-glove-100d:int8:v320000:1a2b3c4d5e6f` — readable, and different for any difference in the build. */
export function staticModelId(meta: StaticModelMeta): string {
  const hash = createHash('sha256').update(canonical(meta)).digest('hex').slice(0, 12);
  return `static-glove-${meta.dimensions}d:${meta.precision}:v${meta.vocabularySize}:${hash}`;
}

/** The model's meta, or undefined when the folder holds no static model. */
export async function readMeta(dir: string): Promise<StaticModelMeta | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, META_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const meta = JSON.parse(text) as StaticModelMeta;
    return meta.format === 'confnotes-static-model' ? meta : undefined;
  } catch {
    // Unreadable meta: treated as no model, so that the default model is built again.
    return undefined;
  }
}

/** JSON with sorted keys, so that equal objects hash equally whatever their key order. */
function canonical(value: unknown): string {
  // Keys in code-unit order: localeCompare would load ICU's collation, ~7 ms of every start, for ASCII names.
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(byKey)) : v,
  );
}
