// L2-regularised logistic regression by full-batch gradient descent on standardised features. Small
// and exact enough for a few thousand rows of a dozen features; a library would add a dependency for
// forty lines. The result is expressed on the raw features, so scoring needs no standardisation.
import type { LinearModel } from '../answers/linear-model.js';

export interface Sample {
  x: readonly number[];
  /** 1 for a right item (a gold passage, an answering sentence, a right answer), else 0. */
  y: 0 | 1;
  /** Relative weight of the row, e.g. 1/(rows of its question) so that every question counts once. */
  weight?: number;
}

export interface FitOptions {
  /** L2 penalty on the standardised weights. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

export function fitLogistic(features: readonly string[], samples: readonly Sample[], options: FitOptions = {}): LinearModel {
  const { l2 = 1e-2, iterations = 3000, learningRate = 0.5 } = options;
  const d = features.length;
  if (samples.length === 0) return { features, weights: new Array(d).fill(0), bias: 0 };
  const total = samples.reduce((s, r) => s + (r.weight ?? 1), 0);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const { x, weight = 1 } of samples) for (let j = 0; j < d; j++) mean[j]! += (weight * x[j]!) / total;
  for (const { x, weight = 1 } of samples) for (let j = 0; j < d; j++) scale[j]! += (weight * (x[j]! - mean[j]!) ** 2) / total;
  // A constant feature carries nothing: its weight stays 0 instead of dividing by 0.
  const sd = scale.map((v) => (v > 1e-12 ? Math.sqrt(v) : 0));
  const z = samples.map(({ x }) => x.map((v, j) => (sd[j]! === 0 ? 0 : (v - mean[j]!) / sd[j]!)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    samples.forEach(({ y, weight = 1 }, i) => {
      const row = z[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * row[j]!;
      const err = (weight * (1 / (1 + Math.exp(-s)) - y)) / total;
      for (let j = 0; j < d; j++) gw[j]! += err * row[j]!;
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j]! -= learningRate * (gw[j]! + l2 * w[j]!);
    b -= learningRate * gb;
  }
  const weights = w.map((wj, j) => (sd[j]! === 0 ? 0 : wj / sd[j]!));
  const bias = b - weights.reduce((s, wj, j) => s + wj * mean[j]!, 0);
  return { features, weights: weights.map(roundWeight), bias: roundWeight(bias) };
}

/** Fitted values are committed to six decimals: more is noise in the diff, not precision in the scores. */
export const roundWeight = (v: number): number => Math.round(v * 1e6) / 1e6;
