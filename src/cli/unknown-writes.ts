import { chmodSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { AppState } from '../store/state.ts';
import { allInFlight } from '../writes/in-flight.ts';

/**
 * A write that was still in flight when a session ended (a hang-up, SIGTERM, or q pressed twice): whether Cognito
 * applied it is unknown. Only names and ids, never a credential or a token.
 */
export interface UnknownWrite {
  /** When the session ended, ISO 8601 UTC. */
  at: string;
  /** The Cognito operation that was sent. */
  operation: string;
  /** What it did, as the user asked for it: "feedback Invalid", "disable", "enable", "sign-out", "reset-password", "add-to-group", "delete-user"… */
  write: string;
  poolId: string;
  username: string;
  /** The authentication event, for feedback. */
  eventId?: string;
  /** What a write on the user named besides them: the group (add-to-group, remove-from-group) or the device (forget-device). */
  value?: string;
  region?: string;
  profile?: string;
}

/** The file in the state directory that holds them. */
export const UNKNOWN_WRITES_FILE = 'unknown-writes.json';

/** At most this many are kept, and each field at most this long, whatever the file holds. */
const MAX_ENTRIES = 1000;
const MAX_FIELD = 512;

/** The app's state directory: `$XDG_STATE_HOME/cognito-tui`, else `~/.local/state/cognito-tui` (a relative XDG path is ignored, as the spec says). */
export function stateDirectory(env: Record<string, string | undefined> = process.env, home: string = homedir()): string {
  const xdg = env.XDG_STATE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'state'), 'cognito-tui');
}

/** The writes in flight in `state`, each with the pool and user it was for, as records of an unknown outcome. */
export function writesInFlight(state: Pick<AppState, 'pendingWrites' | 'target'>, now: number): UnknownWrite[] {
  const at = new Date(now).toISOString();
  const where = { ...(state.target.region ? { region: state.target.region } : {}), ...(state.target.profile ? { profile: state.target.profile } : {}) };
  return allInFlight(state.pendingWrites).map((w): UnknownWrite => ({
    at, operation: w.operation, write: w.write, poolId: w.poolId, username: w.username, ...(w.eventId !== undefined ? { eventId: w.eventId } : w.value !== undefined ? { value: w.value } : {}), ...where,
  }));
}

/** The records in `dir`; none when there is no file, and a file that is not ours is read as none, never thrown on. */
export function readUnknownWrites(dir: string): UnknownWrite[] {
  let text: string;
  try {
    text = readFileSync(join(dir, UNKNOWN_WRITES_FILE), 'utf8');
  } catch {
    return [];
  }
  try {
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? data.flatMap(asUnknownWrite).slice(-MAX_ENTRIES) : [];
  } catch {
    return [];
  }
}

function asUnknownWrite(value: unknown): UnknownWrite[] {
  if (typeof value !== 'object' || value === null) return [];
  const v = value as Record<string, unknown>;
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string).slice(0, MAX_FIELD) : undefined);
  const [at, operation, write, poolId, username] = ['at', 'operation', 'write', 'poolId', 'username'].map(text);
  if (!at || !operation || !write || !poolId || !username) return [];
  const optional = Object.fromEntries(['eventId', 'value', 'region', 'profile'].flatMap((k) => (text(k) ? [[k, text(k)]] : [])));
  return [{ at, operation, write, poolId, username, ...optional }];
}

/**
 * Makes `entries` the whole content of the record in `dir` (directory 0700, file 0600, replaced atomically); no
 * entries removes the file.
 */
export function saveUnknownWrites(dir: string, entries: UnknownWrite[]): void {
  const file = join(dir, UNKNOWN_WRITES_FILE);
  if (entries.length === 0) {
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(entries.slice(-MAX_ENTRIES), null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** Adds `entries` to what `dir` already holds (records of earlier sessions not shown yet stay). */
export function appendUnknownWrites(dir: string, entries: UnknownWrite[]): void {
  if (entries.length > 0) saveUnknownWrites(dir, [...readUnknownWrites(dir), ...entries]);
}

/** One record as a person reads it: "Invalid feedback on event e-1 of maria (us-east-1_Abc)". */
export function describeUnknownWrite(w: UnknownWrite): string {
  const what = w.eventId ? `${w.write} on event ${w.eventId} of ${w.username}` : `${w.write}${w.value ? ` ${w.value}` : ''} of ${w.username}`;
  return `${what} (${w.poolId}${w.profile ? `, profile ${w.profile}` : ''}; ${w.operation}, ${w.at})`;
}

/** The one-line notice shown at the start of the next session, naming up to `shown` of them. */
export function unknownWritesNotice(entries: UnknownWrite[], shown = 2): string {
  const n = entries.length;
  const listed = entries.slice(0, shown).map(describeUnknownWrite).join('; ');
  const more = n > shown ? `; and ${n - shown} more (listed when you quit)` : '';
  return `${n} write${n === 1 ? '' : 's'} had an unknown outcome when the last session ended: ${listed}${more}; check ${n === 1 ? 'it' : 'them'}.`;
}
