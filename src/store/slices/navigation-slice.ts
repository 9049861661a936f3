import { viewSpec } from '../../views/registry.ts';
import { createNavigationActions } from '../navigation-actions.ts';
import { resourceKey, stopLoadsOfLeftViews } from '../stop-left-loads.ts';
import type { Route } from '../routes.ts';
import { createUserLookup } from '../user-lookup.ts';
import type { Slice, SliceEnv } from './env.ts';

type NavigationState = 'stack' | 'users' | 'missingUsers' | 'detailScroll' | 'userPane';
type NavigationActions = 'push' | 'back' | 'openDeepLink' | 'refresh' | 'openSelected' | 'scrollDetail' | 'switchUserPane';

/**
 * The navigation stack and what entering a view loads (as its spec says), the users it names (looked up to the
 * pool's own username first), and leaving: the loads of views no longer on the stack are aborted.
 */
export function navigationSlice({ get, set, aborts, kit, shared }: SliceEnv): Slice<NavigationState, NavigationActions> {
  function enter(route: Route) {
    const spec = viewSpec(route);
    if (spec.enter) spec.enter(route, kit);
    else for (const ref of spec.lists(route, get())) kit.ensureList(ref);
  }

  const top = (): Route => get().stack[get().stack.length - 1];

  function push(route: Route) {
    set((s) => ({ stack: [...s.stack, route], helpOpen: false, detailScroll: 0 }));
    enter(route);
  }

  const stopLeftLoads = (all = false) => stopLoadsOfLeftViews({ get, set, aborts }, all);

  function reset(stack: Route[]) {
    set({ stack, helpOpen: false });
    stopLeftLoads();
    enter(top());
  }

  const lookup = createUserLookup({
    get, set, flash: (level, text) => kit.flash(level, text), gateway: () => kit.gw, enter,
    signal: (key) => aborts.signal(resourceKey('lookup', key), 'resource'),
  });

  Object.assign(kit, { top, push, reset, canonical: lookup.canonical });
  Object.assign(shared, { enter, stopLeftLoads, completeUser: lookup.complete });

  return {
    state: { stack: [{ view: 'pools' }], users: {}, missingUsers: {}, detailScroll: 0, userPane: 'groups' },
    actions: {
      push,
      back() {
        const s = get();
        if (s.helpOpen) return set({ helpOpen: false });
        if (s.stack.length <= 1) return;
        reset(s.stack.slice(0, -1));
      },
      openDeepLink(poolId, user) {
        const stack: Route[] = [{ view: 'pools' }, { view: 'users', poolId }];
        if (user) stack.push({ view: 'user', poolId, username: user }, { view: 'events', poolId, username: user });
        reset(stack);
      },
      ...createNavigationActions(kit),
      scrollDetail: (delta) => set((s) => ({ detailScroll: Math.max(0, s.detailScroll + Math.trunc(delta)) })),
      switchUserPane: () => set((s) => ({ userPane: s.userPane === 'groups' ? 'devices' : 'groups' })),
    },
  };
}
