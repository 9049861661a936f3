import { useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ListSort } from '../../store/sort-columns.ts';
import { tupleParts, type ListRef } from '../../store/routes.ts';
import type { AppState } from '../../store/state.ts';
import { StoreContext } from '../store-context.ts';

/** Stands in for the app's store where a list is drawn without one (a component test): nothing is sorted. */
const UNSORTED = createStore<Pick<AppState, 'sorts'>>()(() => ({ sorts: {} }));

/** The sort of the list drawn under `pageKey` (its list key), if it is sorted. */
export function useListSort(pageKey: string | undefined): ListSort | undefined {
  const store = useContext(StoreContext) ?? UNSORTED;
  return useStore(store as typeof UNSORTED, (s) => (pageKey ? s.sorts[tupleParts(pageKey)[0] as ListRef['kind']] : undefined));
}
