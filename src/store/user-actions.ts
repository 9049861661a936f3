import type { User } from '../gateway/types.ts';
import { compactUser, userWith } from './compact-user.ts';
import { updateItems, type PagedList } from './paged-list.ts';
import { formatUserFilter } from '../domain/user-filter.ts';
import { isUserKeyOf, isUsersListOf, userKey, type Route } from './routes.ts';
import { canonicalUsername } from './selectors.ts';
import type { GatewayError } from '../gateway/errors.ts';
import { isOutcomeUnknown, RETRY_HINT, unknownCause, unknownOutcomeText, writeFailureReason } from './feedback-text.ts';
import type { AppActions, FailedWrite, UserWrite } from './state.ts';
import { toListError, type StoreKit } from './store-kit.ts';

const WRITES: Record<UserWrite, { verb: string; done: string; operation: string; detail: string }> = {
  disable: {
    verb: 'Disable', done: 'Disabled', operation: 'AdminDisableUser',
    detail: 'They can no longer sign in and their access tokens are revoked. d again enables them.',
  },
  enable: {
    verb: 'Enable', done: 'Enabled', operation: 'AdminEnableUser',
    detail: 'They can sign in again.',
  },
  'sign-out': {
    verb: 'Sign out everywhere', done: 'Signed out everywhere', operation: 'AdminUserGlobalSignOut',
    detail: 'Revokes every refresh token; access and ID tokens already issued stay valid until they expire (1 h by default).',
  },
};

function userOf(route: Route): { poolId: string; username: string } | undefined {
  return 'username' in route ? { poolId: route.poolId, username: route.username } : undefined;
}

/**
 * Acting on a compromised user: disable, enable, global sign-out; confirmed, one at a time, never resent unasked.
 * A write whose outcome is unknown is read back (disable, enable) or said to be unknowable (sign-out).
 */
export function createUserActions(kit: StoreKit): Pick<AppActions, 'askUserWrite'> {
  const { get, set, flash, top } = kit;

  function send(poolId: string, username: string, write: UserWrite) {
    const key = userKey(poolId, username);
    const spec = WRITES[write];
    set((s) => ({ pendingUserWrites: { ...s.pendingUserWrites, [key]: write } }));
    const gw = kit.gw;
    const name = canonicalUsername(get(), poolId, username);
    const call = write === 'disable' ? gw.disableUser(poolId, name)
      : write === 'enable' ? gw.enableUser(poolId, name)
      : gw.globalSignOut(poolId, name);
    const settle = () => set((s) => {
      const { [key]: _done, ...rest } = s.pendingUserWrites;
      return { pendingUserWrites: rest };
    });
    call.then(
      () => {
        settle();
        flash('info', `${spec.done}: ${username} (${spec.operation} succeeded).`);
        if (write !== 'sign-out') reread(poolId, username, write === 'enable');
      },
      (error) => {
        const failed: FailedWrite = {
          label: `${spec.verb} ${username}`,
          ask: () => ask({ poolId, username }, write, failed, isOutcomeUnknown(error) ? 'The outcome of the last attempt is unknown.' : undefined),
        };
        set({ failedWrite: failed });
        if (!isOutcomeUnknown(error) || write === 'sign-out') settle();
        if (!isOutcomeUnknown(error)) {
          flash('error', `${spec.verb} ${username} NOT done: ${writeFailureReason(toListError(error).message)} ${RETRY_HINT}.`);
        } else if (write === 'sign-out') {
          flash('warn', unknownOutcomeText(`${spec.verb} ${username}`, error, 'A sign-out cannot be read back; signing out again is harmless: R sends it again (asks first).'));
        } else {
          flash('warn', unknownOutcomeText(`${spec.verb} ${username}`, error, `Reading ${username} back from Cognito…`));
          readBackUnknown({ poolId, username, name, write, error, failed, settle });
        }
      },
    );
  }

  /**
   * After a disable or enable whose outcome is unknown: one ListUsers for the user's row, and what it shows. The
   * write stays in flight until then (quitting meanwhile records its outcome as unknown).
   */
  function readBackUnknown(unknown: {
    poolId: string; username: string; name: string; write: 'disable' | 'enable'; error: GatewayError; failed: FailedWrite; settle: () => void;
  }) {
    const { poolId, username, name, write, error, failed, settle } = unknown;
    const spec = WRITES[write];
    const wanted = write === 'enable';
    const state = (enabled: boolean) => (enabled ? 'enabled' : 'disabled');
    const stillOffered = () => get().failedWrite === failed;
    readUserRow(poolId, name).then(
      (user) => {
        settle();
        if (!user) {
          flash('warn', `${spec.verb} ${username}: outcome still UNKNOWN (${unknownCause(error)}): ${name} was not found when read back. ${RETRY_HINT}.`);
          return;
        }
        putUser(poolId, user);
        if (user.enabled === wanted) {
          if (stillOffered()) set({ failedWrite: undefined });
          flash('info', `Cognito now shows ${username} ${state(wanted)} — the ${spec.operation} was applied.`);
        } else {
          flash('warn', `Cognito still shows ${username} ${state(user.enabled !== false)} — ${spec.operation} not applied; R to send again (asks first).`);
        }
      },
      (readError) => {
        settle();
        flash('warn', `${spec.verb} ${username}: outcome UNKNOWN (${unknownCause(error)}), and reading ${username} back failed: ${writeFailureReason(toListError(readError).message)} Check the user before R sends it again (asks first).`);
      },
    );
  }

  /** The user's whole row, read with one ListUsers by username (never AdminGetUser, billed per user). */
  async function readUserRow(poolId: string, username: string): Promise<User | undefined> {
    const page = await kit.gw.listUsers(poolId, formatUserFilter({ attribute: 'username', operator: '=', value: username }));
    return page.items.find((u) => u.username === username);
  }

  function putUser(poolId: string, user: User) {
    set((s) => {
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

  function reread(poolId: string, username: string, expectEnabled: boolean) {
    const known = get().users[userKey(poolId, username)];
    if (known) putUser(poolId, userWith(known, { enabled: expectEnabled }));
    readUserRow(poolId, known?.username ?? username).then(
      (user) => { if (user) putUser(poolId, user); },
      (error) => flash('warn', `Done, but the user could not be read back: ${toListError(error).message}`),
    );
  }

  /** Opens the confirmation for `write` on `who`; `retrying` is the failed write it would send again, `lastAttempt` how it ended. */
  function ask(who: { poolId: string; username: string }, requested: UserWrite | 'toggle', retrying?: FailedWrite, lastAttempt = 'The last attempt failed.') {
    const s = get();
    if (s.readOnly) return flash('warn', 'Read-only mode (--read-only): nothing is sent. Restart without --read-only to act on users.');
    const key = userKey(who.poolId, who.username);
    const pending = s.pendingUserWrites[key];
    if (pending) return flash('warn', `${WRITES[pending].verb} ${who.username} is still being sent; wait for it.`);
    const user = s.users[key];
    if (user?.username !== who.username) {
      return flash('warn', s.missingUsers[key] ?? `${who.username} is still being looked up: nothing is sent until the pool's username for them is known.`);
    }
    const write: UserWrite = requested === 'toggle' ? (user?.enabled === false ? 'enable' : 'disable') : requested;
    if (write === 'disable' && user?.enabled === false) return flash('info', `${who.username} is already disabled.`);
    if (write === 'enable' && user?.enabled === true) return flash('info', `${who.username} is already enabled.`);
    const spec = WRITES[write];
    set({
      confirm: {
        title: `${retrying ? 'Send again: ' : ''}${spec.verb} ${who.username}? (${spec.operation})`,
        detail: retrying ? `${lastAttempt} ${spec.detail}` : spec.detail,
        onConfirm: () => {
          if (retrying && get().failedWrite === retrying) set({ failedWrite: undefined });
          send(who.poolId, who.username, write);
        },
      },
    });
  }

  return {
    askUserWrite(requested) {
      const who = userOf(top());
      if (!who && !get().readOnly) return flash('warn', 'Open a user first.');
      ask(who ?? { poolId: '', username: '' }, requested);
    },
  };
}
