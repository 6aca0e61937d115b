// Smooth inverse frequency (SIF) weighting and common-component removal, baked into the word rows.
// Mean pooling is linear, so scaling a row by its word's weight, or projecting a direction out of every row,
// gives the same sentence vector as doing it on each sentence at query time: the model stays a plain lookup.
import { dot } from '../dot.js';

/**
 * Word probabilities estimated from frequency rank alone (the source lists words by descending frequency but has no counts):
 * Zipf's law, p(rank) ∝ 1 / rank^exponent, normalised over the source's full list.
 */
export function zipfProbabilities(count: number, exponent: number): Float64Array {
  const probabilities = new Float64Array(count);
  let total = 0;
  for (let rank = 1; rank <= count; rank++) total += rank ** -exponent;
  for (let rank = 1; rank <= count; rank++) probabilities[rank - 1] = rank ** -exponent / total;
  return probabilities;
}

/** a / (a + p): near 1 for rare words, near 0 for the most frequent ones. */
export function sifWeight(probability: number, a: number): number {
  return a / (a + probability);
}

/** Copies the chosen source rows into a new matrix, row i scaled by weights[i]. */
export function weightedRows(
  matrix: Float32Array,
  dimensions: number,
  rows: readonly number[],
  weights: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(rows.length * dimensions);
  rows.forEach((sourceRow, i) => {
    for (let d = 0; d < dimensions; d++) out[i * dimensions + d] = matrix[sourceRow * dimensions + d]! * weights[i]!;
  });
  return out;
}

/**
 * The first principal direction of sentence vectors, estimated from the words alone.
 * A sentence vector averages ~n words drawn with probabilities `mass`, so its (uncentred) second moment is
 * E[x xᵀ]/n + (1 − 1/n) μ μᵀ, where μ is the expected word vector; the direction is found by power iteration.
 * `mass` is each row's probability, summing to 1 over the rows.
 */
export function commonComponent(
  matrix: Float32Array,
  dimensions: number,
  mass: ArrayLike<number>,
  wordsPerSentence: number,
): Float64Array {
  const rows = matrix.length / dimensions;
  const mean = new Float64Array(dimensions);
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < dimensions; d++) mean[d]! += mass[r]! * matrix[r * dimensions + d]!;
  }
  const secondMomentTimes = (v: Float64Array): Float64Array => {
    const out = new Float64Array(dimensions);
    for (let r = 0; r < rows; r++) {
      let projection = 0;
      for (let d = 0; d < dimensions; d++) projection += matrix[r * dimensions + d]! * v[d]!;
      const scale = (mass[r]! * projection) / wordsPerSentence;
      for (let d = 0; d < dimensions; d++) out[d]! += scale * matrix[r * dimensions + d]!;
    }
    const meanDot = dot(mean, v) * (1 - 1 / wordsPerSentence);
    for (let d = 0; d < dimensions; d++) out[d]! += meanDot * mean[d]!;
    return out;
  };
  // The mean is already close to the answer, so few iterations are needed.
  let direction = unit(mean);
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = unit(secondMomentTimes(direction));
    const converged = Math.abs(dot(next, direction)) > 1 - 1e-9;
    direction = next;
    if (converged) break;
  }
  return direction;
}

/** Every row minus its projection on the unit vector `direction`. */
export function withoutComponent(matrix: Float32Array, dimensions: number, direction: Float64Array): Float32Array {
  const out = new Float32Array(matrix.length);
  for (let offset = 0; offset < matrix.length; offset += dimensions) {
    let projection = 0;
    for (let d = 0; d < dimensions; d++) projection += matrix[offset + d]! * direction[d]!;
    for (let d = 0; d < dimensions; d++) out[offset + d] = matrix[offset + d]! - projection * direction[d]!;
  }
  return out;
}

function unit(v: Float64Array): Float64Array {
  const norm = Math.sqrt(dot(v, v));
  return v.map((x) => x / norm);
}
