import type { ListRef, Route } from './routes.ts';
import type { AppState } from './state.ts';

/** The paged lists a route shows and loads; leaving the route stops loading them. */
export function routeListRefs(route: Route, state: Pick<AppState, 'searches'>): ListRef[] {
  switch (route.view) {
    case 'pools':
      return [{ kind: 'pools' }];
    case 'users':
      return [{ kind: 'users', poolId: route.poolId, filter: state.searches[route.poolId] ?? '' }];
    case 'user':
      return [{ kind: 'groups', poolId: route.poolId, username: route.username }, { kind: 'devices', poolId: route.poolId, username: route.username }];
    case 'events':
    case 'event':
      return [{ kind: 'events', poolId: route.poolId, username: route.username }];
    case 'risk':
      return [{ kind: 'clients', poolId: route.poolId }];
    case 'sweep':
      return [{ kind: 'findings', poolId: route.poolId }];
    case 'log':
      return [{ kind: 'log' }];
    case 'attributes':
      return [];
  }
}
