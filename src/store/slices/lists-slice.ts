import type { Page } from '../../gateway/types.ts';
import { activeSort, displayedList, isFiltering, rowIndexOfLine } from '../displayed-list.ts';
import { nextSort, reversedSort, type ListSort } from '../sort-columns.ts';
import { createFollowActions } from '../follow-actions.ts';
import { listSource } from '../list-sources.ts';
import { reloadLists } from '../navigation-actions.ts';
import { pageRowsOf } from '../page-rows.ts';
import {
  advanceFollow, applyError, applyPage, beginLoad, canLoadMore, clampCursor, emptyList, isWalkStop, moveCursorTo, nearEnd, pageEnds, stopFollow,
  type PagedList,
} from '../paged-list.ts';
import { rereadList, withPendingFeedback } from '../reread-list.ts';
import { listKey, type ListRef } from '../routes.ts';
import { toListError } from '../store-kit.ts';
import type { Slice, SliceEnv } from './env.ts';

type ListActions = 'loadMore' | 'loadToEnd' | 'stopLoading' | 'moveCursor' | 'cursorTo' | 'setPageRows' | 'cycleSort' | 'reverseSort';

/**
 * Every paged list: its pages fetched from its source, the cursor over it, G to its end, and the rows each list was
 * last drawn with (its page for PgDn and for fetching the next page before the cursor gets there).
 */
export function listsSlice({ get, set, deps, aborts, kit, shared }: SliceEnv): Slice<'lists' | 'pageRows' | 'sorts', ListActions> {
  const keys = new WeakMap<ListRef, string>();
  /** The list's key, made once per ref: G asks for it several times a page with the same ref. */
  const keyOf = (ref: ListRef) => {
    let key = keys.get(ref);
    if (key === undefined) keys.set(ref, (key = listKey(ref)));
    return key;
  };
  const list = <T>(ref: ListRef) => (get().lists[keyOf(ref)] as PagedList<T> | undefined) ?? emptyList<T>();
  const setList = (ref: ListRef, next: PagedList<unknown>) => set((s) => ({ lists: { ...s.lists, [keyOf(ref)]: next } }));
  const rowsOf = (ref: ListRef) => pageRowsOf(get(), listKey(ref), deps.listRows);
  const prepare = (ref: ListRef, items: unknown[]) => listSource(ref).prepare?.(items) ?? items;

  function fetchPage(ref: ListRef, token: string | undefined): Promise<Page<unknown>> {
    return listSource(ref).fetch(kit.gw, ref, token, { signal: aborts.signal(keyOf(ref)) }, get());
  }

  function loadMore(ref: ListRef) {
    const before = list(ref);
    if (!canLoadMore(before)) return;
    const started = beginLoad(before);
    setList(ref, started);
    fetchPage(ref, before.nextToken).then(
      (fetched) => {
        const current = list(ref);
        const had = current.items.length;
        const next = applyPage(current, started.requestId, { ...fetched, items: prepare(ref, fetched.items) }, listSource(ref).appendInPlace, pageEnds(fetched));
        if (next === current) return;
        const gotNothing = next.items.length === had;
        const shown = next.followUntil === undefined ? clampCursor(next) : advanceFollow(next);
        setList(ref, shown);
        if (isWalkStop(next)) kit.flash('warn', next.error!.message);
        if (next.pagesLoaded === 1) listSource(ref).firstPage?.(ref, { ensurePool: (id) => get().actions.ensurePool(id), completeUser: shared.completeUser });
        shared.followSelection(ref);
        if (shown.followUntil !== undefined) following.follow(ref);
        else if (canLoadMore(shown) && (gotNothing || nearEnd(shown, rowsOf(ref)))) loadMore(ref);
      },
      (error) => setList(ref, applyError(list(ref), started.requestId, toListError(error))),
    );
  }

  /** Moves the cursor to `index`, a line of the list as displayed (filtered, sorted); the selection is kept by row. */
  function cursorTo(ref: ListRef, index: number) {
    const rows = rowsOf(ref);
    const key = listKey(ref);
    const view = get().eventViews[key];
    const moved = moveCursorTo(displayedList<unknown>(get(), ref) ?? emptyList<unknown>(), index);
    const row = rowIndexOfLine(get(), ref, moved.cursor);
    if (ref.kind === 'events' && isFiltering(view)) {
      set((s) => ({ eventViews: { ...s.eventViews, [key]: { ...view, cursor: row } } }));
      if (canLoadMore(list(ref)) && nearEnd(moved, rows)) loadMore(ref);
      return;
    }
    const next = moveCursorTo(stopFollow(list(ref)), row);
    setList(ref, next);
    if (canLoadMore(next) && nearEnd(activeSort(get(), ref) ? moved : next, rows)) loadMore(ref);
    shared.followSelection(ref);
  }

  /** G on a list drawn in another order than loaded: a filter or a complete sorted list jumps to its last line. */
  function jumpShown(ref: ListRef): boolean {
    const filtered = ref.kind === 'events' && isFiltering(get().eventViews[listKey(ref)]);
    if (!filtered && !(activeSort(get(), ref) && list(ref).complete)) return false;
    cursorTo(ref, Number.MAX_SAFE_INTEGER);
    return true;
  }

  /** Sorts lists of the kind of `ref` (none: as loaded); the cursor stays on its row, which the view keeps on its line. */
  function setSort(ref: ListRef, sort: ListSort | undefined) {
    set((s) => {
      const sorts = { ...s.sorts };
      if (sort) sorts[ref.kind] = sort;
      else delete sorts[ref.kind];
      return { sorts };
    });
  }

  const following = createFollowActions({
    get, list, setList, fetchPage, prepare, flash: (level, text) => kit.flash(level, text), followSelection: (ref) => shared.followSelection(ref),
    pacing: deps.paceFollow,
    jumpFiltered: jumpShown,
    afterFollow: (ref) => { if (activeSort(get(), ref)) cursorTo(ref, Number.MAX_SAFE_INTEGER); },
  });

  Object.assign(kit, {
    list,
    setList,
    loadMore,
    ensureList(ref: ListRef) {
      const l = list(ref);
      if (l.pagesLoaded === 0 ? !l.loading && !l.error : canLoadMore(l) && nearEnd(l, rowsOf(ref))) loadMore(ref);
    },
    reload: (refs: ListRef[]) => reloadLists(kit, refs),
    rereadList: (ref: ListRef) => {
      const prepareReread = (r: ListRef, items: unknown[]) => withPendingFeedback(r, prepare(r, items), get().pendingWrites);
      return rereadList({ list, setList, fetchPage, prepare: prepareReread }, ref);
    },
  });

  return {
    state: { lists: {}, pageRows: {}, sorts: {} },
    actions: {
      loadMore,
      loadToEnd: following.loadToEnd,
      stopLoading: following.stopLoading,
      moveCursor: (ref, delta) => cursorTo(ref, (displayedList(get(), ref) ?? list(ref)).cursor + delta),
      cursorTo,
      cycleSort: (ref) => setSort(ref, nextSort(ref.kind, get().sorts[ref.kind])),
      reverseSort: (ref) => setSort(ref, reversedSort(ref.kind, get().sorts[ref.kind])),
      setPageRows(key, rows) {
        const n = Math.max(1, Math.floor(rows));
        if (get().pageRows[key] !== n) set((s) => ({ pageRows: { ...s.pageRows, [key]: n } }));
      },
    },
  };
}
