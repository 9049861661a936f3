import { render, useInput, useStdin, useStdout, type Instance } from 'ink';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { AppStore } from '../store/app-store.ts';
import { App } from './App.tsx';
import type { Theme } from './theme.ts';

/** What the process around the app hears from it. */
export interface MountOptions {
  /** Ctrl-Z was pressed (in raw mode the terminal sends it as a byte, not as SIGTSTP). */
  onSuspendKey?: () => void;
  /** The colours to draw with. */
  theme?: Theme;
}

/** The app on the terminal. */
export interface MountedApp {
  instance: Instance;
  /** Draws the whole frame again, as if the screen were blank (after the terminal was given back and taken again). */
  redraw(): void;
  /** Stops drawing and reading keys (a program has the terminal); resolves once the app's frame is cleared. */
  hold(): Promise<void>;
  /** Draws and reads keys again after hold(). */
  unhold(): void;
}

/** Switches the app off while a program has the terminal: nothing drawn, no key read, so ink lets go of stdin. */
type HoldControl = (held: boolean, done?: () => void) => void;

function Holdable({ store, theme, onSuspendKey, onWriter, onHold }: MountOptions & { store: AppStore; onWriter: (write: (data: string) => void) => void; onHold: (control: HoldControl) => void }) {
  const [held, setHeld] = useState<{ on: boolean; done?: () => void }>({ on: false });
  useLayoutEffect(() => onHold((on, done) => setHeld({ on, done })), [onHold]);
  useEffect(() => { held.done?.(); }, [held]);
  if (held.on) return null;
  return (
    <>
      <App store={store} theme={theme} />
      <TerminalControl onSuspendKey={onSuspendKey} onWriter={onWriter} />
    </>
  );
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
  let control: HoldControl = () => {};
  const onWriter = (w: (data: string) => void) => { write = w; };
  const onHold = (c: HoldControl) => { control = c; };
  const instance = render(
    <Holdable store={store} theme={opts.theme} onSuspendKey={opts.onSuspendKey} onWriter={onWriter} onHold={onHold} />,
    { exitOnCtrlC: false, patchConsole: true, maxFps: 1000 },
  );
  return {
    instance,
    redraw: () => write(''),
    hold: () => new Promise<void>((resolve) => control(true, resolve)),
    unhold: () => control(false, () => write('')),
  };
}
