/**
 * Scales a vector to unit length. A text none of whose tokens carry meaning (only stop words or unknown words
 * in the static model) pools to zero; it stays zero rather than becoming NaN, so it matches nothing.
 */
export function unitOrZero<T extends Float32Array>(vector: T): T {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const norm = Math.sqrt(sum);
  if (!(norm > 1e-12)) return vector.fill(0);
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
