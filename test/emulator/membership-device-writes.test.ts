import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminAddUserToGroupCommand,
  AdminForgetDeviceCommand,
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  InvalidParameterException,
  ListUsersCommand,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, TAKEOVER_EMAIL, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { NO_ALIAS_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { useEmulator } from './helpers.ts';

async function membersOf(cognito: CognitoIdentityProviderClient, poolId: string, groupName: string): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const res = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: groupName, NextToken: token }));
    names.push(...(res.Users ?? []).map((u) => u.Username as string));
    token = res.NextToken;
  } while (token !== undefined);
  return names;
}

async function groupsOf(cognito: CognitoIdentityProviderClient, poolId: string, username: string): Promise<string[]> {
  const res = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: username }));
  return (res.Groups ?? []).map((g) => g.GroupName as string);
}

describe('group membership writes', () => {
  const fx = useEmulator({ usersInLargePool: 2000 });

  it('adds a user to a group, by username or declared alias, once however often it is sent', async () => {
    assert.ok(!(await groupsOf(fx.cognito, LARGE_POOL_ID, TAKEOVER_USERNAME)).includes('admins'));
    const before = await membersOf(fx.cognito, LARGE_POOL_ID, 'admins');
    await fx.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_EMAIL, GroupName: 'admins' }));
    await fx.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, GroupName: 'admins' }));
    const after = await membersOf(fx.cognito, LARGE_POOL_ID, 'admins');
    assert.equal(after.length, before.length + 1);
    assert.equal(after.filter((n) => n === TAKEOVER_USERNAME).length, 1);
    assert.ok((await groupsOf(fx.cognito, LARGE_POOL_ID, TAKEOVER_USERNAME)).includes('admins'));
  });

  it('removes a user from a group; removing a non-member changes nothing', async () => {
    assert.ok((await membersOf(fx.cognito, LARGE_POOL_ID, 'support')).includes(TAKEOVER_USERNAME));
    await fx.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, GroupName: 'support' }));
    assert.ok(!(await membersOf(fx.cognito, LARGE_POOL_ID, 'support')).includes(TAKEOVER_USERNAME));
    assert.ok(!(await groupsOf(fx.cognito, LARGE_POOL_ID, TAKEOVER_USERNAME)).includes('support'));
    const count = (await membersOf(fx.cognito, LARGE_POOL_ID, 'support')).length;
    await fx.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, GroupName: 'support' }));
    assert.equal((await membersOf(fx.cognito, LARGE_POOL_ID, 'support')).length, count);
  });

  it('answers ResourceNotFoundException for an unknown group and UserNotFoundException for an unknown user or an undeclared alias', async () => {
    for (const Command of [AdminAddUserToGroupCommand, AdminRemoveUserFromGroupCommand]) {
      await assert.rejects(
        fx.cognito.send(new Command({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, GroupName: 'no-such-group' })),
        (e: unknown) => e instanceof ResourceNotFoundException && e.message === 'Group not found.',
      );
      await assert.rejects(fx.cognito.send(new Command({ UserPoolId: LARGE_POOL_ID, Username: 'ghost.user', GroupName: 'admins' })), UserNotFoundException);
      await assert.rejects(fx.cognito.send(new Command({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, GroupName: 'bad name' })), InvalidParameterException);
    }
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: NO_ALIAS_POOL_ID, Filter: 'email ^= "a"', Limit: 1 }));
    const email = Users?.[0].Attributes?.find((a) => a.Name === 'email')?.Value as string;
    await assert.rejects(
      fx.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: email, GroupName: 'anything' })),
      UserNotFoundException,
    );
  });
});

describe('forgetting a device', () => {
  const fx = useEmulator({ usersInLargePool: 2000 });

  it('forgets one remembered device of a user, which then leaves AdminListDevices; the same key again is not found', async () => {
    const listed = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    const keys = (listed.Devices ?? []).map((d) => d.DeviceKey as string);
    assert.ok(keys.length >= 2, 'maria.garcia has remembered devices');
    await fx.cognito.send(new AdminForgetDeviceCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_EMAIL, DeviceKey: keys[0] }));
    const after = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.deepEqual((after.Devices ?? []).map((d) => d.DeviceKey), keys.slice(1));
    await assert.rejects(
      fx.cognito.send(new AdminForgetDeviceCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, DeviceKey: keys[0] })),
      (e: unknown) => e instanceof ResourceNotFoundException && e.message === 'Device does not exist.',
    );
  });

  it('answers an unknown key, an unknown user and a malformed key as the model declares', async () => {
    const key = 'us-east-1_00000000-0000-4000-8000-000000000000';
    await assert.rejects(fx.cognito.send(new AdminForgetDeviceCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, DeviceKey: key })), ResourceNotFoundException);
    await assert.rejects(fx.cognito.send(new AdminForgetDeviceCommand({ UserPoolId: LARGE_POOL_ID, Username: 'ghost.user', DeviceKey: key })), UserNotFoundException);
    await assert.rejects(
      fx.cognito.send(new AdminForgetDeviceCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, DeviceKey: 'no-underscore' })),
      (e: unknown) => e instanceof InvalidParameterException && /at 'deviceKey' failed to satisfy constraint/.test(e.message),
    );
  });
});
