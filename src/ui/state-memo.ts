import type { AppState } from '../store/state.ts';

/**
 * `select` computed once per state: React calls a component's selector several times for one state (on the store's
 * notice, in the render, in the commit's check), and a selector that walks every key binding is worth computing once.
 */
export function oncePerState<T>(select: (state: AppState) => T): (state: AppState) => T {
  let last: AppState | undefined;
  let value: T;
  return (state) => {
    if (state !== last) {
      value = select(state);
      last = state;
    }
    return value;
  };
}
