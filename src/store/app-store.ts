import { createStore, type StoreApi } from 'zustand/vanilla';
import { flashIsOver } from './flash-lifetime.ts';
import { createSliceEnv, type StoreDeps } from './slices/env.ts';
import { flashSlice } from './slices/flash-slice.ts';
import { journalSlice } from './slices/journal-slice.ts';
import { logsSlice } from './slices/logs-slice.ts';
import { listsSlice } from './slices/lists-slice.ts';
import { navigationSlice } from './slices/navigation-slice.ts';
import { overlaySlice } from './slices/overlay-slice.ts';
import { resourcesSlice } from './slices/resources-slice.ts';
import { settingsSlice } from './slices/settings-slice.ts';
import { sweepSlice } from './slices/sweep-slice.ts';
import { writesSlice } from './slices/writes-slice.ts';
import { yankSlice } from './slices/yank-slice.ts';
import { historySlice } from './slices/history-slice.ts';
import { configSlice } from './slices/config-slice.ts';
import type { AppState } from './state.ts';

export type { StoreDeps } from './slices/env.ts';

/** The app's store. */
export type AppStore = StoreApi<AppState>;

/**
 * Builds a store from its slices (src/store/slices/), each with its own fields and actions; every test and every
 * run of the app makes its own.
 */
export function createAppStore(deps: StoreDeps): AppStore {
  const connection = { gateway: deps.gateway };
  const store = createStore<AppState>()((_set, _get, api) => {
    const env = createSliceEnv(api, deps, connection);
    const flash = flashSlice(env);
    const lists = listsSlice(env);
    const resources = resourcesSlice(env);
    const navigation = navigationSlice(env);
    const writes = writesSlice(env);
    const overlay = overlaySlice(env);
    const sweep = sweepSlice(env);
    const settings = settingsSlice(env);
    const journal = journalSlice(env);
    const yank = yankSlice(env);
    const history = historySlice(env);
    const config = configSlice(env);
    const logs = logsSlice(env);
    return {
      ...config.state,
      ...journal.state, ...flash.state, ...lists.state, ...resources.state, ...navigation.state, ...writes.state, ...overlay.state, ...sweep.state, ...settings.state,
      ...yank.state, ...logs.state,
      actions: {
        ...flash.actions, ...lists.actions, ...resources.actions, ...navigation.actions, ...writes.actions, ...overlay.actions,
        ...sweep.actions, ...settings.actions, ...journal.actions,
        ...yank.actions,
        ...history.actions,
        ...config.actions,
        ...logs.actions,
      },
    };
  });
  store.subscribe((s, prev) => { if (flashIsOver(s, prev)) store.setState({ flash: undefined }); });
  return store;
}
