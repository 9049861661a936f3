import { render, type Instance } from 'ink';
import type { AppStore } from '../store/app-store.ts';
import { App } from './App.tsx';

/** Renders the app full-screen on the process's terminal; keys go to the store, never to Ctrl-C's default exit. */
export function mountApp(store: AppStore): Instance {
  return render(<App store={store} />, { exitOnCtrlC: false, patchConsole: true, maxFps: 1000 });
}
