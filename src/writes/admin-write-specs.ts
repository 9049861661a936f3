import { userKey } from '../store/routes.ts';
import type { StoreKit } from '../store/store-kit.ts';
import { adminSpec, type AdminTarget } from './admin-spec-base.ts';
import { removeDeletedUser } from './user-removal.ts';
import { putUser, readUserRow } from './user-row.ts';
import type { WriteSpec } from './write-spec.ts';

const who = (ts: AdminTarget[]) => (ts.length === 1 ? ts[0].username : `${ts.length} users`);

function rowOf(kit: StoreKit, t: AdminTarget) {
  return kit.get().users[userKey(t.poolId, t.username)];
}

async function rereadRow(kit: StoreKit, t: AdminTarget) {
  const user = await readUserRow(kit, t.poolId, rowOf(kit, t)?.username ?? t.username);
  if (user) putUser(kit, t.poolId, user);
  return user;
}

const rereadRows = (kit: StoreKit) => (ts: AdminTarget[]) => Promise.all(ts.map((t) => rereadRow(kit, t))).then(() => undefined);

/** AdminResetUserPassword: the user must set a new password; the row is read again so that RESET_REQUIRED shows. */
export function resetPasswordSpec(kit: StoreKit): WriteSpec<AdminTarget> {
  return adminSpec(kit, {
    operation: 'AdminResetUserPassword',
    write: 'reset-password',
    what: (ts) => `Reset the password of ${who(ts)}`,
    done: (ts) => `Password reset: ${who(ts)}`,
    doneWord: 'reset',
    label: (t) => t.username,
    detail: () => 'Status becomes RESET_REQUIRED; Cognito sends a code to the verified email/phone; the user must set a new password.',
    dangerous: true,
    send: ({ gw, target, username }) => gw.resetUserPassword(target.poolId, username),
    afterSuccess: rereadRows(kit),
    isApplied: async (t) => { const user = await rereadRow(kit, t); return user ? user.status === 'RESET_REQUIRED' : undefined; },
  });
}

/** AdminConfirmSignUp: confirms an UNCONFIRMED user without a code; anything else is already confirmed. */
export function confirmSignUpSpec(kit: StoreKit): WriteSpec<AdminTarget> {
  return adminSpec(kit, {
    operation: 'AdminConfirmSignUp',
    write: 'confirm-signup',
    what: (ts) => `Confirm the sign-up of ${who(ts)}`,
    done: (ts) => `Sign-up confirmed: ${who(ts)}`,
    doneWord: 'confirmed',
    label: (t) => t.username,
    detail: () => 'The user becomes CONFIRMED without the code Cognito sent and can sign in (a post-confirmation trigger runs).',
    send: ({ gw, target, username }) => gw.confirmSignUp(target.poolId, username),
    precheck: (ts) => {
      const confirmed = ts.filter((t) => { const status = rowOf(kit, t)?.status; return status !== undefined && status !== 'UNCONFIRMED'; });
      if (confirmed.length < ts.length) return undefined;
      return ts.length === 1 ? `${ts[0].username} is already confirmed (status ${rowOf(kit, ts[0])?.status}).` : `All ${ts.length} users are already confirmed.`;
    },
    afterSuccess: rereadRows(kit),
    isApplied: async (t) => { const user = await rereadRow(kit, t); return user ? user.status !== 'UNCONFIRMED' : undefined; },
  });
}

/** AdminDeleteUser: irreversible, so the username is typed to confirm; the user then leaves every loaded list. */
export function deleteUserSpec(kit: StoreKit): WriteSpec<AdminTarget> {
  return adminSpec(kit, {
    operation: 'AdminDeleteUser',
    write: 'delete-user',
    what: (ts) => `Delete ${who(ts)}`,
    done: (ts) => `Deleted: ${who(ts)}`,
    doneWord: 'deleted',
    label: (t) => t.username,
    detail: () => 'IRREVERSIBLE: the user, their attributes, groups, devices and authentication events are gone for good.',
    dangerous: true,
    typedConfirmation: (ts) => (ts.length === 1 ? rowOf(kit, ts[0])?.username ?? ts[0].username : `delete ${ts.length} users`),
    send: ({ gw, target, username }) => gw.deleteUser(target.poolId, username),
    afterSuccess: async (ts) => {
      for (const t of ts) removeDeletedUser(kit, t.poolId, rowOf(kit, t)?.username ?? t.username);
      kit.flash('info', `Deleted: ${who(ts)} (AdminDeleteUser succeeded); gone from the user lists.`);
    },
    isApplied: async (t) => {
      const username = rowOf(kit, t)?.username ?? t.username;
      if (await readUserRow(kit, t.poolId, username)) return false;
      removeDeletedUser(kit, t.poolId, username);
      return true;
    },
  });
}
