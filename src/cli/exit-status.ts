/** The exit statuses of cognito-tui, as the README lists them. */
export const EXIT = {
  /** Quit normally (q), or --help / --version. */
  ok: 0,
  /** A bad command line or config file, an unknown profile, or no terminal to run in: nothing was started. */
  usage: 2,
  /** A failure nobody expected: one line on stderr, the stack in a crash log. */
  internal: 70,
  /** The terminal went away: SIGHUP (an SSH drop, a closed window, tmux kill), or a read or write on it failed. */
  hangup: 129,
  /** SIGINT sent from outside (Ctrl-C itself is a key in the app: it quits with 0). */
  interrupted: 130,
  /** SIGTERM. */
  terminated: 143,
} as const;

/** Error codes that mean the terminal is gone (its master side closed), not that the app is broken. */
const TERMINAL_GONE = new Set(['EIO', 'EPIPE', 'ENXIO', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** True when `error` is what a read or write on a terminal that has been closed under the app fails with. */
export function isTerminalGone(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return TERMINAL_GONE.has(String((error as { code: unknown }).code));
}
