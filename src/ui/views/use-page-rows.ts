import { useContext, useLayoutEffect } from 'react';
import { StoreContext } from '../store-context.ts';

/**
 * Tells the store how many rows the list or scrolled text `key` is drawn with (PgDn's page), once the frame is drawn;
 * a list drawn outside an app (a component test) has no store to tell.
 */
export function usePageRows(key: string | undefined, rows: number): void {
  const store = useContext(StoreContext);
  useLayoutEffect(() => {
    if (key !== undefined) store?.getState().actions.setPageRows(key, rows);
  }, [store, key, rows]);
}
