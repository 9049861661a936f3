import type { GatewayError } from '../gateway/errors.ts';
import type { CognitoGateway } from '../gateway/types.ts';
import { userWith } from '../store/compact-user.ts';
import { RETRY_HINT, unknownCause, unknownOutcomeText, writeFailureReason } from '../store/feedback-text.ts';
import { userKey } from '../store/routes.ts';
import { canonicalUsername } from '../store/selectors.ts';
import type { UserWrite } from '../store/state.ts';
import { toListError, type StoreKit } from '../store/store-kit.ts';
import { putUser, readUserRow } from './user-row.ts';
import type { ReadBack, WriteSpec } from './write-spec.ts';

/** A user a write acts on: the pool and the name the route shows (the pool's username is looked up to send). */
export interface UserTarget {
  poolId: string;
  username: string;
}

interface UserWriteWords {
  verb: string;
  done: string;
  operation: string;
  detail: string;
  send: (gw: CognitoGateway, poolId: string, username: string) => Promise<void>;
}

const WORDS: Record<UserWrite, UserWriteWords> = {
  disable: {
    verb: 'Disable', done: 'Disabled', operation: 'AdminDisableUser',
    detail: 'They can no longer sign in and their access tokens are revoked. d again enables them.',
    send: (gw, poolId, username) => gw.disableUser(poolId, username),
  },
  enable: {
    verb: 'Enable', done: 'Enabled', operation: 'AdminEnableUser',
    detail: 'They can sign in again.',
    send: (gw, poolId, username) => gw.enableUser(poolId, username),
  },
  'sign-out': {
    verb: 'Sign out everywhere', done: 'Signed out everywhere', operation: 'AdminUserGlobalSignOut',
    detail: 'Revokes every refresh token; access and ID tokens already issued stay valid until they expire (1 h by default).',
    send: (gw, poolId, username) => gw.globalSignOut(poolId, username),
  },
};

const shown = (enabled: boolean) => (enabled ? 'enabled' : 'disabled');

/**
 * Disable, enable or sign out users. Disable and enable are read back after an unknown outcome (one ListUsers by
 * username) and re-read after success; a sign-out cannot be read back.
 */
export function userWriteSpec(kit: StoreKit, write: UserWrite): WriteSpec<UserTarget> {
  const w = WORDS[write];
  const name = (t: UserTarget) => canonicalUsername(kit.get(), t.poolId, t.username);
  const toggles = write !== 'sign-out';
  const wanted = write === 'enable';
  const already = (t: UserTarget) => toggles && kit.get().users[userKey(t.poolId, t.username)]?.enabled === wanted;

  async function readBack(t: UserTarget, error: GatewayError): Promise<ReadBack> {
    const pools = name(t);
    let user;
    try {
      user = await readUserRow(kit, t.poolId, pools);
    } catch (readError) {
      return {
        state: 'unknown',
        message: `${w.verb} ${t.username}: outcome UNKNOWN (${unknownCause(error)}), and reading ${t.username} back failed: ${writeFailureReason(toListError(readError).message)} Check the user before R sends it again (asks first).`,
      };
    }
    if (!user) return { state: 'unknown', message: `${w.verb} ${t.username}: outcome still UNKNOWN (${unknownCause(error)}): ${pools} was not found when read back. ${RETRY_HINT}.` };
    putUser(kit, t.poolId, user);
    return user.enabled === wanted
      ? { state: 'applied', message: `Cognito now shows ${t.username} ${shown(wanted)} — the ${w.operation} was applied.` }
      : { state: 'not-applied', message: `Cognito still shows ${t.username} ${shown(user.enabled !== false)} — ${w.operation} not applied; R to send again (asks first).` };
  }

  async function reread(t: UserTarget) {
    const known = kit.get().users[userKey(t.poolId, t.username)];
    if (known) putUser(kit, t.poolId, userWith(known, { enabled: wanted }));
    const user = await readUserRow(kit, t.poolId, known?.username ?? t.username);
    if (user) putUser(kit, t.poolId, user);
  }

  return {
    operation: w.operation,
    write,
    where: (t) => ({ poolId: t.poolId, username: t.username }),
    label: (t) => t.username,
    send: (gw, t) => w.send(gw, t.poolId, name(t)),
    title: (ts) => `${w.verb} ${ts.length === 1 ? ts[0].username : `${ts.length} users`}? (${w.operation})`,
    detail: () => w.detail,
    dangerous: write !== 'enable',
    precheck: (ts) => {
      if (!ts.every(already)) return undefined;
      return ts.length === 1 ? `${ts[0].username} is already ${shown(wanted)}.` : `All ${ts.length} users are already ${shown(wanted)}.`;
    },
    afterSuccess: toggles ? (ts) => Promise.all(ts.map(reread)).then(() => undefined) : undefined,
    readBack: toggles ? readBack : undefined,
    texts: {
      what: (ts) => `${w.verb} ${ts.length === 1 ? ts[0].username : `${ts.length} users`}`,
      succeeded: (ts) => (ts.length === 1 ? `${w.done}: ${ts[0].username} (${w.operation} succeeded).` : `${w.done}: ${ts.length} users (${w.operation} succeeded for each).`),
      failed: (t, reason) => `${w.verb} ${t.username} NOT done: ${reason}`,
      unknown: (t, error) => unknownOutcomeText(`${w.verb} ${t.username}`, error, toggles
        ? `Reading ${t.username} back from Cognito…`
        : 'A sign-out cannot be read back; signing out again is harmless: R sends it again (asks first).'),
      done: w.done.toLowerCase(),
      notDone: `NOT ${w.done.toLowerCase()}`,
    },
  };
}
