import { needsAttention } from '../domain/event-risk.ts';
import { isEmptyEventFilter, matchesEventFilter } from '../domain/event-filter.ts';
import type { AuthEvent } from '../gateway/types.ts';
import type { PagedList } from './paged-list.ts';
import { listKey, type ListRef } from './routes.ts';
import type { AppState, EventView } from './state.ts';

const cache = new WeakMap<PagedList<unknown>, WeakMap<EventView, PagedList<unknown>>>();

/** True when the view hides some rows. */
export function isFiltering(view: EventView | undefined): view is EventView {
  return view !== undefined && (view.attention || !isEmptyEventFilter(view.filter));
}

/** The rows of an event list that pass its view, with the view's own cursor and window. */
export function applyEventView(list: PagedList<AuthEvent>, view: EventView): PagedList<AuthEvent> {
  let byView = cache.get(list);
  const hit = byView?.get(view);
  if (hit) return hit as PagedList<AuthEvent>;
  const items = list.items.filter((e) => (!view.attention || needsAttention(e)) && matchesEventFilter(e, view.filter));
  const cursor = Math.max(0, Math.min(view.cursor, items.length - 1));
  const shown: PagedList<AuthEvent> = { ...list, items, cursor, offset: Math.min(view.offset, cursor) };
  if (!byView) cache.set(list, (byView = new WeakMap()));
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
