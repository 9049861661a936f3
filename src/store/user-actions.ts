import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { userWriteSpec } from '../writes/user-write-specs.ts';
import { createBulkActions } from './bulk-actions.ts';
import { createAdminActions } from './admin-actions.ts';
import { userKey } from './routes.ts';
import type { AppActions, UserWrite } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/**
 * Acting on a compromised user: disable, enable, global sign-out of the user on screen, through `runWrite`; nothing
 * is asked until the pool's username for them is known. The same writes (and more) on many users of a list: bulk-actions.ts;
 * the administrator's actions on one user: admin-actions.ts.
 */
export function createUserActions(kit: StoreKit): Pick<AppActions, 'askUserWrite' | 'askBulkUserWrite' | 'askAdminWrite'> {
  const { get, flash, top } = kit;
  return {
    ...createBulkActions(kit),
    ...createAdminActions(kit),
    askUserWrite(requested) {
      if (refuseReadOnly(kit)) return;
      const route = top();
      if (!('username' in route)) return flash('warn', 'Open a user first.');
      const who = { poolId: route.poolId, username: route.username };
      const s = get();
      const key = userKey(who.poolId, who.username);
      const user = s.users[key];
      if (user?.username !== who.username) {
        return flash('warn', s.missingUsers[key] ?? `${who.username} is still being looked up: nothing is sent until the pool's username for them is known.`);
      }
      const write: UserWrite = requested === 'toggle' ? (user.enabled === false ? 'enable' : 'disable') : requested;
      void runWrite(kit, userWriteSpec(kit, write), [who]);
    },
  };
}
