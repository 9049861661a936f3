/** Rows handled between two pauses of a piecewise pass over a table. */
export const ROWS_PER_PIECE = 32_768;

/** Rows a time bucket holds on average: each bucket is sorted in one native call. */
const BUCKET_ROWS = 4_096;

/** Most buckets a table is split into before the plain comparator sort is used instead. */
const MAX_BUCKETS = 1 << 22;

function comparatorOrder(times: Float64Array, n: number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => times[a] - times[b] || a - b);
  return order;
}

/**
 * The rows 0..n-1 ordered by `times[row]`, equal times in row order (a stable sort), worked out in pieces: the
 * generator pauses (yields) after each bounded piece, so a caller can spread the work over several turns of the event
 * loop. Rows are counted into time buckets, and each bucket is sorted natively on a key that packs the time within
 * the bucket above the row number (exact while both fit in 53 bits).
 */
export function* timeOrder(times: Float64Array, n: number): Generator<void, Uint32Array, void> {
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let lo = 0; lo < n; lo += ROWS_PER_PIECE) {
    const hi = Math.min(n, lo + ROWS_PER_PIECE);
    for (let i = lo; i < hi; i += 1) {
      const t = times[i];
      if (t < min) min = t;
      if (t > max) max = t;
      if (!Number.isInteger(t)) whole = false;
    }
    yield;
  }
  const rowSpan = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const widest = 2 ** 53 / rowSpan;
  const width = Math.min(widest, Math.max(1, Math.ceil((max - min + 1) / Math.max(1, Math.ceil(n / BUCKET_ROWS)))));
  const buckets = n === 0 ? 0 : Math.floor((max - min) / width) + 1;
  if (n === 0 || !whole || width < 1 || buckets > MAX_BUCKETS) return comparatorOrder(times, n);

  const starts = new Uint32Array(buckets + 1);
  for (let lo = 0; lo < n; lo += ROWS_PER_PIECE) {
    const hi = Math.min(n, lo + ROWS_PER_PIECE);
    for (let i = lo; i < hi; i += 1) starts[Math.floor((times[i] - min) / width) + 1] += 1;
    yield;
  }
  for (let b = 0; b < buckets; b += 1) starts[b + 1] += starts[b];
  const fill = starts.slice(0, buckets);
  const keys = new Float64Array(n);
  for (let lo = 0; lo < n; lo += ROWS_PER_PIECE) {
    const hi = Math.min(n, lo + ROWS_PER_PIECE);
    for (let i = lo; i < hi; i += 1) {
      const offset = times[i] - min;
      const b = Math.floor(offset / width);
      keys[fill[b]++] = (offset - b * width) * rowSpan + i;
    }
    yield;
  }
  let sorted = 0;
  for (let b = 0; b < buckets; b += 1) {
    const from = starts[b];
    const to = starts[b + 1];
    if (to - from > 1) keys.subarray(from, to).sort();
    sorted += to - from;
    if (sorted >= ROWS_PER_PIECE) {
      sorted = 0;
      yield;
    }
  }
  const order = new Uint32Array(n);
  for (let lo = 0; lo < n; lo += ROWS_PER_PIECE) {
    const hi = Math.min(n, lo + ROWS_PER_PIECE);
    for (let i = lo; i < hi; i += 1) order[i] = keys[i] % rowSpan;
    yield;
  }
  return order;
}
