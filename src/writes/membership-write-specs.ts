import type { Device, Group } from '../gateway/types.ts';
import type { ListRef } from '../store/routes.ts';
import type { StoreKit } from '../store/store-kit.ts';
import { adminSpec, type AdminTarget } from './admin-spec-base.ts';
import type { WriteSpec } from './write-spec.ts';

/** A remembered device of a user that a write forgets. */
export interface DeviceTarget extends AdminTarget {
  deviceKey: string;
  /** The device's name, when it has one, for messages. */
  deviceName?: string;
}

/** Group names as Cognito accepts them: 1 to 128 letters, marks, symbols, numbers or punctuation (no spaces). */
const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const GROUP_NAME_MAX = 128;

/** Why `name` cannot be a Cognito group name, or undefined when it can. */
export function groupNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'A group name is needed, e.g. support. Tab completes the groups loaded.';
  if ([...name].length > GROUP_NAME_MAX) return `A group name has at most ${GROUP_NAME_MAX} characters.`;
  return GROUP_NAME.test(name) ? undefined : 'A group name is letters, digits, symbols and punctuation only: no spaces or control characters.';
}

const groupsRef = (t: AdminTarget): ListRef => ({ kind: 'groups', poolId: t.poolId, username: t.username });
const devicesRef = (t: AdminTarget): ListRef => ({ kind: 'devices', poolId: t.poolId, username: t.username });

/** Whether the user's loaded groups list says they are in `group`; undefined while it is not wholly loaded. */
function inGroup(kit: StoreKit, t: AdminTarget, group: string): boolean | undefined {
  const list = kit.list<Group>(groupsRef(t));
  if (list.items.some((g) => g.name === group)) return true;
  return list.complete && !list.error ? false : undefined;
}

async function rereadGroups(kit: StoreKit, ts: AdminTarget[]) {
  for (const t of ts) await kit.rereadList(groupsRef(t));
}

/** AdminAddUserToGroup or AdminRemoveUserFromGroup of the user on screen and one group; the groups are re-read after. */
export function membershipSpec(kit: StoreKit, add: boolean, group: string): WriteSpec<AdminTarget> {
  const who = (ts: AdminTarget[]) => (ts.length === 1 ? ts[0].username : `${ts.length} users`);
  return adminSpec(kit, {
    operation: add ? 'AdminAddUserToGroup' : 'AdminRemoveUserFromGroup',
    write: add ? 'add-to-group' : 'remove-from-group',
    value: group,
    what: (ts) => (add ? `Add ${who(ts)} to group ${group}` : `Remove ${who(ts)} from group ${group}`),
    done: (ts) => (add ? `Added ${who(ts)} to group ${group}` : `Removed ${who(ts)} from group ${group}`),
    doneWord: add ? 'added' : 'removed',
    label: (t) => t.username,
    detail: () => (add
      ? 'The group (and its IAM role) is in the tokens from the next sign-in or refresh; tokens already issued keep the old groups.'
      : 'Tokens already issued keep the group until they expire; the next sign-in or token refresh drops it.'),
    dangerous: !add,
    send: ({ gw, target, username }) => (add ? gw.addUserToGroup(target.poolId, username, group) : gw.removeUserFromGroup(target.poolId, username, group)),
    precheck: (ts) => {
      const already = ts.filter((t) => inGroup(kit, t, group) === add);
      if (already.length < ts.length) return undefined;
      return `${who(ts)} ${ts.length === 1 ? 'is' : 'are'} ${add ? 'already' : 'not'} in group ${group}.`;
    },
    afterSuccess: (ts) => rereadGroups(kit, ts),
    isApplied: async (t) => { await kit.rereadList(groupsRef(t)); const now = inGroup(kit, t, group); return now === undefined ? undefined : now === add; },
  });
}

function deviceLabel(t: DeviceTarget): string {
  return t.deviceName ? `${t.deviceName} (${t.deviceKey})` : t.deviceKey;
}

const deviceName = (t: DeviceTarget) => t.deviceName ?? t.deviceKey;

/**
 * AdminForgetDevice for each device given (one call each, as one batch); the devices are re-read after. `deviceKey`
 * names the one device of a single forget in the record of writes in flight.
 */
export function forgetDeviceSpec(kit: StoreKit, deviceKey?: string): WriteSpec<DeviceTarget> {
  const what = (ts: DeviceTarget[]) => (ts.length === 1 ? `Forget device ${deviceName(ts[0])} of ${ts[0].username}` : `Forget ${ts.length} devices of ${ts[0]?.username}`);
  return adminSpec(kit, {
    operation: 'AdminForgetDevice',
    write: 'forget-device',
    ...(deviceKey !== undefined ? { value: deviceKey } : {}),
    what,
    done: (ts) => (ts.length === 1 ? `Forgot device ${deviceName(ts[0])} of ${ts[0].username}` : `Forgot ${ts.length} devices of ${ts[0]?.username}`),
    doneWord: 'forgotten',
    label: deviceLabel,
    detail: (ts) => (ts.length === 1
      ? `Key ${ts[0].deviceKey}: the next sign-in from it asks for MFA again where the pool requires it.`
      : `One AdminForgetDevice per device; the next sign-in from each asks for MFA again where the pool requires it.`),
    dangerous: true,
    send: ({ gw, target, username }) => gw.forgetDevice(target.poolId, username, target.deviceKey),
    afterSuccess: async (ts) => { if (ts[0]) await kit.rereadList(devicesRef(ts[0])); },
    isApplied: async (t) => {
      await kit.rereadList(devicesRef(t));
      const list = kit.list<Device>(devicesRef(t));
      if (list.items.some((d) => d.key === t.deviceKey)) return false;
      return list.complete && !list.error ? true : undefined;
    },
  });
}
