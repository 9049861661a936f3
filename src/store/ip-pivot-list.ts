import { canonicalIp, pivotOnIp, type IpPivotRow, type UserEvents } from '../domain/ip-pivot.ts';
import type { AuthEvent, User } from '../gateway/types.ts';
import type { SweepFinding } from '../sweep/index.ts';
import { listKey, tupleParts, userKey } from './routes.ts';
import type { AppState } from './state.ts';

/** What an IP pivot searched: the users whose events lists are loaded, and the users a sweep of the pool read. */
export interface IpPivotScope {
  loadedUsers: number;
  /** Users the pool's sweep read (undefined when no sweep has run), and whether it is still running. */
  sweptUsers?: number;
  sweepRunning: boolean;
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

/** The users of `poolId` whose read events carry `address` (canonical), newest first. */
export function ipPivotRows(state: AppState, poolId: string, address: string): IpPivotRow[] {
  return pivotOnIp(address, readEvents(state, poolId).sources);
}

/** What a pivot on `poolId` searches now. */
export function ipPivotScope(state: AppState, poolId: string): IpPivotScope {
  return readEvents(state, poolId).scope;
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The scope in words: "from the events of 3 users loaded and the 1,204 users swept; not the whole pool". */
export function describeIpPivotScope(scope: IpPivotScope): string {
  const loaded = `the events of ${count(scope.loadedUsers, 'user')} loaded`;
  const swept = scope.sweptUsers === undefined ? ' (no sweep has run: s on the users list sweeps the pool)'
    : ` and the ${count(scope.sweptUsers, 'user')} swept${scope.sweepRunning ? ' so far' : ''}`;
  return `from ${loaded}${swept}; not the whole pool`;
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
