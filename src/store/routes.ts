import type { Route } from '../views/registry.ts';

export type { Route, ViewName } from '../views/registry.ts';

/** What a paged list holds; its key names the list in the store. */
export type ListRef =
  | { kind: 'pools' }
  | { kind: 'users'; poolId: string; filter: string }
  | { kind: 'clients'; poolId: string }
  | { kind: 'groups'; poolId: string; username: string }
  | { kind: 'devices'; poolId: string; username: string }
  | { kind: 'events'; poolId: string; username: string }
  | { kind: 'findings'; poolId: string }
  | { kind: 'log' }
  | { kind: 'groups-of-pool'; poolId: string }
  | { kind: 'group-users'; poolId: string; group: string }
  | { kind: 'appClients'; poolId: string }
  | { kind: 'ip'; poolId: string; address: string }
  | { kind: 'journal'; filter: string }
  | { kind: 'query'; poolId: string; run: string };

type KeyFields = { [K in ListRef['kind']]: readonly Exclude<keyof Extract<ListRef, { kind: K }>, 'kind'>[] };

/** The fields that name each kind of list, in the order of its key. */
const KEY_FIELDS: KeyFields = {
  pools: [],
  users: ['poolId', 'filter'],
  clients: ['poolId'],
  groups: ['poolId', 'username'],
  devices: ['poolId', 'username'],
  events: ['poolId', 'username'],
  findings: ['poolId'],
  log: [],
  'groups-of-pool': ['poolId'],
  'group-users': ['poolId', 'group'],
  appClients: ['poolId'],
  ip: ['poolId', 'address'],
  journal: ['filter'],
  query: ['poolId', 'run'],
};

/** The key of a record named by several values: the tuple of them, written as JSON (no value can run into the next). */
export function tupleKey(...parts: readonly string[]): string {
  return JSON.stringify(parts);
}

/** The values of a tupleKey, or [] for a key that is not one. */
export function tupleParts(key: string): string[] {
  try {
    const parts: unknown = JSON.parse(key);
    return Array.isArray(parts) ? parts.map(String) : [];
  } catch {
    return [];
  }
}

/** The store key of a list: its kind and the values that name it, as a tuple. */
export function listKey(ref: ListRef): string {
  const fields = KEY_FIELDS[ref.kind] as readonly string[];
  return tupleKey(ref.kind, ...fields.map((f) => (ref as unknown as Record<string, string>)[f]));
}

/** True if `key` (a listKey) is a users list of `poolId`, whatever its search. */
export function isUsersListOf(key: string, poolId: string): boolean {
  const [kind, pool] = tupleParts(key);
  return kind === 'users' && pool === poolId;
}

/** The key that identifies one user of one pool in the store. */
export function userKey(poolId: string, username: string): string {
  return tupleKey(poolId, username);
}

/** True if `key` (a userKey) names a user of `poolId`. */
export function isUserKeyOf(key: string, poolId: string): boolean {
  return tupleParts(key)[0] === poolId;
}

/** The key of a risk configuration: the pool's, or one app client's. */
export function riskKey(poolId: string, clientId: string | undefined): string {
  return tupleKey(poolId, clientId ?? '');
}

/** True if `key` (a riskKey) is a configuration of `poolId` or one of its clients. */
export function isRiskKeyOf(key: string, poolId: string): boolean {
  return tupleParts(key)[0] === poolId;
}

/** The event list behind an events or event route. */
export function eventsRefOf(route: Route): ListRef | undefined {
  return route.view === 'events' || route.view === 'event'
    ? { kind: 'events', poolId: route.poolId, username: route.username }
    : undefined;
}

/** A route that names one user of one pool. */
export type UserRoute = Extract<Route, { username: string }>;

/** True if `route` names a user. */
export function isUserRoute(route: Route): route is UserRoute {
  return 'username' in route;
}

/** The lists of one user (groups, devices, events), by the name a route gives them. */
export function userListRefs(poolId: string, username: string): ListRef[] {
  return [{ kind: 'groups', poolId, username }, { kind: 'devices', poolId, username }, { kind: 'events', poolId, username }];
}

/**
 * The stack with every route naming user `from` of `poolId` (what was typed: an email, a sub) naming `to` instead
 * (the canonical username the pool keys the user by).
 */
export function renameUserRoutes(stack: readonly Route[], poolId: string, from: string, to: string): Route[] {
  return stack.map((r) => (isUserRoute(r) && r.poolId === poolId && r.username === from ? { ...r, username: to } : r));
}
