import { viewSpec } from '../views/registry.ts';
import type { ViewContext } from '../views/view-spec.ts';
import { displayedList } from './displayed-list.ts';
import { clearError, continueWalk, isIdleStop, resetForRefresh, selectedItem, type PagedList } from './paged-list.ts';
import { isUserRoute, userKey, type ListRef } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions } from './state.ts';

/** What r does to a list: go on after idle pages, retry a page that failed, else start over from the first page. */
function refreshed(l: PagedList<unknown>): PagedList<unknown> {
  if (isIdleStop(l)) return continueWalk(l);
  return l.error && l.error.retryable && l.items.length > 0 ? clearError(l) : resetForRefresh(l);
}

/** Reloads lists as r does. */
export function reloadLists(ctx: Pick<ViewContext, 'list' | 'setList' | 'loadMore'>, refs: ListRef[]): void {
  for (const ref of refs) {
    ctx.setList(ref, refreshed(ctx.list(ref)));
    ctx.loadMore(ref);
  }
}

/** r and enter: reload what the view shows, and open what the cursor is on, as the view's spec says. */
export function createNavigationActions(ctx: ViewContext): Pick<AppActions, 'refresh' | 'openSelected'> {
  const { get, list, top } = ctx;
  return {
    refresh() {
      const route = top();
      if (isUserRoute(route) && get().users[userKey(route.poolId, route.username)]?.username !== route.username) return ctx.reset(get().stack);
      const spec = viewSpec(route);
      if (spec.refresh) spec.refresh(route, ctx);
      else ctx.reload(spec.lists(route, get()));
    },
    openSelected() {
      const route = top();
      const spec = viewSpec(route);
      if (!spec.open) return;
      const ref = currentListRef(get());
      spec.open(route, ref ? selectedItem(displayedList(get(), ref) ?? list(ref)) : undefined, ctx);
    },
  };
}
