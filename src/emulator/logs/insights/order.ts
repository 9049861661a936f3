/**
 * The indices 0..n-1 ordered by `compare` (ties by index), only the first `limit`: a full sort when most are kept,
 * otherwise a bounded insertion that keeps the best `limit` seen.
 */
export function orderIndices(n: number, compare: (a: number, b: number) => number, limit = n): number[] {
  const cmp = (a: number, b: number): number => compare(a, b) || a - b;
  if (limit >= n / 4) {
    const all = Array.from({ length: n }, (_, i) => i);
    all.sort(cmp);
    return all.slice(0, limit);
  }
  const best: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (best.length === limit && cmp(i, best[limit - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(best[mid], i) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > limit) best.pop();
  }
  return best;
}
