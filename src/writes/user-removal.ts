import type { User } from '../gateway/types.ts';
import { clampCursor, type PagedList } from '../store/paged-list.ts';
import { isUserKeyOf, isUserRoute, isUsersListOf, listKey, tupleParts, userListRefs } from '../store/routes.ts';
import type { StoreKit } from '../store/store-kit.ts';

function isUserRows(key: string, list: PagedList<unknown>, poolId: string): boolean {
  if (isUsersListOf(key, poolId)) return true;
  const first = list.items[0] as Partial<User> | undefined;
  return tupleParts(key)[1] === poolId && typeof first?.username === 'string' && typeof first.status === 'string';
}

/**
 * Forgets a user who was deleted: their rows leave every loaded list of users of the pool, their own lists and every
 * name they were known by go, and the navigation goes back to the view below the first one that named them.
 */
export function removeDeletedUser(kit: StoreKit, poolId: string, username: string): void {
  kit.set((s) => {
    const lists: Record<string, PagedList<unknown>> = {};
    const own = new Set<string>();
    for (const [k, u] of Object.entries(s.users)) {
      if (isUserKeyOf(k, poolId) && u.username === username) for (const ref of userListRefs(poolId, tupleParts(k)[1])) own.add(listKey(ref));
    }
    for (const ref of userListRefs(poolId, username)) own.add(listKey(ref));
    for (const [k, l] of Object.entries(s.lists)) {
      if (own.has(k)) continue;
      if (!isUserRows(k, l, poolId)) {
        lists[k] = l;
        continue;
      }
      const items = (l.items as User[]).filter((u) => u.username !== username);
      lists[k] = items.length === l.items.length ? l : clampCursor({ ...l, items });
    }
    const users = Object.fromEntries(Object.entries(s.users).filter(([k, u]) => !(isUserKeyOf(k, poolId) && u.username === username)));
    return { lists, users };
  });
  const stack = kit.get().stack;
  const first = stack.findIndex((r) => isUserRoute(r) && r.poolId === poolId && r.username === username);
  if (first > 0) kit.reset(stack.slice(0, first));
}
