import type { Device, Group } from '../gateway/types.ts';
import { confirmSignUpSpec, deleteUserSpec, resetPasswordSpec } from '../writes/admin-write-specs.ts';
import { forgetDeviceSpec, groupNameProblem, membershipSpec, type DeviceTarget } from '../writes/membership-write-specs.ts';
import { refuseReadOnly, runWrite } from '../writes/run-write.ts';
import { selectedItem } from './paged-list.ts';
import { listKey, tupleParts, userKey, type ListRef } from './routes.ts';
import type { AdminRequest, AppActions } from './state.ts';
import type { StoreKit } from './store-kit.ts';

/** What the command line opens with for `m`: the command, so that Tab completes the group. */
export const ADD_TO_GROUP_LINE = 'add-to-group ';

/**
 * An administrator's actions on the user on screen (reset password, group membership, remembered devices, confirm
 * the sign-up, delete), each a WriteSpec run by `runWrite`; nothing is asked until the pool's username is known.
 */
export function createAdminActions(kit: StoreKit): Pick<AppActions, 'askAdminWrite'> {
  const { get, set, flash, top } = kit;

  function deviceTarget(poolId: string, username: string, d: Device): DeviceTarget {
    return { poolId, username, deviceKey: d.key, ...(d.name ? { deviceName: d.name } : {}) };
  }

  return {
    askAdminWrite(request: AdminRequest) {
      if (refuseReadOnly(kit)) return;
      const route = top();
      if (!('username' in route)) return flash('warn', 'Open a user first: admin actions act on the user on screen.');
      const { poolId, username } = route;
      const s = get();
      const key = userKey(poolId, username);
      if (s.users[key]?.username !== username) {
        return flash('warn', s.missingUsers[key] ?? `${username} is still being looked up: nothing is sent until the pool's username for them is known.`);
      }
      const who = { poolId, username };
      const groups: ListRef = { kind: 'groups', poolId, username };
      const devices: ListRef = { kind: 'devices', poolId, username };
      const onUserView = route.view === 'user';
      switch (request.kind) {
        case 'reset-password':
          return void runWrite(kit, resetPasswordSpec(kit), [who]);
        case 'confirm-signup':
          return void runWrite(kit, confirmSignUpSpec(kit), [who]);
        case 'delete-user':
          return void runWrite(kit, deleteUserSpec(kit), [who]);
        case 'add-to-group': {
          if (request.group === undefined) return set({ prompt: { kind: 'command', text: ADD_TO_GROUP_LINE } });
          const problem = groupNameProblem(request.group);
          if (problem) return flash('warn', problem);
          return void runWrite(kit, membershipSpec(kit, true, request.group), [who]);
        }
        case 'remove-from-group': {
          const selected = onUserView && s.userPane === 'groups' ? selectedItem(s.lists[listKey(groups)]) as Group | undefined : undefined;
          const group = request.group ?? selected?.name;
          if (group === undefined) return flash('warn', 'Which group? Put the cursor on it in the groups pane, or type :remove-from-group <group>.');
          const problem = groupNameProblem(group);
          if (problem) return flash('warn', problem);
          return void runWrite(kit, membershipSpec(kit, false, group), [who]);
        }
        case 'forget-device': {
          const loaded = (s.lists[listKey(devices)]?.items ?? []) as Device[];
          const selected = onUserView && s.userPane === 'devices' ? selectedItem(s.lists[listKey(devices)]) as Device | undefined : undefined;
          const deviceKey = request.deviceKey ?? selected?.key;
          if (deviceKey === undefined) return flash('warn', 'Which device? Put the cursor on it in the devices pane (tab), or type :forget-device <device key>.');
          const device = loaded.find((d) => d.key === deviceKey) ?? { key: deviceKey, attributes: {} };
          return void runWrite(kit, forgetDeviceSpec(kit, deviceKey), [deviceTarget(poolId, username, device)]);
        }
        case 'forget-devices': {
          const list = s.lists[listKey(devices)];
          const loaded = (list?.items ?? []) as Device[];
          if (loaded.length === 0) return flash('info', list?.complete ? `${username} has no remembered devices.` : `${username}'s devices are not loaded yet: open the user (enter on the user list) and wait for them.`);
          return void runWrite(kit, forgetDeviceSpec(kit), loaded.map((d) => deviceTarget(poolId, username, d)));
        }
      }
    },
  };
}

/** The group names the pool's loaded group lists hold (the user's groups, any list of the pool's groups), at most `max`. */
export function loadedGroupNames(lists: Record<string, { items: unknown[] }>, poolId: string, max = 500): string[] {
  const names = new Set<string>();
  for (const [key, list] of Object.entries(lists)) {
    const [kind, pool] = tupleParts(key);
    if (pool !== poolId || !/group/i.test(kind ?? '')) continue;
    for (const item of list.items as Partial<Group & { username: string }>[]) {
      if (names.size >= max) return [...names];
      if (typeof item.name === 'string' && item.username === undefined) names.add(item.name);
    }
  }
  return [...names];
}
