import { userKey, type ListRef, type Route } from './routes.ts';
import type { AppState } from './state.ts';

/** The route on top of the navigation stack. */
export function currentRoute(state: Pick<AppState, 'stack'>): Route {
  return state.stack[state.stack.length - 1];
}

/** The scrolling list of the current view, if it has one. */
export function currentListRef(state: Pick<AppState, 'stack' | 'searches' | 'userPane'>): ListRef | undefined {
  const route = currentRoute(state);
  switch (route.view) {
    case 'pools':
      return { kind: 'pools' };
    case 'users':
      return { kind: 'users', poolId: route.poolId, filter: state.searches[route.poolId] ?? '' };
    case 'user':
      return { kind: state.userPane, poolId: route.poolId, username: route.username };
    case 'events':
      return { kind: 'events', poolId: route.poolId, username: route.username };
    case 'risk':
      return { kind: 'clients', poolId: route.poolId };
    case 'sweep':
      return { kind: 'findings', poolId: route.poolId };
    case 'log':
      return { kind: 'log' };
    default:
      return undefined;
  }
}

/**
 * The username Cognito keys a user by. Routes name a user by it once their row is found (see user-lookup.ts); this
 * maps any other name the row is known by (an email or sub that was typed) to it.
 */
export function canonicalUsername(state: Pick<AppState, 'users'>, poolId: string, name: string): string {
  return state.users[userKey(poolId, name)]?.username ?? name;
}
