import { canonicalIp, pivotOnIp, type IpPivotRow, type UserEvents } from '../domain/ip-pivot.ts';
import type { AuthEvent, User } from '../gateway/types.ts';
import type { SweepFinding } from '../sweep/index.ts';
import { listKey, tupleKey, tupleParts, userKey } from './routes.ts';
import { eventSeverity } from '../domain/event-risk.ts';
import { describeRange } from '../domain/time-range.ts';
import { poolRange } from './log-source-actions.ts';
import type { AppState } from './state.ts';

/** What an IP pivot searched: the users whose events lists are loaded, and the users a sweep of the pool read. */
export interface IpPivotScope {
  loadedUsers: number;
  /** Users the pool's sweep read (undefined when no sweep has run), and whether it is still running. */
  sweptUsers?: number;
  sweepRunning: boolean;
  /** The pool's user-activity logs: being asked, asked (with the range), or why they could not be. */
  logs?: { done: boolean; error?: string; range: string };
}

/** The row of a user known only by name: the lookup reads the whole row when their events are opened. */
function unknownUser(username: string): User {
  return { username, enabled: true, status: '', attributes: {}, mfaOptions: [], partial: true };
}

/** True for a pivot row's user known only by name (no row of theirs was read): opening them looks them up. */
export function knownOnlyByName(user: User): boolean {
  return user.partial === true && user.status === '';
}

/** The events the app has read in `poolId`: every loaded events list, then the sweep's findings. */
function readEvents(state: AppState, poolId: string): { sources: UserEvents[]; scope: IpPivotScope } {
  const sources: UserEvents[] = [];
  for (const [key, l] of Object.entries(state.lists)) {
    const [kind, pool, username] = tupleParts(key);
    if (kind !== 'events' || pool !== poolId || !username || l.items.length === 0) continue;
    sources.push({ user: state.users[userKey(poolId, username)] ?? unknownUser(username), events: l.items as AuthEvent[] });
  }
  const loadedUsers = sources.length;
  const findings = (state.lists[listKey({ kind: 'findings', poolId })]?.items ?? []) as SweepFinding[];
  for (const f of findings) sources.push({ user: f.user, events: f.events });
  const sweep = state.sweeps[poolId];
  const p = sweep?.progress;
  const sweptUsers = p ? Math.max(0, p.usersScanned - p.errors) : undefined;
  return { sources, scope: { loadedUsers, sweptUsers, sweepRunning: sweep?.running === true } };
}

/**
 * The users of `poolId` whose read events carry `address` (canonical), newest first; with the users the pool's
 * user-activity logs name for it once asked (their counts cover the logs' range, so they win over what is loaded).
 */
export function ipPivotRows(state: AppState, poolId: string, address: string): IpPivotRow[] {
  const loaded = pivotOnIp(address, readEvents(state, poolId).sources);
  const fromLogs = state.logs?.ipPivots[tupleKey(poolId, address)]?.rows ?? [];
  if (fromLogs.length === 0) return loaded;
  const byUser = new Map(loaded.map((r) => [r.user.username, r]));
  for (const r of fromLogs) {
    const had = byUser.get(r.user.username);
    byUser.set(r.user.username, had ? { ...r, user: had.user, events: Math.max(r.events, had.events), worst: eventSeverity(had.worst) > eventSeverity(r.worst) ? had.worst : r.worst } : r);
  }
  const time = (r: IpPivotRow) => r.newestAt ?? Number.NEGATIVE_INFINITY;
  return [...byUser.values()].sort((a, b) => (time(a) !== time(b) ? (time(b) > time(a) ? 1 : -1) : a.user.username < b.user.username ? -1 : 1));
}

/** What a pivot on `poolId` searches now. */
export function ipPivotScope(state: AppState, poolId: string, address?: string): IpPivotScope {
  const scope = readEvents(state, poolId).scope;
  const logs = address === undefined ? undefined : state.logs?.ipPivots[tupleKey(poolId, address)];
  return logs ? { ...scope, logs: { done: logs.done, ...(logs.error ? { error: logs.error } : {}), range: describeRange(poolRange(state, poolId)) } } : scope;
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The scope in words: "from the events of 3 users loaded and the 1,204 users swept; not the whole pool". */
export function describeIpPivotScope(scope: IpPivotScope): string {
  const loaded = `the events of ${count(scope.loadedUsers, 'user')} loaded`;
  const swept = scope.sweptUsers === undefined ? ' (no sweep has run: s on the users list sweeps the pool)'
    : ` and the ${count(scope.sweptUsers, 'user')} swept${scope.sweepRunning ? ' so far' : ''}`;
  if (scope.logs && !scope.logs.error) {
    const read = `from ${loaded}${scope.sweptUsers === undefined ? '' : swept}`;
    return `${read}${scope.logs.done ? ' and' : '; asking'} the pool's user-activity logs (${scope.logs.range})${scope.logs.done ? '' : '…'}`;
  }
  const failed = scope.logs?.error ? ` (${scope.logs.error})` : '';
  return `from ${loaded}${swept}; not the whole pool${failed}`;
}

/** The addresses of the loaded events of `poolId`, in the order first seen, at most `max`: what :ip completes. */
export function loadedIpAddresses(lists: AppState['lists'], poolId: string, max: number): string[] {
  const seen = new Set<string>();
  for (const [key, l] of Object.entries(lists)) {
    const [kind, pool] = tupleParts(key);
    if (kind !== 'events' || pool !== poolId) continue;
    for (const e of l.items as AuthEvent[]) {
      if (seen.size >= max) return [...seen];
      const ip = canonicalIp(e.ip);
      if (ip) seen.add(ip);
    }
  }
  return [...seen];
}
