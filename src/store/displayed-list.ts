import { needsAttention } from '../domain/event-risk.ts';
import { isEmptyEventFilter, matchesEventFilter, type EventFilter } from '../domain/event-filter.ts';
import type { AuthEvent } from '../gateway/types.ts';
import type { PagedList } from './paged-list.ts';
import { listKey, type ListRef } from './routes.ts';
import type { AppState, EventView } from './state.ts';

const shownCache = new WeakMap<PagedList<unknown>, WeakMap<EventView, PagedList<unknown>>>();
const rowsCache = new WeakMap<readonly AuthEvent[], WeakMap<EventFilter, { all?: AuthEvent[]; attention?: AuthEvent[] }>>();

/** The events that pass a filter, computed once per loaded rows and filter (moving the cursor keeps both). */
function passing(items: readonly AuthEvent[], filter: EventFilter, attention: boolean): AuthEvent[] {
  let byFilter = rowsCache.get(items);
  if (!byFilter) rowsCache.set(items, (byFilter = new WeakMap()));
  let passed = byFilter.get(filter);
  if (!passed) byFilter.set(filter, (passed = {}));
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

/** The list as the view draws it: filtered when an event view is active, else the stored list itself. */
export function displayedList<T>(state: Pick<AppState, 'lists' | 'eventViews'>, ref: ListRef): PagedList<T> | undefined {
  const key = listKey(ref);
  const list = state.lists[key] as PagedList<T> | undefined;
  const view = ref.kind === 'events' ? state.eventViews[key] : undefined;
  if (!list || !isFiltering(view)) return list;
  return applyEventView(list as PagedList<AuthEvent>, view) as PagedList<T>;
}
