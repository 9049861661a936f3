import { displayedList } from '../../store/displayed-list.ts';
import { emptyList, type PagedList } from '../../store/paged-list.ts';
import { listKey, type ListRef } from '../../store/routes.ts';
import { useAppState } from '../store-context.ts';

const EMPTY = emptyList<never>();

/** The paged list for a ref, as stored (an empty one before its first fetch). */
export function useList<T>(ref: ListRef): PagedList<T> {
  return useAppState((s) => (s.lists[listKey(ref)] as PagedList<T> | undefined) ?? EMPTY);
}

/** The paged list for a ref as its view draws it (filtered for an event view), or an empty one before its first fetch. */
export function useDisplayedList<T>(ref: ListRef): PagedList<T> {
  return useAppState((s) => displayedList<T>(s, ref) ?? EMPTY);
}
