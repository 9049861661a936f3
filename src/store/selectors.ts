import { cursorListOf } from '../views/registry.ts';
import { userKey, type ListRef, type Route } from './routes.ts';
import type { AppState } from './state.ts';

/** The route on top of the navigation stack. */
export function currentRoute(state: Pick<AppState, 'stack'>): Route {
  return state.stack[state.stack.length - 1];
}

/** The scrolling list of the current view, if it has one. */
export function currentListRef(state: AppState): ListRef | undefined {
  return cursorListOf(currentRoute(state), state);
}

/**
 * The username Cognito keys a user by. Routes name a user by it once their row is found (see user-lookup.ts); this
 * maps any other name the row is known by (an email or sub that was typed) to it.
 */
export function canonicalUsername(state: Pick<AppState, 'users'>, poolId: string, name: string): string {
  return state.users[userKey(poolId, name)]?.username ?? name;
}
