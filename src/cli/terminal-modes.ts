import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

/** What the app switches on the process's terminal; tests pass their own streams. */
export interface TerminalStreams {
  stdin: { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: { isTTY?: boolean; write: (text: string) => unknown };
}

/** The bytes that take the terminal into the app's full screen: alternate screen, cursor home and hidden. */
export const ENTER_FULL_SCREEN = ENTER_ALT_SCREEN + HIDE_CURSOR;

/** The bytes that give the terminal back: main screen, cursor shown. */
export const LEAVE_FULL_SCREEN = LEAVE_ALT_SCREEN + SHOW_CURSOR;

/**
 * Puts the terminal back as it was (main screen, cursor shown, line mode). A terminal that has gone away (a hang-up)
 * cannot be restored, and that is not an error: each step that fails is skipped.
 */
export function restoreTerminal(io: TerminalStreams = process): void {
  attempt(() => { if (io.stdout.isTTY) io.stdout.write(LEAVE_FULL_SCREEN); });
  attempt(() => { if (io.stdin.isTTY) io.stdin.setRawMode?.(false); });
}

/**
 * Raw mode on: at the start, before the first frame (so that a key typed while the app starts is read as a key, not
 * taken by the terminal's line editing), and again after a suspend.
 */
export function enterRawMode(io: TerminalStreams = process): void {
  attempt(() => { if (io.stdin.isTTY) io.stdin.setRawMode?.(true); });
}

function attempt(step: () => void): void {
  try {
    step();
  } catch {
    /* the terminal is gone */
  }
}

/** Which of stdin, stdout and stderr are terminals, read while the terminal is there. */
export function terminalDescriptors(): number[] {
  return [0, 1, 2].filter((fd) => isatty(fd));
}

/**
 * Closes each of `fds` that was a terminal and no longer is one (it was hung up: its master side closed). Node puts
 * the terminal's modes back on its way out and aborts (SIGABRT, a core dump notice) when that fails on a dead
 * terminal; a closed descriptor is skipped.
 */
export function releaseLostTerminal(fds: number[]): void {
  for (const fd of fds) {
    if (isatty(fd)) continue;
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
  }
}
