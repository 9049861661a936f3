import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  InvalidParameterException,
  ListUsersCommand,
  ResourceNotFoundException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AUDIT_POOL_ID,
  LARGE_POOL_ID,
  TAKEOVER_EMAIL,
  TAKEOVER_SUB,
  TAKEOVER_USERNAME,
} from '../../src/emulator/index.ts';
import { useEmulator } from './helpers.ts';

describe('admin user operations', () => {
  const fx = useEmulator({ usersInLargePool: 1000 });

  it('gets a user in the AdminGetUser shape, with MFA settings', async () => {
    const user = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.equal(user.Username, TAKEOVER_USERNAME);
    assert.equal(user.Enabled, true);
    assert.equal(user.UserStatus, 'CONFIRMED');
    assert.ok(user.UserCreateDate instanceof Date && user.UserLastModifiedDate instanceof Date);
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'sub')?.Value, TAKEOVER_SUB);
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'email')?.Value, TAKEOVER_EMAIL);
    assert.equal(user.PreferredMfaSetting, 'SMS_MFA');
    assert.deepEqual(user.UserMFASettingList, ['SMS_MFA']);
    assert.deepEqual(user.MFAOptions, [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
  });

  it('finds a user by email alias or username in any case, or by sub', async () => {
    for (const name of [TAKEOVER_EMAIL, TAKEOVER_EMAIL.toUpperCase(), TAKEOVER_SUB, 'Maria.Garcia']) {
      const user = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: name }));
      assert.equal(user.Username, TAKEOVER_USERNAME, name);
    }
  });

  it('finds users of an email-sign-in pool, whose usernames are their subs, by email', async () => {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: AUDIT_POOL_ID, Limit: 1 }));
    const listed = Users?.[0];
    const sub = listed?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    const email = listed?.Attributes?.find((a) => a.Name === 'email')?.Value as string;
    assert.equal(listed?.Username, sub);
    const user = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: AUDIT_POOL_ID, Username: email }));
    assert.equal(user.Username, sub);
  });

  it('says an unknown user does not exist, and an unknown pool does not exist', async () => {
    await assert.rejects(fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: 'no.such.user' })), (e: unknown) => {
      assert.ok(e instanceof UserNotFoundException);
      assert.equal(e.message, 'User does not exist.');
      return true;
    });
    await assert.rejects(
      fx.cognito.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_Missing00', Username: TAKEOVER_USERNAME })),
      ResourceNotFoundException,
    );
    await assert.rejects(fx.cognito.send(new AdminDisableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: 'ghost' })), UserNotFoundException);
  });

  it('requires a Username', async () => {
    await assert.rejects(fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID } as never)), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.match(e.message, /Value null at 'username' failed to satisfy constraint: Member must not be null/);
      return true;
    });
  });

  it('disables and re-enables a user, and the change persists', async () => {
    const before = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    await fx.cognito.send(new AdminDisableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_EMAIL }));
    const disabled = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.equal(disabled.Enabled, false);
    assert.ok((disabled.UserLastModifiedDate as Date) > (before.UserLastModifiedDate as Date));
    const listed = await fx.cognito.send(
      new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `username = "${TAKEOVER_USERNAME}"` }),
    );
    assert.equal(listed.Users?.[0].Enabled, false);
    const search = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: 'status = "Disabled"', Limit: 60 }));
    assert.ok(search.Users?.some((u) => u.Username === TAKEOVER_USERNAME));
    assert.equal(search.PaginationToken, undefined);

    await fx.cognito.send(new AdminDisableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    await fx.cognito.send(new AdminEnableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_SUB }));
    const enabled = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.equal(enabled.Enabled, true);
  });

  it('signs a user out globally and records the request', async () => {
    const res = await fx.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }));
    assert.equal(res.$metadata.httpStatusCode, 200);
    const recorded = fx.emu.requests.filter((r) => r.operation === 'AdminUserGlobalSignOut');
    assert.deepEqual(recorded.map((r) => [r.status, r.body]), [[200, { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME }]]);
    await assert.rejects(
      fx.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: LARGE_POOL_ID, Username: 'ghost' })),
      UserNotFoundException,
    );
  });
});
