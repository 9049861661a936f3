import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './state.ts';

/**
 * Runs `then` once a pool's details have arrived (not when they failed or were dropped). A pool has one waiter at a
 * time, however often it is asked for meanwhile (each cursor move in a risk view asks).
 */
export function createPoolWaiter(store: Pick<StoreApi<AppState>, 'subscribe'>): (poolId: string, then: () => void) => void {
  const waiting = new Set<string>();
  return (poolId, then) => {
    if (waiting.has(poolId)) return;
    waiting.add(poolId);
    const unsubscribe = store.subscribe((s, prev) => {
      const pool = s.pools[poolId];
      if (pool === prev.pools[poolId] || pool?.loading) return;
      unsubscribe();
      waiting.delete(poolId);
      if (pool) then();
    });
  };
}
