import { exitWhenFlushed, reportCrash } from './crash-report.ts';
import { EXIT } from './exit-status.ts';
import { canStopForJobControl } from './job-control.ts';
import { ENTER_FULL_SCREEN, enterRawMode, LEAVE_FULL_SCREEN, releaseLostTerminal, restoreTerminal, terminalDescriptors } from './terminal-modes.ts';

const BEGIN_UPDATE = '\u001b[?2026h';
const END_UPDATE = '\u001b[?2026l';
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/** The signals that end the process while the early screen is up, with the session's status for each. */
const ENDING_SIGNALS = { SIGHUP: EXIT.hangup, SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;

/** The terminal taken before the app is loaded, with its first screen drawn on it. */
export interface EarlyScreen {
  /** The session's own signal and exit handlers are attached: the early ones stop. */
  handOver(): void;
  /**
   * Keeps the app's output off the screen until its first frame that shows a row (`marker`, the cursor's ▶), which is
   * then drawn over a cleared screen in the same write; after `deadlineMs` without one, the screen is cleared and
   * `redraw` draws the app's latest frame.
   */
  holdUntilFrame(marker: string, deadlineMs: number, redraw: () => void): void;
}

/** Where the early screen writes: the process's stdout (its write replaced while the app's frames are held). */
interface Out {
  write: (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
}

/**
 * Takes the terminal as the session does (raw mode, so keys typed now wait unread and unechoed for the app; the
 * alternate screen; the cursor hidden) and draws `lines` on it in one write. Until handOver(), the terminal is given
 * back on every way out: the exit, SIGHUP, SIGINT and SIGTERM (ending with the session's status for each), a failure
 * nobody expected (one line, the stack in a file, status 70), and SIGTSTP (stopping, then taking the terminal again and redrawing on SIGCONT).
 */
export function paintEarly(lines: string[]): EarlyScreen {
  const ttyFds = terminalDescriptors();
  const frame = `${BEGIN_UPDATE}${ENTER_FULL_SCREEN}${lines.join('\r\n')}${END_UPDATE}`;
  const draw = () => {
    enterRawMode();
    process.stdout.write(frame);
  };
  const onExit = () => restoreTerminal();
  const onFatal = (error: unknown) => {
    reportCrash(error);
    exitWhenFlushed(EXIT.internal);
  };
  const ending = Object.entries(ENDING_SIGNALS).map(([signal, code]) => [signal, () => {
    restoreTerminal();
    releaseLostTerminal(ttyFds);
    exitWhenFlushed(code);
  }] as const);
  const onContinue = () => {
    process.on('SIGTSTP', onStop);
    draw();
  };
  function onStop(): void {
    if (!canStopForJobControl()) return;
    restoreTerminal();
    process.off('SIGTSTP', onStop);
    process.once('SIGCONT', onContinue);
    process.kill(process.pid, 'SIGTSTP');
  }
  process.on('exit', onExit);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  for (const [signal, handler] of ending) process.on(signal, handler);
  process.on('SIGTSTP', onStop);
  draw();
  return {
    handOver() {
      process.off('exit', onExit);
      process.off('uncaughtException', onFatal);
      process.off('unhandledRejection', onFatal);
      for (const [signal, handler] of ending) process.off(signal, handler);
      process.off('SIGTSTP', onStop);
      process.off('SIGCONT', onContinue);
    },
    holdUntilFrame(marker, deadlineMs, redraw) {
      holdOutput(process.stdout as unknown as Out, marker, deadlineMs, redraw);
    },
  };
}

/**
 * Replaces `out.write` until a chunk holding `marker` is written: chunks before it are dropped (the app's frames
 * drawn while its list loads, and their update markers), that chunk goes out after a screen clear, inside one
 * synchronized update. The terminal given back (a signal, the exit, a suspend) ends the hold and goes out as it is.
 * After `deadlineMs`, the screen is cleared and `redraw()` is asked for the latest frame.
 */
export function holdOutput(out: Out, marker: string, deadlineMs: number, redraw: () => void): void {
  const write = out.write;
  let held = true;
  const release = () => {
    held = false;
    clearTimeout(timer);
    out.write = write;
  };
  const timer = setTimeout(() => {
    if (!held) return;
    release();
    write.call(out, CLEAR_SCREEN);
    redraw();
  }, deadlineMs);
  timer.unref();
  out.write = (chunk, ...rest) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!held) return write.call(out, chunk, ...rest);
    if (text.includes(LEAVE_FULL_SCREEN)) {
      release();
      return write.call(out, chunk, ...rest);
    }
    if (!text.includes(marker)) {
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }
    release();
    return write.call(out, `${BEGIN_UPDATE}${CLEAR_SCREEN}${text}${END_UPDATE}`, ...rest);
  };
}
