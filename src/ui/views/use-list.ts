import { displayedList, sortedStoredList } from '../../store/displayed-list.ts';
import { emptyList, type PagedList } from '../../store/paged-list.ts';
import type { ListRef } from '../../store/routes.ts';
import { useAppState } from '../store-context.ts';

const EMPTY = emptyList<never>();

/** The paged list for a ref in its sort (as stored when unsorted; an empty one before its first fetch). */
export function useList<T>(ref: ListRef): PagedList<T> {
  return useAppState((s) => sortedStoredList<T>(s, ref) ?? EMPTY);
}

/** The paged list for a ref as its view draws it (filtered for an event view), or an empty one before its first fetch. */
export function useDisplayedList<T>(ref: ListRef): PagedList<T> {
  return useAppState((s) => displayedList<T>(s, ref) ?? EMPTY);
}
