import type { FunctionComponent } from 'react';
import type { Binding } from '../keys/binding.ts';
import type { ListRef, UserRoute } from '../store/routes.ts';
import type { AppState } from '../store/state.ts';
import type { StoreKit } from '../store/store-kit.ts';
import type { ViewProps } from '../ui/views/view-props.ts';

/** What a view's loading and opening see: the store kit and the actions of the store. */
export interface ViewContext extends StoreKit {
  /** True when a user route names its user canonically (see user-lookup.ts); else starts the lookup and answers false. */
  canonical: (route: UserRoute) => boolean;
  /** Reloads lists as r does: goes on after idle pages, retries a failed page, else starts over. */
  reload: (refs: ListRef[]) => void;
  /** The abort signal of a resource's requests (by its abort key), aborted once no route on the stack keeps that key. */
  resourceSignal: (key: string) => AbortSignal;
}

/**
 * One view of the app, declared in one file: its route, the lists it loads and keeps, how it loads, what Enter
 * opens, what r reloads besides its lists, its keys, its breadcrumb and its renderer. The registry (registry.ts) lists
 * every view; nothing outside it switches on a view's name.
 */
export interface ViewSpec<R extends { view: string }> {
  /** The route's `view`. */
  name: R['view'];
  /** The title of its keys in the help. */
  title: string;
  /** Its breadcrumbs after the region and the pool (e.g. the user and 'events'); raw text, made safe by the header. */
  crumbs: (route: R, state: AppState) => string[];
  /** The paged lists it shows: loaded on entering, refreshed by r, and kept loading while the route is on the stack. */
  lists: (route: R, state: AppState) => ListRef[];
  /** The list the cursor keys move; the first of `lists` when absent. */
  cursorList?: (route: R, state: AppState) => ListRef | undefined;
  /** What entering it loads besides its lists (they are loaded unless `enter` is given and loads them itself). */
  enter?: (route: R, ctx: ViewContext) => void;
  /** What r reloads besides its lists. */
  refresh?: (route: R, ctx: ViewContext) => void;
  /** Enter: what the selected item (undefined when nothing is selected) opens. */
  open?: (route: R, item: unknown, ctx: ViewContext) => void;
  /** The value C copies, when it is not the selected row of the cursor list (a detail view's event or user). */
  copyValue?: (route: R, state: AppState) => unknown;
  /** Resources (abort keys) its route keeps loading besides its pool's details and its user's lookup. */
  resources?: (route: R, state: AppState) => string[];
  /** Its own keys, searched before the global ones; they drive the handler, the footer and the help. */
  keys: Binding[];
  /** Draws it in the space between the header and the footer. */
  Render: FunctionComponent<ViewProps & { route: R }>;
}
