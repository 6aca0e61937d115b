// Symmetric per-row int8 quantisation: a row is stored as 100 signed bytes and one float scale.
// Four times smaller than float rows, which is what keeps a serving process within its memory budget.

export interface QuantizedRows {
  values: Int8Array;
  /** One per row: value × scale restores the row. */
  scales: Float32Array;
}

export function quantizeRows(matrix: Float32Array, dimensions: number): QuantizedRows {
  const rows = matrix.length / dimensions;
  const values = new Int8Array(matrix.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const offset = r * dimensions;
    let max = 0;
    for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(matrix[offset + d]!));
    // A zero row keeps scale 0 and zero values rather than dividing by zero.
    const scale = max / 127;
    scales[r] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dimensions; d++) values[offset + d] = Math.round(matrix[offset + d]! / scale);
  }
  return { values, scales };
}
