import type { CallerIdentity } from '../gateway/types.ts';

/** One action as the journal keeps it: names, ids and outcomes only, never a secret, password or token. */
export interface JournalLine {
  /** When its outcome was settled, ISO 8601 UTC. */
  at: string;
  /** The incident named with `:incident` when it was written. */
  incident?: string;
  /** Who acted: the caller's ARN and account, or why that is not known. */
  who: CallerIdentity;
  profile?: string;
  region?: string;
  poolId: string;
  /** The Cognito operation, e.g. "AdminDisableUser". */
  action: string;
  /** What it did as the user asked for it: "disable", "feedback Invalid". */
  write: string;
  /** What it acted on: the user, and the event for feedback. */
  target: { username: string; eventId?: string; label: string };
  /** The values it set (the feedback value, the group, the device), never a secret. */
  parameters: Record<string, string>;
  /** ok, failed, unknown, not-sent or cancelled. */
  outcome: string;
  /** After an unknown outcome: what reading it back found. */
  readBack?: string;
  /** Why it failed, or what reading it back said. */
  message?: string;
  /** The AWS request id of the call, when the gateway could tell it. */
  requestId?: string;
}

/** Where a session's actions are recorded; the store is given one, tests a temporary one, `--no-journal` none. */
export interface Journal {
  /** The directory it writes to, or undefined when the journal is off. */
  readonly dir: string | undefined;
  /** Why a line could not be written now (a directory not writable, a full disk), or undefined when it can. */
  check(): string | undefined;
  /** Appends the lines to the day's file and resolves once they are flushed to disk (fsync). */
  append(lines: JournalLine[]): Promise<void>;
  /** The lines of one UTC day (YYYY-MM-DD), oldest first; none when there is no file. */
  read(day: string): JournalLine[];
  /** The days that have a file, oldest first. */
  days(): string[];
}

/** The journal of `--no-journal`: nothing is written, nothing is read. */
export const NO_JOURNAL: Journal = {
  dir: undefined,
  check: () => undefined,
  append: () => Promise.resolve(),
  read: () => [],
  days: () => [],
};

/** The UTC day of a time in ms, as a journal file is named by it. */
export function journalDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
