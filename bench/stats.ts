// Order statistics over latency samples. Nearest-rank percentiles: every figure reported is a time
// that was actually measured, never an interpolation between two samples.

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** NaN for no samples, so that a section that measured nothing cannot pass for a fast one. */
export function percentile(samples: ReadonlyArray<number>, p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: ReadonlyArray<number>): number => percentile(samples, 50);

export function mean(samples: ReadonlyArray<number>): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, s) => sum + s, 0) / samples.length;
}

export function latencies(samples: ReadonlyArray<number>): Latencies {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
    mean: mean(samples),
  };
}

/** Share of the exact top-k that the approximate search also returned, averaged over queries. */
export function recallAtK(approximate: ReadonlyArray<ReadonlyArray<string>>, exact: ReadonlyArray<ReadonlyArray<string>>): number {
  const perQuery = exact.map((truth, i) => {
    if (truth.length === 0) return 1;
    const found = new Set(approximate[i] ?? []);
    return truth.filter((id) => found.has(id)).length / truth.length;
  });
  return mean(perQuery);
}
