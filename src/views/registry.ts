import type { ListRef } from '../store/routes.ts';
import type { AppState } from '../store/state.ts';
import { attributesView } from './attributes.tsx';
import { eventView } from './event.tsx';
import { eventsView } from './events.tsx';
import { groupView } from './group.tsx';
import { groupsView } from './groups.tsx';
import { logView } from './log.tsx';
import { poolsView } from './pools.tsx';
import { riskView } from './risk.tsx';
import { sweepView } from './sweep.tsx';
import { userView } from './user.tsx';
import { usersView } from './users.tsx';
import { clientsView } from './clients.tsx';
import { clientView } from './client.tsx';
import { settingsView } from './settings.tsx';
import { ipView } from './ip.tsx';
import { journalView } from './journal.tsx';
import { queryView } from './query.tsx';
import { pulseView } from './pulse.tsx';
import type { ViewSpec } from './view-spec.ts';

/** Every view of the app. Adding a view is its file, one line here, and its test. */
export const VIEWS = [
  poolsView,
  usersView,
  userView,
  attributesView,
  eventsView,
  eventView,
  riskView,
  sweepView,
  logView,
  groupsView,
  groupView,
  clientsView,
  clientView,
  settingsView,
  ipView,
  journalView,
  queryView,
  pulseView,
] as const;

type RouteOf<S> = S extends ViewSpec<infer R> ? R : never;

/** One screen of the navigation stack: the route of one of the registered views. */
export type Route = RouteOf<(typeof VIEWS)[number]>;

/** The name of a view. */
export type ViewName = Route['view'];

const BY_NAME = new Map<string, ViewSpec<Route>>(VIEWS.map((v) => [v.name, v as unknown as ViewSpec<Route>]));

/** The spec of the view a route shows. */
export function viewSpec(route: Route | ViewName): ViewSpec<Route> {
  return BY_NAME.get(typeof route === 'string' ? route : route.view)!;
}

/** The paged lists a route shows and loads; leaving the route stops loading them. */
export function routeListRefs(route: Route, state: AppState): ListRef[] {
  return viewSpec(route).lists(route, state);
}

/** The list the cursor keys of a route move, if it has one. */
export function cursorListOf(route: Route, state: AppState): ListRef | undefined {
  const spec = viewSpec(route);
  return spec.cursorList ? spec.cursorList(route, state) : spec.lists(route, state)[0];
}
