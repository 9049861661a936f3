import type { AppStore } from '../store/app-store.ts';
import type { MountedApp } from '../ui/mount.tsx';
import { EXIT, isTerminalGone } from './exit-status.ts';
import { canStopForJobControl } from './job-control.ts';
import { ENTER_FULL_SCREEN, releaseLostTerminal, restoreTerminal, enterRawMode, terminalDescriptors } from './terminal-modes.ts';
import { appendUnknownWrites, writesInFlight } from './unknown-writes.ts';

/** The signals that end a session, with the status each ends it with (128 + the signal's number). */
const ENDING_SIGNALS = { SIGHUP: EXIT.hangup, SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;

/** What a running session needs from the process around it. */
export interface LifecycleDeps {
  store: AppStore;
  /** Where writes whose outcome is unknown are recorded. */
  stateDir: string;
  /** Reports a failure nobody expected (its stack in a crash log) and exits with EXIT.internal. */
  crash: (error: unknown) => void;
  /** Ends the process with `code` once what was written has gone out, or after a second. */
  exit: (code: number) => void;
}

/** A session's hold on the process: signals, terminal loss and Ctrl-Z. */
export interface Lifecycle {
  /** Starts listening, before the first frame is drawn (a Ctrl-Z typed before raw mode is on arrives as SIGTSTP). */
  attach(): void;
  /** The UI, once mounted: unmounted at the end, redrawn after a suspend. */
  mounted(app: MountedApp): void;
  /** Stops listening (the session ended normally). */
  detach(): void;
  /** Ctrl-Z: gives the terminal back and stops the job, as the shell's job control expects. */
  suspend(): void;
  /** The status the session is ending with, once a signal or a lost terminal has ended it. */
  readonly endedWith: number | undefined;
}

/**
 * Ends the session quietly on SIGHUP, SIGTERM (and SIGINT sent from outside), or when the terminal is gone (EIO,
 * EPIPE on stdin or stdout): writes still in flight are recorded as unknown, not waited for; the UI is unmounted and
 * the terminal restored where there still is one; no crash log. Ctrl-Z and SIGTSTP restore the terminal and stop
 * for real; SIGCONT takes the terminal again and redraws the whole frame.
 */
export function createLifecycle(deps: LifecycleDeps): Lifecycle {
  let app: MountedApp | undefined;
  let endedWith: number | undefined;
  let suspended = false;
  let ttyFds: number[] = [];

  function recordWritesInFlight(): void {
    try {
      appendUnknownWrites(deps.stateDir, writesInFlight(deps.store.getState(), Date.now()));
    } catch {
      /* no state directory to write to: nothing more can be done on the way out */
    }
  }

  function unmount(): void {
    try {
      app?.instance.unmount();
    } catch {
      /* the terminal is gone */
    }
  }

  function end(code: number): void {
    if (endedWith !== undefined) return;
    endedWith = code;
    recordWritesInFlight();
    unmount();
    restoreTerminal();
    releaseLostTerminal(ttyFds);
    deps.exit(code);
  }

  function onFatal(error: unknown): void {
    if (isTerminalGone(error)) return end(EXIT.hangup);
    if (endedWith !== undefined) return;
    endedWith = EXIT.internal;
    recordWritesInFlight();
    unmount();
    deps.crash(error);
  }

  const onTerminalError = (error: unknown) => (isTerminalGone(error) ? end(EXIT.hangup) : onFatal(error));
  const onTerminalEnd = () => end(EXIT.hangup);
  const signalHandlers = Object.entries(ENDING_SIGNALS).map(([signal, code]) => [signal, () => end(code)] as const);

  /**
   * Takes the terminal again. The stop signal stops this thread before kill() returns, so this runs once the job is
   * continued (fg); SIGCONT calls it too, and whichever comes second does nothing.
   */
  function resume(): void {
    if (!suspended) return;
    suspended = false;
    process.off('SIGCONT', resume);
    process.on('SIGTSTP', onStopSignal);
    if (endedWith !== undefined) return;
    enterRawMode();
    try {
      process.stdout.write(ENTER_FULL_SCREEN);
      app?.redraw();
    } catch (error) {
      onTerminalError(error);
    }
  }

  /**
   * Gives the terminal back and stops. The Ctrl-Z key stops the whole process group, as the terminal itself would
   * (a wrapper such as npx or npm start stops with the app, so the shell sees the job stopped); a SIGTSTP already
   * reached whom its sender chose (the whole group, when the terminal sent it), so only this process stops.
   */
  function suspend(from: 'key' | 'signal'): void {
    if (suspended || endedWith !== undefined) return;
    if (!canStopForJobControl()) {
      deps.store.getState().actions.flash('warn', 'Ctrl-Z: cognito-tui was not started from a shell with job control, so it cannot be suspended here; q quits.');
      return;
    }
    suspended = true;
    restoreTerminal();
    process.off('SIGTSTP', onStopSignal);
    process.once('SIGCONT', resume);
    process.kill(from === 'key' ? 0 : process.pid, 'SIGTSTP');
    resume();
  }

  function onStopSignal(): void {
    suspend('signal');
  }

  return {
    attach() {
      ttyFds = terminalDescriptors();
      process.on('uncaughtException', onFatal);
      process.on('unhandledRejection', onFatal);
      process.stdout.on('error', onTerminalError);
      process.stdin.on('error', onTerminalError);
      process.stdin.on('end', onTerminalEnd);
      for (const [signal, handler] of signalHandlers) process.on(signal, handler);
      process.on('SIGTSTP', onStopSignal);
    },
    mounted(mounted) {
      app = mounted;
    },
    detach() {
      process.stdin.off('end', onTerminalEnd);
      for (const [signal, handler] of signalHandlers) process.off(signal, handler);
      process.off('SIGTSTP', onStopSignal);
      process.off('SIGCONT', resume);
    },
    suspend: () => suspend('key'),
    get endedWith() {
      return endedWith;
    },
  };
}
