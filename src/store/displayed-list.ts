import { needsAttention } from '../domain/event-risk.ts';
import { isEmptyEventFilter, matchesEventFilter, type EventFilter } from '../domain/event-filter.ts';
import type { AuthEvent } from '../gateway/types.ts';
import type { PagedList } from './paged-list.ts';
import { listKey, type ListRef } from './routes.ts';
import { sortColumn, type ListSort, type SortColumn } from './sort-columns.ts';
import { rowOnLine, sortedList } from './sorted-list.ts';
import type { AppState, EventView } from './state.ts';

const shownCache = new WeakMap<PagedList<unknown>, WeakMap<EventView, PagedList<unknown>>>();
const rowsCache = new WeakMap<readonly AuthEvent[], WeakMap<EventFilter, { length: number; all?: AuthEvent[]; attention?: AuthEvent[] }>>();

/** The events that pass a filter, computed once per loaded rows (and their length: rows may grow in place) and filter (moving the cursor keeps both). */
function passing(items: readonly AuthEvent[], filter: EventFilter, attention: boolean): AuthEvent[] {
  let byFilter = rowsCache.get(items);
  if (!byFilter) rowsCache.set(items, (byFilter = new WeakMap()));
  let passed = byFilter.get(filter);
  if (passed?.length !== items.length) byFilter.set(filter, (passed = { length: items.length }));
  const slot = attention ? 'attention' : 'all';
  return (passed[slot] ??= items.filter((e) => (!attention || needsAttention(e)) && matchesEventFilter(e, filter)));
}

/** True when the view hides some rows. */
export function isFiltering(view: EventView | undefined): view is EventView {
  return view !== undefined && (view.attention || !isEmptyEventFilter(view.filter));
}

/** The rows of an event list that pass its view, with the view's own cursor. */
export function applyEventView(list: PagedList<AuthEvent>, view: EventView): PagedList<AuthEvent> {
  let byView = shownCache.get(list);
  const hit = byView?.get(view);
  if (hit) return hit as PagedList<AuthEvent>;
  const items = passing(list.items, view.filter, view.attention);
  const cursor = Math.max(0, Math.min(view.cursor, items.length - 1));
  const shown: PagedList<AuthEvent> = { ...list, items, cursor };
  if (!byView) shownCache.set(list, (byView = new WeakMap()));
  byView.set(view, shown);
  return shown;
}

/** The rows of a list before its sort: filtered when an event view is active, else the stored list itself. */
function filteredList<T>(state: Pick<AppState, 'lists' | 'eventViews'>, ref: ListRef): PagedList<T> | undefined {
  const key = listKey(ref);
  const list = state.lists[key] as PagedList<T> | undefined;
  const view = ref.kind === 'events' ? state.eventViews[key] : undefined;
  if (!list || !isFiltering(view)) return list;
  return applyEventView(list as PagedList<AuthEvent>, view) as PagedList<T>;
}

/** The list's sort, with its column, when it is sorted by a column it has. */
export function activeSort(state: Pick<AppState, 'sorts'>, ref: Pick<ListRef, 'kind'>): { sort: ListSort; column: SortColumn } | undefined {
  const sort = state.sorts[ref.kind];
  const column = sort ? sortColumn(ref.kind, sort) : undefined;
  return sort && column ? { sort, column } : undefined;
}

function sortKeyOf(state: Pick<AppState, 'eventViews'>, ref: ListRef): string {
  const key = listKey(ref);
  return ref.kind === 'events' && isFiltering(state.eventViews[key]) ? `${key}\u0000filtered` : key;
}

/** The list as the view draws it: filtered when an event view is active, then in the list's sort (the cursor on its row). */
export function displayedList<T>(state: Pick<AppState, 'lists' | 'eventViews' | 'sorts'>, ref: ListRef): PagedList<T> | undefined {
  const base = filteredList<T>(state, ref);
  const sorted = base && activeSort(state, ref);
  return sorted ? sortedList(base!, sortKeyOf(state, ref), sorted.column, sorted.sort.descending) : base;
}

/** The stored list in its sort, unfiltered (what a view counts and what an export writes). */
export function sortedStoredList<T>(state: Pick<AppState, 'lists' | 'sorts'>, ref: ListRef): PagedList<T> | undefined {
  const key = listKey(ref);
  const list = state.lists[key] as PagedList<T> | undefined;
  const sorted = list && activeSort(state, ref);
  return sorted ? sortedList(list!, key, sorted.column, sorted.sort.descending) : list;
}

/**
 * The index, in the rows before the sort (the event view's filtered rows, else the stored list), of the row drawn on
 * `line` of the displayed list; the line itself when the list is not sorted.
 */
export function rowIndexOfLine(state: Pick<AppState, 'lists' | 'eventViews' | 'sorts'>, ref: ListRef, line: number): number {
  const base = filteredList(state, ref);
  const sorted = base && activeSort(state, ref);
  return sorted ? rowOnLine(base!, sortKeyOf(state, ref), sorted.column, sorted.sort.descending, line) : line;
}
