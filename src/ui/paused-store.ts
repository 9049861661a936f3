import type { AppStore } from '../store/app-store.ts';
import type { AppState } from '../store/state.ts';

/**
 * The store as a part of the screen that `hidden` hides sees it: while hidden, it reads the last state it was shown
 * with and hears of no change, then catches up with the first change that shows it again. A view under the help
 * does not redraw on every change (each page G loads) that nobody sees.
 */
export function pausedWhile(store: AppStore, hidden: (state: AppState) => boolean): AppStore {
  let shown = store.getState();
  return {
    ...store,
    getState: () => {
      const state = store.getState();
      if (!hidden(state)) shown = state;
      return shown;
    },
    subscribe: (listener) => store.subscribe((state, previous) => {
      if (!hidden(state)) listener(state, previous);
    }),
  };
}
