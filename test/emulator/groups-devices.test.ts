import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  InvalidParameterException,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { EMPTY_POOL_ID, LARGE_POOL_ID, OFF_POOL_ID, TAKEOVER_SUB, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { useEmulator } from './helpers.ts';

describe('groups and devices', () => {
  const fx = useEmulator({ usersInLargePool: 3000 });

  it('lists the pool groups sorted by name, in the GroupType shape', async () => {
    const { Groups, NextToken } = await fx.cognito.send(new ListGroupsCommand({ UserPoolId: LARGE_POOL_ID }));
    assert.deepEqual(Groups?.map((g) => g.GroupName), ['admins', 'beta-testers', 'enterprise-customers', 'legacy-import', 'support']);
    assert.equal(NextToken, undefined);
    const admins = Groups?.[0];
    assert.equal(admins?.UserPoolId, LARGE_POOL_ID);
    assert.equal(admins?.Precedence, 0);
    assert.match(admins?.RoleArn ?? '', /^arn:aws:iam::123456789012:role\//);
    assert.ok(admins?.CreationDate instanceof Date && admins.LastModifiedDate instanceof Date);
    assert.equal(Groups?.find((g) => g.GroupName === 'legacy-import')?.Precedence, undefined);
  });

  it('pages groups with NextToken and checks Limit', async () => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const res = await fx.cognito.send(new ListGroupsCommand({ UserPoolId: LARGE_POOL_ID, Limit: 2, NextToken: token }));
      assert.ok((res.Groups?.length ?? 0) <= 2);
      names.push(...(res.Groups ?? []).map((g) => g.GroupName as string));
      token = res.NextToken;
    } while (token !== undefined);
    assert.equal(names.length, 5);
    await assert.rejects(fx.cognito.send(new ListGroupsCommand({ UserPoolId: LARGE_POOL_ID, Limit: 61 })), InvalidParameterException);
    const empty = await fx.cognito.send(new ListGroupsCommand({ UserPoolId: EMPTY_POOL_ID }));
    assert.deepEqual(empty.Groups, []);
  });

  it("lists a user's groups by username or sub", async () => {
    for (const name of [TAKEOVER_USERNAME, TAKEOVER_SUB]) {
      const res = await fx.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: LARGE_POOL_ID, Username: name }));
      assert.ok(res.Groups?.some((g) => g.GroupName === 'support'));
      assert.ok(res.Groups?.some((g) => g.GroupName === 'enterprise-customers'));
    }
    await assert.rejects(
      fx.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: LARGE_POOL_ID, Username: 'ghost' })),
      UserNotFoundException,
    );
  });

  it('lists the members of a group across pages, each once', async () => {
    const members: UserType[] = [];
    let token: string | undefined;
    do {
      const res = await fx.cognito.send(new ListUsersInGroupCommand({ UserPoolId: LARGE_POOL_ID, GroupName: 'beta-testers', Limit: 60, NextToken: token }));
      members.push(...(res.Users ?? []));
      token = res.NextToken;
    } while (token !== undefined);
    assert.ok(members.length > 60);
    assert.equal(new Set(members.map((u) => u.Username)).size, members.length);
    for (const user of members.slice(0, 3)) {
      const groups = await fx.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: LARGE_POOL_ID, Username: user.Username as string }));
      assert.ok(groups.Groups?.some((g) => g.GroupName === 'beta-testers'));
    }
    const admins = await fx.cognito.send(new ListUsersInGroupCommand({ UserPoolId: LARGE_POOL_ID, GroupName: 'admins' }));
    assert.equal(admins.Users?.length, 12);
  });

  it('says an unknown group was not found', async () => {
    await assert.rejects(
      fx.cognito.send(new ListUsersInGroupCommand({ UserPoolId: LARGE_POOL_ID, GroupName: 'nobody-here' })),
      (e: unknown) => e instanceof ResourceNotFoundException && e.message === 'Group not found.',
    );
  });

  it("lists the takeover user's remembered devices, most recent first, and pages them", async () => {
    const { Devices, PaginationToken } = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.equal(Devices?.length, 2);
    assert.equal(PaginationToken, undefined);
    const [latest, older] = Devices ?? [];
    assert.match(latest.DeviceKey ?? '', /^us-east-1_[0-9a-f-]{36}$/);
    assert.ok((latest.DeviceLastAuthenticatedDate as Date) >= (older.DeviceLastAuthenticatedDate as Date));
    const names = latest.DeviceAttributes?.map((a) => a.Name);
    assert.ok(names?.includes('device_name') && names.includes('last_ip_used'));
    assert.ok(latest.DeviceCreateDate instanceof Date && latest.DeviceLastModifiedDate instanceof Date);

    const first = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, Limit: 1 }));
    assert.equal(first.Devices?.length, 1);
    assert.ok(first.PaginationToken);
    const second = await fx.cognito.send(
      new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, Limit: 1, PaginationToken: first.PaginationToken }),
    );
    assert.equal(second.Devices?.[0].DeviceKey, older.DeviceKey);
    assert.equal(second.PaginationToken, undefined);
    await assert.rejects(
      fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, Limit: 61 })),
      InvalidParameterException,
    );
  });

  it('gives some users devices and others none; pools without device tracking have none', async () => {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: 'cognito:user_status = "CONFIRMED"', Limit: 40 }));
    const counts: number[] = [];
    for (const user of Users ?? []) {
      const res = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: user.Username as string }));
      counts.push(res.Devices?.length ?? 0);
    }
    assert.ok(counts.some((n) => n === 0));
    assert.ok(counts.some((n) => n > 0));
    const off = await fx.cognito.send(new ListUsersCommand({ UserPoolId: OFF_POOL_ID, Limit: 1 }));
    const res = await fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: OFF_POOL_ID, Username: off.Users?.[0].Username as string }));
    assert.deepEqual(res.Devices, []);
  });
});
