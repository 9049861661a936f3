/** What a row sorts by in one column: text (compared as given, so pass it lower-cased), a number (a time, a rank), or nothing. */
export type SortValue = string | number | undefined;

/** True for a value that sorts after every other, whichever the direction: no value, empty text, not a number. */
function blank(v: SortValue): boolean {
  return v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

/** Orders two present values: numbers before text, numbers by size, text by code point. */
function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The comparison of rows `a` and `b` (indices into `keys`): blanks last, then by value in the direction, then in loaded order. */
function comparer(keys: readonly SortValue[], descending: boolean): (a: number, b: number) => number {
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const ba = blank(ka);
    const bb = blank(kb);
    if (ba || bb) return ba === bb ? a - b : ba ? 1 : -1;
    return sign * compare(ka as string | number, kb as string | number) || a - b;
  };
}

/** The rows' order sorted by `keys` (row i sorts by keys[i]): the index of the row shown first, second… */
export function sortOrder(keys: readonly SortValue[], descending: boolean): Int32Array {
  const order = new Int32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort(comparer(keys, descending));
}

/** The first place in `order` from `lo` on whose row sorts after `row` (the order is sorted by `cmp`): a binary search. */
function placeAfter(order: Int32Array, lo: number, row: number, cmp: (a: number, b: number) => number): number {
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(order[mid], row) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The order of all rows when rows from `from` on were appended to rows already sorted as `before`: only the new rows
 * are sorted, and each is placed by a binary search, the rows sorted before copied between them in blocks, so a page
 * arriving costs that page's sort and a few comparisons per new row, never a comparison per row loaded.
 */
export function extendOrder(before: Int32Array, keys: readonly SortValue[], from: number, descending: boolean): Int32Array {
  const cmp = comparer(keys, descending);
  const added = new Int32Array(keys.length - from);
  for (let i = 0; i < added.length; i++) added[i] = from + i;
  added.sort(cmp);
  const out = new Int32Array(keys.length);
  let i = 0;
  let k = 0;
  for (let j = 0; j < added.length; j++) {
    const p = placeAfter(before, i, added[j], cmp);
    out.set(before.subarray(i, p), k);
    k += p - i;
    i = p;
    out[k++] = added[j];
  }
  out.set(before.subarray(i), k);
  return out;
}

/**
 * The order the other way, from an order by the same keys: blanks stay last, equal values stay in loaded order, and
 * the rest is reversed. One pass, where sorting again would cost n log n comparisons.
 */
export function reverseOrder(order: Int32Array, keys: readonly SortValue[]): Int32Array {
  const n = order.length;
  let present = n;
  while (present > 0 && blank(keys[order[present - 1]])) present--;
  const out = new Int32Array(n);
  for (let i = 0; i < present; i++) out[i] = order[present - 1 - i];
  for (let i = present; i < n; i++) out[i] = order[i];
  for (let i = 0; i < present;) {
    let j = i + 1;
    while (j < present && keys[out[j]] === keys[out[i]]) j++;
    out.subarray(i, j).reverse();
    i = j;
  }
  return out;
}

/** Where each row is shown: the inverse of an order (position[row] = its line). */
export function positionsOf(order: Int32Array): Int32Array {
  const position = new Int32Array(order.length);
  for (let line = 0; line < order.length; line++) position[order[line]] = line;
  return position;
}

const LEVELS: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3 };
const DECISIONS: Readonly<Record<string, number>> = { norisk: 0, block: 1, accounttakeover: 2 };

/** A risk level's rank (Low 1, Medium 2, High 3), any case; undefined for none or an unknown one. */
export function riskLevelRank(level: string | undefined): number | undefined {
  return level === undefined ? undefined : LEVELS[level.toLowerCase()];
}

/** A risk decision's rank (NoRisk 0, Block 1, AccountTakeover 2), any case; undefined for none or an unknown one. */
export function riskDecisionRank(decision: string | undefined): number | undefined {
  return decision === undefined ? undefined : DECISIONS[decision.toLowerCase()];
}
