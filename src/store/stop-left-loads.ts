import { cursorListOf, routeListRefs, viewSpec } from '../views/registry.ts';
import type { LoadAborts } from './load-aborts.ts';
import { abandonLoad, selectedItem, type PagedList } from './paged-list.ts';
import { isUserRoute, listKey, tupleKey, tupleParts, userKey } from './routes.ts';
import { currentRoute } from './selectors.ts';
import type { AppState } from './state.ts';

/** What stopping the loads of left views needs from the store. */
export interface StopLoadsDeps {
  get: () => AppState;
  set: (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
  aborts: LoadAborts;
}

/** The key of a resource's abort controller. */
export function resourceKey(field: 'pools' | 'risk' | 'lookup', key: string): string {
  return tupleKey(field, key);
}

function resourcesShown(s: AppState): Set<string> {
  const keep = new Set<string>();
  for (const route of s.stack) {
    if (!('poolId' in route)) continue;
    keep.add(resourceKey('pools', route.poolId));
    if (isUserRoute(route)) keep.add(resourceKey('lookup', userKey(route.poolId, route.username)));
    for (const key of viewSpec(route).resources?.(route, s) ?? []) keep.add(key);
  }
  const top = currentRoute(s);
  const ref = cursorListOf(top, s);
  if (ref?.kind === 'pools') {
    const pool = selectedItem(s.lists[listKey(ref)] as PagedList<{ id: string }> | undefined);
    if (pool) keep.add(resourceKey('pools', pool.id));
  }
  return keep;
}

/**
 * Aborts every request of the lists and resources that no route on the stack shows any more (every one with
 * `all`: a quit, another region or profile). Their answers, when they come, are stale and dropped without a word.
 */
export function stopLoadsOfLeftViews({ get, set, aborts }: StopLoadsDeps, all = false): void {
  const keepLists = new Set<string>();
  if (!all) for (const route of get().stack) for (const ref of routeListRefs(route, get())) keepLists.add(listKey(ref));
  for (const key of aborts.abortExcept(keepLists, 'list')) {
    const l = get().lists[key];
    if (l) set((s) => ({ lists: { ...s.lists, [key]: abandonLoad(l) } }));
  }
  for (const key of aborts.abortExcept(all ? new Set() : resourcesShown(get()), 'resource')) {
    const [field, id] = tupleParts(key);
    if (field !== 'pools' && field !== 'risk') continue;
    const r = get()[field][id];
    if (r?.loading) set((s) => ({ [field]: { ...s[field], [id]: { ...r, loading: false, requestId: r.requestId + 1 } } }) as Partial<AppState>);
  }
}
