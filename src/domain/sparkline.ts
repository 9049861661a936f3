/** The eight heights a sparkline cell can have, lowest first; the lowest is also zero. */
export const SPARK_CELLS = '▁▂▃▄▅▆▇█';

/** A window split into periods: where it starts, how long one period is, and how many there are. */
export interface Buckets {
  startMs: number;
  periodMs: number;
  count: number;
}

/** The buckets of a window of `periodMs` periods: the last one ends at `endMs`. */
export function bucketsOf(startMs: number, endMs: number, periodMs: number): Buckets {
  return { startMs, periodMs, count: Math.max(1, Math.ceil((endMs - startMs) / periodMs)) };
}

/**
 * The value of every period of the window, oldest first: the sum of the points that fall in it, 0 where none does;
 * points outside the window are left out.
 */
export function bucketValues(points: readonly { at: number; value: number }[], buckets: Buckets): number[] {
  const values = new Array<number>(buckets.count).fill(0);
  for (const p of points) {
    const i = Math.floor((p.at - buckets.startMs) / buckets.periodMs);
    if (i >= 0 && i < buckets.count) values[i] += p.value;
  }
  return values;
}

/**
 * The values drawn in `width` cells: when there are more values than cells, each cell shows the largest of the values
 * it covers (so a spike is never averaged away); every cell above zero is at least one step above the lowest.
 */
export function sparkline(values: readonly number[], width: number): string {
  const cells = Math.max(1, Math.min(Math.floor(width), values.length || 1));
  const merged: number[] = [];
  for (let c = 0; c < cells; c++) {
    const from = Math.floor((c * values.length) / cells);
    const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / cells));
    let top = 0;
    for (let i = from; i < to && i < values.length; i++) top = Math.max(top, values[i]);
    merged.push(top);
  }
  const peak = Math.max(0, ...merged);
  const steps = SPARK_CELLS.length - 1;
  return merged.map((v) => (v <= 0 || peak <= 0 ? SPARK_CELLS[0] : SPARK_CELLS[Math.max(1, Math.ceil((v / peak) * steps))])).join('');
}

/** What a series says at a glance: the newest period's value, the highest, when that was, and the sum. */
export interface SeriesSummary {
  latest: number;
  peak: number;
  /** Start of the first period that reached the peak; absent when every period is 0. */
  peakAt?: number;
  total: number;
}

/** Sums up the period values of a window. */
export function summarize(values: readonly number[], buckets: Buckets): SeriesSummary {
  let peak = 0;
  let peakIndex = -1;
  let total = 0;
  values.forEach((v, i) => {
    total += v;
    if (v > peak) { peak = v; peakIndex = i; }
  });
  return {
    latest: values.length ? values[values.length - 1] : 0,
    peak,
    ...(peakIndex >= 0 ? { peakAt: buckets.startMs + peakIndex * buckets.periodMs } : {}),
    total,
  };
}

/** A count as the pulse prints it: whole numbers as they are, fractions to one place, thousands as 1.2k. */
export function countText(n: number): string {
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
