import { formatUserFilter } from '../domain/user-filter.ts';
import type { User } from '../gateway/types.ts';
import { compactUser } from '../store/compact-user.ts';
import { updateItems, type PagedList } from '../store/paged-list.ts';
import { isUserKeyOf, isUsersListOf, userKey } from '../store/routes.ts';
import type { StoreKit } from '../store/store-kit.ts';

/** The user's whole row, read with one ListUsers by username (never AdminGetUser, billed per user). */
export async function readUserRow(kit: StoreKit, poolId: string, username: string): Promise<User | undefined> {
  const page = await kit.gw.listUsers(poolId, formatUserFilter({ attribute: 'username', operator: '=', value: username }));
  return page.items.find((u) => u.username === username);
}

/** Puts a user's row, as read, in the pool's user lists and under every name the user is known by. */
export function putUser(kit: StoreKit, poolId: string, user: User): void {
  kit.set((s) => {
    const lists: Record<string, PagedList<unknown>> = {};
    for (const [k, l] of Object.entries(s.lists)) {
      if (!isUsersListOf(k, poolId)) continue;
      const next = updateItems(l as PagedList<User>, (u) => (u.username === user.username ? compactUser(user) : undefined));
      if (next !== l) lists[k] = next;
    }
    const users = { ...s.users, [userKey(poolId, user.username)]: user };
    for (const [k, u] of Object.entries(s.users)) if (isUserKeyOf(k, poolId) && u.username === user.username) users[k] = user;
    return { users, lists: { ...s.lists, ...lists } };
  });
}
