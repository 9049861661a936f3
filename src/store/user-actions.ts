import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { userWriteSpec } from '../writes/user-write-specs.ts';
import { createAdminActions } from './admin-actions.ts';
import { userKey } from './routes.ts';
import type { AppActions, UserWrite } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/**
 * Acting on a compromised user: disable, enable, global sign-out of the user on screen, through `runWrite`; nothing
 * is asked until the pool's username for them is known. The administrator's actions come with them (admin-actions.ts).
 */
export function createUserActions(kit: StoreKit): Pick<AppActions, 'askUserWrite' | 'askAdminWrite'> {
  const { get, flash, top } = kit;
  return {
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
