import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../store/app-store.ts';
import type { AppState } from '../store/state.ts';
import type { TimeZoneSetting } from '../domain/time-format.ts';

/** Carries the store the app was built with; tests provide their own. */
export const StoreContext = createContext<AppStore | null>(null);

/** The zone times are shown in; the app provides the store's setting, and anything drawn without it shows UTC. */
export const TimeZoneContext = createContext<TimeZoneSetting>('utc');

/** The store from context. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('App rendered without a store');
  return store;
}

/** Reads one slice of the state; return a stable value (or wrap the selector in useShallow). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
