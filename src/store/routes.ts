/** One screen of the navigation stack. */
export type Route =
  | { view: 'pools' }
  | { view: 'users'; poolId: string }
  | { view: 'user'; poolId: string; username: string }
  | { view: 'attributes'; poolId: string; username: string }
  | { view: 'events'; poolId: string; username: string }
  | { view: 'event'; poolId: string; username: string; eventId: string }
  | { view: 'risk'; poolId: string }
  | { view: 'sweep'; poolId: string }
  | { view: 'log' };

/** The name of a view. */
export type ViewName = Route['view'];

/** What a paged list holds; its key names the list in the store. */
export type ListRef =
  | { kind: 'pools' }
  | { kind: 'users'; poolId: string; filter: string }
  | { kind: 'clients'; poolId: string }
  | { kind: 'groups'; poolId: string; username: string }
  | { kind: 'devices'; poolId: string; username: string }
  | { kind: 'events'; poolId: string; username: string }
  | { kind: 'findings'; poolId: string }
  | { kind: 'log' };

/** The store key of a list. */
export function listKey(ref: ListRef): string {
  switch (ref.kind) {
    case 'pools':
    case 'log':
      return ref.kind;
    case 'findings':
      return `findings\u0000${ref.poolId}`;
    case 'users':
      return `users\u0000${ref.poolId}\u0000${ref.filter}`;
    case 'clients':
      return `clients\u0000${ref.poolId}`;
    case 'groups':
    case 'devices':
    case 'events':
      return `${ref.kind}\u0000${ref.poolId}\u0000${ref.username}`;
  }
}

/** True if `key` (a listKey) is a users list of `poolId`, whatever its search. */
export function isUsersListOf(key: string, poolId: string): boolean {
  return key.startsWith(`users\u0000${poolId}\u0000`);
}

/** True if `key` (a userKey) names a user of `poolId`. */
export function isUserKeyOf(key: string, poolId: string): boolean {
  return key.startsWith(`${poolId}\u0000`);
}

/** The key that identifies one user of one pool in the store. */
export function userKey(poolId: string, username: string): string {
  return `${poolId}\u0000${username}`;
}

/** The key of a risk configuration: the pool's, or one app client's. */
export function riskKey(poolId: string, clientId: string | undefined): string {
  return `${poolId}\u0000${clientId ?? ''}`;
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
