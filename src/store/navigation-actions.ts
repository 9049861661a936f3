import type { AuthEvent, User } from '../gateway/types.ts';
import { displayedList } from './displayed-list.ts';
import { clearError, continueWalk, isIdleStop, resetForRefresh, selectedItem, type PagedList } from './paged-list.ts';
import { eventsRefOf, isUserRoute, userKey, type ListRef } from './routes.ts';
import { currentListRef } from './selectors.ts';
import type { AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** What r does to a list: go on after idle pages, retry a page that failed, else start over from the first page. */
function refreshed(l: PagedList<unknown>): PagedList<unknown> {
  if (isIdleStop(l)) return continueWalk(l);
  return l.error && l.error.retryable && l.items.length > 0 ? clearError(l) : resetForRefresh(l);
}

/** r and enter: reload what the view shows, and open what the cursor is on. */
export function createNavigationActions(kit: StoreKit): Pick<AppActions, 'refresh' | 'openSelected'> {
  const { get, set, list, setList, loadMore, flash, top, push } = kit;
  return {
    refresh() {
      const route = top();
      if (route.view === 'sweep') return flash('info', 'r does not re-run a sweep: esc, then s starts a new one.');
      if (isUserRoute(route) && get().users[userKey(route.poolId, route.username)]?.username !== route.username) return kit.reset(get().stack);
      const refs: ListRef[] = [];
      const ref = currentListRef(get());
      if (ref && route.view !== 'user') refs.push(ref);
      if (route.view === 'user') {
        refs.push({ kind: 'groups', poolId: route.poolId, username: route.username },
          { kind: 'devices', poolId: route.poolId, username: route.username });
      }
      if (route.view === 'event') refs.push(eventsRefOf(route)!);
      for (const r of refs) {
        setList(r, refreshed(list(r)));
        loadMore(r);
      }
      if (route.view === 'users') get().actions.ensurePool(route.poolId, true);
      if (route.view === 'risk') {
        get().actions.ensurePool(route.poolId, true);
        get().actions.ensureRisk(route.poolId, undefined, true);
        const client = selectedItem(list<{ id: string }>({ kind: 'clients', poolId: route.poolId }));
        if (client) get().actions.ensureRisk(route.poolId, client.id, true);
      }
    },
    openSelected() {
      const s = get();
      const route = top();
      const ref = currentListRef(s);
      if (route.view === 'user') return push({ view: 'events', poolId: route.poolId, username: route.username });
      if (!ref) return;
      const l = displayedList(s, ref) ?? list(ref);
      if (l.error && l.items.length === 0) return;
      const item = selectedItem(l);
      if (!item) return;
      if (route.view === 'pools') push({ view: 'users', poolId: (item as { id: string }).id });
      else if (route.view === 'users') {
        const user = item as User;
        const key = userKey(route.poolId, user.username);
        if (!get().users[key] || get().users[key].partial) set((st) => ({ users: { ...st.users, [key]: user } }));
        push({ view: 'user', poolId: route.poolId, username: user.username });
      } else if (route.view === 'events') {
        push({ view: 'event', poolId: route.poolId, username: route.username, eventId: (item as AuthEvent).id });
      } else if (route.view === 'risk') {
        get().actions.ensureRisk(route.poolId, (item as { id: string }).id);
      }
    },
  };
}
