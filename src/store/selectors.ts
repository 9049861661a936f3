import type { ListRef, Route } from './routes.ts';
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
