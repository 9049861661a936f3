import type { User } from '../gateway/types.ts';
import { userKey } from '../store/routes.ts';
import type { ViewContext } from './view-spec.ts';

/** Opens the user of a list row: keeps the row as the user's unless a whole one is known, then shows the user view. */
export function openUserRow(poolId: string, user: User, ctx: ViewContext): void {
  const key = userKey(poolId, user.username);
  const known = ctx.get().users[key];
  if (!known || known.partial) ctx.set((st) => ({ users: { ...st.users, [key]: user } }));
  ctx.push({ view: 'user', poolId, username: user.username });
}
