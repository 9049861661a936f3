import { render, useInput, useStdin, useStdout, type Instance } from 'ink';
import { useLayoutEffect } from 'react';
import type { AppStore } from '../store/app-store.ts';
import { App } from './App.tsx';

/** What the process around the app hears from it. */
export interface MountOptions {
  /** Ctrl-Z was pressed (in raw mode the terminal sends it as a byte, not as SIGTSTP). */
  onSuspendKey?: () => void;
}

/** The app on the terminal. */
export interface MountedApp {
  instance: Instance;
  /** Draws the whole frame again, as if the screen were blank (after the terminal was given back and taken again). */
  redraw(): void;
}

function TerminalControl({ onSuspendKey, onWriter }: MountOptions & { onWriter: (write: (data: string) => void) => void }) {
  const { write } = useStdout();
  const { isRawModeSupported } = useStdin();
  useLayoutEffect(() => onWriter(write), [write, onWriter]);
  useInput((input, key) => {
    if (key.ctrl && input === 'z') onSuspendKey?.();
  }, { isActive: isRawModeSupported === true && onSuspendKey !== undefined });
  return null;
}

/** Renders the app full-screen on the process's terminal; keys go to the store, never to Ctrl-C's default exit. */
export function mountApp(store: AppStore, opts: MountOptions = {}): MountedApp {
  let write: (data: string) => void = () => {};
  const onWriter = (w: (data: string) => void) => { write = w; };
  const instance = render(
    <>
      <App store={store} />
      <TerminalControl onSuspendKey={opts.onSuspendKey} onWriter={onWriter} />
    </>,
    { exitOnCtrlC: false, patchConsole: true, maxFps: 1000 },
  );
  return { instance, redraw: () => write('') };
}
