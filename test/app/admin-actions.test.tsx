import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminListUserAuthEventsCommand, ListUsersCommand, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { Device, Group } from '../../src/gateway/types.ts';
import { listKey, userKey, type ListRef } from '../../src/store/routes.ts';
import { sdkClient } from '../emulator/helpers.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const MARIA_GROUPS: ListRef = { kind: 'groups', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };
const MARIA_DEVICES: ListRef = { kind: 'devices', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };

/** The first users of the large pool, through the SDK, whose row passes `pick`. */
async function serverUsers(emu: RunningEmulator, pick: (u: UserType) => boolean, count: number): Promise<UserType[]> {
  const sdk = sdkClient(emu);
  try {
    const found: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await sdk.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, PaginationToken: token }));
      found.push(...(page.Users ?? []).filter(pick));
      token = page.PaginationToken;
    } while (token && found.length < count);
    return found.slice(0, count);
  } finally {
    sdk.destroy();
  }
}

async function serverUser(emu: RunningEmulator, username: string): Promise<UserType | undefined> {
  const sdk = sdkClient(emu);
  try {
    const page = await sdk.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `username = "${username}"` }));
    return page.Users?.[0];
  } finally {
    sdk.destroy();
  }
}

const verified = (u: UserType) => u.Attributes?.some((a) => a.Name === 'email_verified' && a.Value === 'true') === true;
const statusOf = (u: UserType | undefined) => u?.UserStatus;

function flashText(h: AppHarness): string {
  return h.store.getState().flash?.text ?? '';
}

function items<T>(h: AppHarness, ref: ListRef): T[] {
  return (h.store.getState().lists[listKey(ref)]?.items ?? []) as T[];
}

/** Puts the cursor of `ref` on the row `at` with the keys (g, then j). */
async function cursorOn(h: AppHarness, ref: ListRef, at: number) {
  await h.press('g', ...Array.from({ length: at }, () => 'j'));
  await waitFor(() => h.store.getState().lists[listKey(ref)]?.cursor === at);
}

/** Opens a user of the large pool with :user and goes to their user view. */
async function openUser(h: AppHarness, username: string) {
  await h.submit(':', `user ${username}`);
  await waitFor(() => h.store.getState().stack.at(-1)?.view === 'events');
  await h.press('escape');
  await h.waitForText(`username`);
  await waitFor(() => h.store.getState().users[userKey(LARGE_POOL_ID, username)]?.username === username);
}

describe('app: admin actions from their keys, on maria.garcia', () => {
  let h: AppHarness;
  before(async () => {
    h = await startOnEvents();
    await h.press('escape');
    await h.waitForText('remembered devices');
    await waitFor(() => items<Group>(h, MARIA_GROUPS).length > 0 && items<Device>(h, MARIA_DEVICES).length === 2);
  });
  after(async () => { await h.close(); });

  it('m opens :add-to-group, Tab completes her loaded groups; a group she is in asks nothing', async () => {
    await h.press('m');
    await h.waitForText(':add-to-group');
    await h.type('su');
    await h.press('tab');
    await waitFor(() => h.store.getState().prompt?.text === 'add-to-group support');
    await h.press('enter');
    await h.waitForText('maria.garcia is already in group support.');
    assert.equal(h.count('AdminAddUserToGroup'), 0);
  });

  it('m then a group name adds her after one confirmation; the groups are read again', async () => {
    const reads = h.count('AdminListGroupsForUser');
    await h.press('m');
    await h.type('beta-testers');
    await h.press('enter');
    await h.waitForText('Add maria.garcia to group beta-testers? (AdminAddUserToGroup)');
    await h.press('y');
    await h.waitForText('Added maria.garcia to group beta-testers (AdminAddUserToGroup succeeded).');
    await waitFor(() => h.count('AdminListGroupsForUser') > reads && items<Group>(h, MARIA_GROUPS).some((g) => g.name === 'beta-testers'));
    assert.equal(h.count('AdminAddUserToGroup'), 1);
  });

  it('x removes her from the group under the cursor of the groups pane', async () => {
    const at = items<Group>(h, MARIA_GROUPS).findIndex((g) => g.name === 'beta-testers');
    await cursorOn(h, MARIA_GROUPS, at);
    await h.press('x');
    await h.waitForText('Remove maria.garcia from group beta-testers? (AdminRemoveUserFromGroup)');
    await h.press('y');
    await h.waitForText('Removed maria.garcia from group beta-testers (AdminRemoveUserFromGroup succeeded).');
    await waitFor(() => !items<Group>(h, MARIA_GROUPS).some((g) => g.name === 'beta-testers'));
    assert.equal(h.count('AdminRemoveUserFromGroup'), 1);
  });

  it('w is off in the groups pane, saying why; in the devices pane it forgets the device under the cursor', async () => {
    await h.press('w');
    await h.waitForText('tab to the devices pane first');
    assert.equal(h.store.getState().confirm, undefined);
    await h.press('tab');
    await waitFor(() => h.store.getState().userPane === 'devices');
    await h.press('x');
    await h.waitForText('tab to the groups pane first');
    const [first, second] = items<Device>(h, MARIA_DEVICES);
    await cursorOn(h, MARIA_DEVICES, 0);
    await h.press('w');
    await h.waitForText('(AdminForgetDevice)');
    await h.press('y');
    await h.waitForText(/Forgot device .* of maria\.garcia \(AdminForgetDevice succeeded\)\./);
    await waitFor(() => items<Device>(h, MARIA_DEVICES).length === 1);
    assert.deepEqual(items<Device>(h, MARIA_DEVICES).map((d) => d.key), [second.key]);
    assert.notEqual(first.key, second.key);
    assert.equal(h.count('AdminForgetDevice'), 1);
  });

  it('p resets her password after a red confirmation that says what Cognito does; the status shows RESET_REQUIRED', async () => {
    await h.press('p');
    await h.waitForText('Reset the password of maria.garcia? (AdminResetUserPassword)');
    await h.waitForText('RESET_REQUIRED');
    await h.press('y');
    await h.waitForText('Password reset: maria.garcia (AdminResetUserPassword succeeded).');
    await waitFor(() => h.store.getState().users[userKey(LARGE_POOL_ID, TAKEOVER_USERNAME)]?.status === 'RESET_REQUIRED');
    await h.waitForText(/status\s+RESET_REQUIRED/);
    assert.equal(statusOf(await serverUser(h.emulator, TAKEOVER_USERNAME)), 'RESET_REQUIRED');
    assert.equal(h.count('AdminResetUserPassword'), 1);
  });

  it('u on a confirmed user says so and sends nothing', async () => {
    await h.press('u');
    await h.waitForText('maria.garcia is already confirmed (status RESET_REQUIRED).');
    assert.equal(h.count('AdminConfirmSignUp'), 0);
  });

  it('a denied action names the IAM action, and the app keeps working', async () => {
    h.emulator.setFaults({ operationErrors: { AdminAddUserToGroup: { type: 'AccessDeniedException', message: 'User is not authorized to perform: cognito-idp:AdminAddUserToGroup' } } });
    try {
      await h.submit(':', 'add-to-group beta-testers');
      await h.waitForText('(AdminAddUserToGroup)');
      await h.press('y');
      await h.waitForText('Add maria.garcia to group beta-testers NOT done: Not allowed to call AdminAddUserToGroup');
      assert.match(flashText(h), /^Add maria\.garcia to group beta-testers NOT done: Not allowed to call AdminAddUserToGroup: add cognito-idp:AdminAddUserToGroup to your IAM policy for this pool\./);
      assert.doesNotMatch(flashText(h), /\n/, 'one line');
    } finally {
      h.emulator.setFaults({});
    }
    await h.press('tab');
    await waitFor(() => h.store.getState().userPane === 'groups');
    await h.press('enter');
    await waitFor(() => h.store.getState().stack.at(-1)?.view === 'events');
    await h.press('escape');
    await h.waitForText('remembered devices');
  });
});

describe('app: admin actions from : commands', () => {
  let h: AppHarness;
  let unconfirmed: string;
  let deleted: string;
  before(async () => {
    h = await startOnEvents();
    const [u] = await serverUsers(h.emulator, (x) => x.UserStatus === 'UNCONFIRMED', 1);
    const [d] = await serverUsers(h.emulator, (x) => x.UserStatus === 'CONFIRMED' && verified(x) && x.Username !== TAKEOVER_USERNAME, 1);
    unconfirmed = u.Username!;
    deleted = d.Username!;
  });
  after(async () => { await h.close(); });

  it(':add-to-group and :remove-from-group on the user of the events view', async () => {
    await h.submit(':', 'add-to-group legacy-import');
    await h.waitForText('Add maria.garcia to group legacy-import? (AdminAddUserToGroup)');
    await h.press('y');
    await h.waitForText('Added maria.garcia to group legacy-import');
    await h.submit(':', 'remove-from-group legacy-import');
    await h.waitForText('Remove maria.garcia from group legacy-import? (AdminRemoveUserFromGroup)');
    await h.press('y');
    await h.waitForText('Removed maria.garcia from group legacy-import');
    assert.equal(h.count('AdminAddUserToGroup'), 1);
    assert.equal(h.count('AdminRemoveUserFromGroup'), 1);
  });

  it(':add-to-group of a group that does not exist fails in one line; a bad name is refused before anything is sent', async () => {
    await h.submit(':', 'add-to-group no-such-group');
    await h.press('y');
    await h.waitForText(/Add maria\.garcia to group no-such-group NOT done: .*not found/i);
    await h.submit(':', 'add-to-group two words');
    await h.waitForText('takes one group without spaces');
    await h.press('escape');
    assert.equal(h.count('AdminAddUserToGroup'), 2, 'the unknown group was sent once, the bad name never');
  });

  it(':forget-device KEY, then :forget-devices forgets the rest as one batch with the count', async () => {
    await h.press('escape');
    await waitFor(() => items<Device>(h, MARIA_DEVICES).length === 2);
    const [first] = items<Device>(h, MARIA_DEVICES);
    await h.submit(':', `forget-device ${first.key}`);
    await h.waitForText('(AdminForgetDevice)');
    await h.press('y');
    await h.waitForText('AdminForgetDevice succeeded');
    await waitFor(() => items<Device>(h, MARIA_DEVICES).length === 1);
    await h.submit(':', 'forget-device us-east-1_00000000-0000-0000-0000-000000000000');
    await h.press('y');
    await h.waitForText(/Forget device us-east-1_0+-.* of maria\.garcia NOT done: /);
    assert.match(flashText(h), /NOT done: Device does not exist\./);
    await h.submit(':', 'forget-devices');
    await h.waitForText('Forget device');
    await h.press('y');
    await waitFor(() => items<Device>(h, MARIA_DEVICES).length === 0 && h.store.getState().lists[listKey(MARIA_DEVICES)]?.loading === false);
    assert.equal(h.count('AdminForgetDevice'), 3);
    await h.submit(':', 'forget-devices');
    await h.waitForText('maria.garcia has no remembered devices.');
  });

  it(':reset-password of a user without a verified contact fails in one line; :confirm-signup confirms them', async () => {
    await openUser(h, unconfirmed);
    await h.submit(':', 'reset-password');
    await h.press('y');
    await h.waitForText(`Reset the password of ${unconfirmed} NOT done: Cannot reset password`);
    assert.match(flashText(h), /NOT done: Cannot reset password for the user as there is no registered\/verified email or phone_number\. R to retry/);
    await h.submit(':', 'confirm-signup');
    await h.waitForText(`Confirm the sign-up of ${unconfirmed}? (AdminConfirmSignUp)`);
    await h.press('y');
    await h.waitForText(`Sign-up confirmed: ${unconfirmed}`);
    await waitFor(() => h.store.getState().users[userKey(LARGE_POOL_ID, unconfirmed)]?.status === 'CONFIRMED');
    assert.equal(statusOf(await serverUser(h.emulator, unconfirmed)), 'CONFIRMED');
  });

  it('u confirms an UNCONFIRMED user from the events view', async () => {
    const [other] = await serverUsers(h.emulator, (x) => x.UserStatus === 'UNCONFIRMED' && x.Username !== unconfirmed, 1);
    await h.submit(':', `user ${other.Username}`);
    await waitFor(() => h.store.getState().stack.at(-1)?.view === 'events' && h.store.getState().users[userKey(LARGE_POOL_ID, other.Username!)]?.username === other.Username);
    await h.press('u');
    await h.waitForText('(AdminConfirmSignUp)');
    await h.press('y');
    await h.waitForText(`Sign-up confirmed: ${other.Username}`);
    assert.equal(statusOf(await serverUser(h.emulator, other.Username!)), 'CONFIRMED');
  });

  it(':delete-user asks for the username, then the user is gone from the lists and from Cognito', async () => {
    await openUser(h, deleted);
    await h.submit(':', 'delete-user');
    await h.waitForText(`Delete ${deleted}? (AdminDeleteUser)`);
    await h.type(deleted.slice(0, -1));
    await h.press('enter');
    assert.equal(h.count('AdminDeleteUser'), 0, 'a partial name sends nothing');
    await h.type(deleted.slice(-1));
    await h.press('enter');
    await h.waitForText(`Deleted: ${deleted} (AdminDeleteUser succeeded); gone from the user lists.`);
    await waitFor(() => h.store.getState().stack.at(-1)?.view === 'users');
    assert.equal(h.count('AdminDeleteUser'), 1);
    assert.equal(await serverUser(h.emulator, deleted), undefined);
    const sdk = sdkClient(h.emulator);
    try {
      await assert.rejects(sdk.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: deleted })), { name: 'UserNotFoundException' });
    } finally {
      sdk.destroy();
    }
    for (const [key, list] of Object.entries(h.store.getState().lists)) {
      if (key.startsWith('["users"')) assert.ok(!(list.items as { username: string }[]).some((u) => u.username === deleted), key);
    }
  });

  it('X deletes a user from their user view after the username is typed', async () => {
    const [victim] = await serverUsers(h.emulator, (x) => x.UserStatus === 'CONFIRMED' && x.Username !== TAKEOVER_USERNAME && x.Username !== deleted, 1);
    const name = victim.Username!;
    await openUser(h, name);
    await h.press('X');
    await h.waitForText(`Delete ${name}? (AdminDeleteUser)`);
    await h.type(name);
    await h.press('enter');
    await h.waitForText(`Deleted: ${name}`);
    await waitFor(() => h.store.getState().stack.at(-1)?.view === 'users');
    assert.equal(h.store.getState().users[userKey(LARGE_POOL_ID, name)], undefined);
    assert.equal(await serverUser(h.emulator, name), undefined);
  });
});

describe('app: admin keys under --read-only', () => {
  let h: AppHarness;
  before(async () => {
    h = await startOnEvents({ readOnly: true });
    await h.press('escape');
    await h.waitForText('remembered devices');
  });
  after(async () => { await h.close(); });

  it('p m x w u X are refused with the reason; :delete-user is refused too; nothing is sent', async () => {
    for (const key of ['p', 'm', 'x', 'w', 'u', 'X']) {
      await h.press(key);
      await h.waitForText(`${key}: read-only mode`);
      assert.equal(h.store.getState().confirm, undefined);
      assert.equal(h.store.getState().prompt, undefined);
    }
    await h.submit(':', 'delete-user');
    await h.waitForText('Read-only mode (--read-only): nothing is sent');
    assert.equal(h.store.getState().confirm, undefined);
    for (const op of ['AdminResetUserPassword', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminForgetDevice', 'AdminConfirmSignUp', 'AdminDeleteUser']) assert.equal(h.count(op), 0, op);
  });
});
