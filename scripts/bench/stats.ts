/** The middle value (the mean of the two middle values for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile `p` (0..100) of `values`; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** A pooled distribution: every sample of every run in one pool, and the spread of the per-run medians. */
export interface Distribution {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  worst: number;
  /** Lowest and highest median of a single run. */
  runMedians: [number, number];
}

/** Pools the samples of every run (`runs[i]` holds run i's samples). */
export function pooled(runs: number[][]): Distribution {
  const all = runs.flat();
  const medians = runs.filter((r) => r.length > 0).map(median);
  return {
    n: all.length,
    p50: percentile(all, 50),
    p90: percentile(all, 90),
    p99: percentile(all, 99),
    worst: all.length === 0 ? NaN : Math.max(...all),
    runMedians: medians.length === 0 ? [NaN, NaN] : [Math.min(...medians), Math.max(...medians)],
  };
}
