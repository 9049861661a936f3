/** How one target of a write ended: sent and done, refused, no answer in time, never sent, or not confirmed. */
export type WriteOutcome = 'ok' | 'failed' | 'unknown' | 'not-sent' | 'cancelled';

/** What reading back a write whose outcome was unknown found. */
export type ReadBackState = 'applied' | 'not-applied' | 'unknown';

/** One write attempt on one target, as the app's log of actions keeps it (names and ids only, never a secret). */
export interface ActionLogEntry {
  /** When its outcome was settled, in ms since the epoch. */
  at: number;
  /** The Cognito operation, e.g. "AdminDisableUser". */
  operation: string;
  /** How the target is named on screen, e.g. "maria" or an event's short label. */
  target: string;
  outcome: WriteOutcome;
  /** After an unknown outcome: what reading it back found. */
  readBack?: ReadBackState;
  /** Why it failed, or what reading it back said. */
  message?: string;
}

/** The log keeps this many entries, the newest. */
export const ACTION_LOG_LIMIT = 1000;

/** `log` with `entries` added at the end, keeping the newest `limit`. */
export function appendActions(log: readonly ActionLogEntry[], entries: readonly ActionLogEntry[], limit = ACTION_LOG_LIMIT): ActionLogEntry[] {
  const next = [...log, ...entries];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
