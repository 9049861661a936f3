import { extendOrder, positionsOf, reverseOrder, sortOrder, type SortValue } from '../domain/sort-order.ts';
import type { PagedList } from './paged-list.ts';
import type { SortColumn } from './sort-columns.ts';

/** One list's rows in one sort: their keys, the order (row shown on each line) and each row's line. */
interface Sorted {
  /** The rows sorted: the first `count` of `items` (rows grown in place have more since). */
  items: readonly unknown[];
  count: number;
  keys: SortValue[];
  order: Int32Array;
  position: Int32Array;
  rows: unknown[];
}

/** Exact answers, by the rows and then the sort (each good for the rows' length it was made at); rows that were dropped take their answers with them. */
const byRows = new WeakMap<readonly unknown[], Map<string, Sorted>>();
/** The latest answer per list and sort, to extend when a page was appended rather than sort it all again. */
const latest = new Map<string, Sorted>();
const LATEST_KEPT = 64;

function remember(slot: string, sorted: Sorted): void {
  latest.delete(slot);
  latest.set(slot, sorted);
  if (latest.size > LATEST_KEPT) latest.delete(latest.keys().next().value as string);
}

/** True when `rows` begins with the rows `before` sorted (a page was appended): O(1) for rows grown in place. */
function extends_(rows: readonly unknown[], before: Sorted): boolean {
  if (before.count === 0 || before.count > rows.length) return false;
  if (rows === before.items) return true;
  for (let i = 0; i < before.count; i++) if (rows[i] !== before.items[i]) return false;
  return true;
}

/** The answer for the rows as long as they are now, if one was made. */
function current(bySort: Map<string, Sorted> | undefined, id: string, length: number): Sorted | undefined {
  const hit = bySort?.get(id);
  return hit?.count === length ? hit : undefined;
}

/** The keys of rows grown in place, grown with them: the same rows have the same keys in any sort by the column. */
function grownKeys(keys: SortValue[], items: readonly unknown[], column: SortColumn): SortValue[] {
  for (let i = keys.length; i < items.length; i++) keys.push(column.key(items[i]));
  return keys;
}

function sortRows(listKey: string, items: readonly unknown[], column: SortColumn, descending: boolean): Sorted {
  const id = `${column.header}\u0000${descending ? 'd' : 'a'}`;
  let bySort = byRows.get(items);
  const hit = current(bySort, id, items.length);
  if (hit) return hit;
  const slot = `${listKey}\u0000${id}`;
  const before = latest.get(slot);
  let keys: SortValue[];
  let order: Int32Array;
  const other = current(bySort, `${column.header}\u0000${descending ? 'a' : 'd'}`, items.length);
  if (other) {
    keys = other.keys;
    order = reverseOrder(other.order, keys);
  } else if (before && extends_(items, before)) {
    keys = items === before.items ? grownKeys(before.keys, items, column) : before.keys.concat(items.slice(before.count).map(column.key));
    order = extendOrder(before.order, keys, before.count, descending);
  } else {
    keys = items.map(column.key);
    order = sortOrder(keys, descending);
  }
  const rows = new Array<unknown>(order.length);
  for (let line = 0; line < order.length; line++) rows[line] = items[order[line]];
  const sorted: Sorted = { items, count: items.length, keys, order, position: positionsOf(order), rows };
  if (!bySort) byRows.set(items, (bySort = new Map()));
  bySort.set(id, sorted);
  remember(slot, sorted);
  return sorted;
}

const shownCache = new WeakMap<PagedList<unknown>, Map<string, PagedList<unknown>>>();

/**
 * The list in a sort: its rows reordered (sorted once per rows and sort, a page appended merged in), the cursor on
 * the line of the row it selects. `listKey` names the list, so that its next page extends this sort.
 */
export function sortedList<T>(list: PagedList<T>, listKey: string, column: SortColumn, descending: boolean): PagedList<T> {
  const id = `${column.header}\u0000${descending ? 'd' : 'a'}`;
  let byId = shownCache.get(list);
  const hit = byId?.get(id);
  if (hit) return hit as PagedList<T>;
  const sorted = sortRows(listKey, list.items, column, descending);
  const cursor = list.items.length === 0 ? 0 : sorted.position[Math.min(list.cursor, list.items.length - 1)];
  const shown = { ...list, items: sorted.rows as T[], cursor } as PagedList<T>;
  if (!byId) shownCache.set(list, (byId = new Map()));
  byId.set(id, shown);
  return shown;
}

/** The row (index in the list as loaded) shown on `line` of the sorted list. */
export function rowOnLine(list: PagedList<unknown>, listKey: string, column: SortColumn, descending: boolean, line: number): number {
  const sorted = sortRows(listKey, list.items, column, descending);
  return sorted.order[line] ?? line;
}
