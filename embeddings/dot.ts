// The dot product of two vectors: on the embedders' L2-normalised vectors it is their cosine similarity.
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
