import { changeMarks } from '../store/mark-actions.ts';
import { isUserListKind, rowUser, rowWithUserChange } from '../store/list-rows.ts';
import { unknownOutcomeText } from '../store/feedback-text.ts';
import { userWith } from '../store/compact-user.ts';
import { updateItems, type PagedList } from '../store/paged-list.ts';
import { isUserKeyOf, listKey, tupleParts, type ListRef } from '../store/routes.ts';
import type { StoreKit } from '../store/store-kit.ts';
import type { User } from '../gateway/types.ts';
import { userWriteSpec, type UserTarget } from './user-write-specs.ts';
import type { WriteSpec } from './write-spec.ts';

/** A write sent to every marked user of a list (or the one under the cursor). */
export type BulkUserWrite = 'disable' | 'sign-out' | 'reset-password' | { addToGroup: string };

const DISABLE_DETAIL = 'They can no longer sign in and their access tokens are revoked (enable one from its user view: d).';

const who = (ts: UserTarget[]) => (ts.length === 1 ? ts[0].username : `${ts.length} users`);

/** Shows `username` with `change` in every loaded list of the pool's users and in the users already read: no call. */
function showChange(kit: StoreKit, poolId: string, username: string, change: Partial<User>) {
  kit.set((s) => {
    const lists: Record<string, PagedList<unknown>> = {};
    for (const [key, list] of Object.entries(s.lists)) {
      const [kind, pool] = tupleParts(key);
      if (pool !== poolId || !isUserListKind(kind)) continue;
      const next = updateItems(list, (row) => rowWithUserChange(kind, row, username, change));
      if (next !== list) lists[key] = next;
    }
    const users = { ...s.users };
    for (const [key, u] of Object.entries(s.users)) if (isUserKeyOf(key, poolId) && u.username === username) users[key] = userWith(u, change);
    return { lists: { ...s.lists, ...lists }, users };
  });
}

/** Forgets the user's loaded groups, so that opening them reads them again: no call now. */
function forgetGroups(kit: StoreKit, poolId: string, username: string) {
  const key = listKey({ kind: 'groups', poolId, username });
  kit.set((s) => {
    if (!(key in s.lists)) return {};
    const { [key]: _stale, ...lists } = s.lists;
    return { lists };
  });
}

function resetPasswordSpec(): Omit<WriteSpec<UserTarget>, 'onSent'> {
  const operation = 'AdminResetUserPassword';
  const what = (ts: UserTarget[]) => `Reset the password of ${who(ts)}`;
  return {
    operation, write: 'reset password', dangerous: true,
    where: (t) => ({ poolId: t.poolId, username: t.username }),
    label: (t) => t.username,
    send: (gw, t) => gw.resetUserPassword(t.poolId, t.username),
    title: (ts) => `${what(ts)}? (${operation})`,
    detail: () => 'Their password stops working: they must set a new one with the code Cognito sends them before they can sign in.',
    texts: {
      what,
      succeeded: (ts) => `Password reset: ${who(ts)} (${operation} succeeded${ts.length === 1 ? '' : ' for each'}).`,
      failed: (t, reason) => `Reset the password of ${t.username} NOT done: ${reason}`,
      unknown: (t, error) => unknownOutcomeText(what([t]), error, 'A password reset cannot be read back; resetting again sends another code: R sends it again (asks first).'),
      done: 'reset', notDone: 'NOT reset',
    },
  };
}

function addToGroupSpec(group: string): Omit<WriteSpec<UserTarget>, 'onSent'> {
  const operation = 'AdminAddUserToGroup';
  const what = (ts: UserTarget[]) => `Add ${who(ts)} to group ${group}`;
  return {
    operation, write: `add to group ${group}`,
    where: (t) => ({ poolId: t.poolId, username: t.username }),
    label: (t) => t.username,
    send: (gw, t) => gw.addUserToGroup(t.poolId, t.username, group),
    title: (ts) => `${what(ts)}? (${operation})`,
    detail: () => `They get the group's permissions (its IAM role) in the tokens issued from now on.`,
    texts: {
      what,
      succeeded: (ts) => `Added to group ${group}: ${who(ts)} (${operation} succeeded${ts.length === 1 ? '' : ' for each'}).`,
      failed: (t, reason) => `Add ${t.username} to group ${group} NOT done: ${reason}`,
      unknown: (t, error) => unknownOutcomeText(what([t]), error, 'Adding again is harmless: R sends it again (asks first).'),
      done: 'added', notDone: 'NOT added',
    },
  };
}

/**
 * A write on users marked in `marked` (a list of users): each target that succeeds is unmarked there and its rows
 * updated from what is now known (no call: disabled; a confirmed user's password reset is RESET_REQUIRED); the failed ones stay marked, so R or the same key sends just them.
 * `skipped` is said in the confirmation (e.g. users already disabled, left out).
 */
export function bulkUserSpec(kit: StoreKit, write: BulkUserWrite, marked: ListRef, skipped = ''): WriteSpec<UserTarget> {
  const resettable = new Set(kit.list(marked).items.map((row) => rowUser(marked, row)).filter((u) => u?.status === 'CONFIRMED').map((u) => u!.username));
  const base = typeof write === 'object' ? addToGroupSpec(write.addToGroup)
    : write === 'reset-password' ? resetPasswordSpec()
    : { ...userWriteSpec(kit, write), afterSuccess: undefined };
  const applied = (t: UserTarget) => {
    if (write === 'disable') showChange(kit, t.poolId, t.username, { enabled: false });
    if (write === 'reset-password' && resettable.has(t.username)) showChange(kit, t.poolId, t.username, { status: 'RESET_REQUIRED' });
    if (typeof write === 'object') forgetGroups(kit, t.poolId, t.username);
  };
  return {
    ...base,
    detail: (ts) => `${write === 'disable' ? DISABLE_DETAIL : base.detail(ts)}${skipped}`,
    onSent: (t) => {
      applied(t);
      changeMarks(kit, marked, { [t.username]: false });
    },
  };
}
