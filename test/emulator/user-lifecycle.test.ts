import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  AdminListUserAuthEventsCommand,
  AdminResetUserPasswordCommand,
  DescribeUserPoolCommand,
  InvalidParameterException,
  ListUsersCommand,
  ListUsersInGroupCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoIdentityProviderClient, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, TAKEOVER_EMAIL, TAKEOVER_SUB, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { rawCall, useEmulator } from './helpers.ts';

async function allUsers(cognito: CognitoIdentityProviderClient, filter?: string): Promise<UserType[]> {
  const users: UserType[] = [];
  let token: string | undefined;
  do {
    const res = await cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: filter, PaginationToken: token }));
    users.push(...(res.Users ?? []));
    token = res.PaginationToken;
  } while (token !== undefined);
  return users;
}

async function supportMembers(cognito: CognitoIdentityProviderClient): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const res = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: LARGE_POOL_ID, GroupName: 'support', NextToken: token }));
    names.push(...(res.Users ?? []).map((u) => u.Username as string));
    token = res.NextToken;
  } while (token !== undefined);
  return names;
}

async function statusOf(cognito: CognitoIdentityProviderClient, username: string): Promise<string | undefined> {
  return (await cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: username }))).UserStatus;
}

describe('resetting a password and confirming a sign-up', () => {
  const fx = useEmulator({ usersInLargePool: 1000 });

  it('resets the password of a user with a verified email: RESET_REQUIRED, found by status afterwards', async () => {
    assert.equal(await statusOf(fx.cognito, TAKEOVER_USERNAME), 'CONFIRMED');
    await fx.cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_EMAIL, ClientMetadata: { via: 'test' } }));
    assert.equal(await statusOf(fx.cognito, TAKEOVER_USERNAME), 'RESET_REQUIRED');
    const reset = await allUsers(fx.cognito, 'cognito:user_status = "RESET_REQUIRED"');
    assert.ok(reset.some((u) => u.Username === TAKEOVER_USERNAME));
  });

  it('refuses to reset a user with no verified email or phone number (InvalidParameterException)', async () => {
    const [unverified] = await allUsers(fx.cognito, 'cognito:user_status = "UNCONFIRMED"');
    const attrs = Object.fromEntries((unverified.Attributes ?? []).map((a) => [a.Name, a.Value]));
    assert.notEqual(attrs.email_verified, 'true');
    assert.notEqual(attrs.phone_number_verified, 'true');
    await assert.rejects(
      fx.cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: LARGE_POOL_ID, Username: unverified.Username as string })),
      (e: unknown) => e instanceof InvalidParameterException && /no registered\/verified email or phone_number/.test(e.message),
    );
    assert.equal(await statusOf(fx.cognito, unverified.Username as string), 'UNCONFIRMED');
  });

  it('confirms an UNCONFIRMED user once; confirming again is a NotAuthorizedException naming the status', async () => {
    const unconfirmed = await allUsers(fx.cognito, 'cognito:user_status = "UNCONFIRMED"');
    assert.ok(unconfirmed.length > 10, `${unconfirmed.length} unconfirmed users in the demo pool`);
    const username = unconfirmed[1].Username as string;
    await fx.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: LARGE_POOL_ID, Username: username }));
    assert.equal(await statusOf(fx.cognito, username), 'CONFIRMED');
    assert.equal((await allUsers(fx.cognito, 'cognito:user_status = "UNCONFIRMED"')).length, unconfirmed.length - 1);
    await assert.rejects(
      fx.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: LARGE_POOL_ID, Username: username })),
      (e: unknown) => e instanceof NotAuthorizedException && e.message === 'User cannot be confirmed. Current status is CONFIRMED',
    );
  });

  it('answers UserNotFoundException for an unknown user and checks ClientMetadata is a map of strings', async () => {
    for (const Command of [AdminResetUserPasswordCommand, AdminConfirmSignUpCommand]) {
      await assert.rejects(fx.cognito.send(new Command({ UserPoolId: LARGE_POOL_ID, Username: 'ghost.user' })), UserNotFoundException);
      await assert.rejects(fx.cognito.send(new Command({ UserPoolId: 'us-east-1_Nope0', Username: TAKEOVER_USERNAME })), ResourceNotFoundException);
    }
    for (const op of ['AdminResetUserPassword', 'AdminConfirmSignUp']) {
      const res = await rawCall(fx.emu, op, { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME, ClientMetadata: { attempt: 1 } });
      assert.equal(res.status, 400);
      assert.equal(res.json.__type, 'SerializationException');
    }
  });
});

describe('deleting a user', () => {
  const fx = useEmulator({ usersInLargePool: 500 });

  it('removes the user from ListUsers, its groups and the pool count; the user\'s other lists answer as for a user who never was', async () => {
    const before = await allUsers(fx.cognito);
    const estimated = (await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: LARGE_POOL_ID }))).UserPool?.EstimatedNumberOfUsers;
    const supportBefore = await supportMembers(fx.cognito);
    assert.ok(supportBefore.includes(TAKEOVER_USERNAME));
    await fx.cognito.send(new AdminDeleteUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_SUB }));

    const after = await allUsers(fx.cognito);
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((u) => u.Username === TAKEOVER_USERNAME));
    assert.deepEqual(await allUsers(fx.cognito, `username = "${TAKEOVER_USERNAME}"`), []);
    assert.deepEqual(await allUsers(fx.cognito, `email = "${TAKEOVER_EMAIL}"`), []);
    const pool = await fx.cognito.send(new DescribeUserPoolCommand({ UserPoolId: LARGE_POOL_ID }));
    assert.equal(pool.UserPool?.EstimatedNumberOfUsers, (estimated as number) - 1);
    const support = await supportMembers(fx.cognito);
    assert.deepEqual(support, supportBefore.filter((n) => n !== TAKEOVER_USERNAME));
    assert.ok(!support.includes(TAKEOVER_USERNAME));

    const user = { UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_USERNAME };
    await assert.rejects(fx.cognito.send(new AdminGetUserCommand(user)), UserNotFoundException);
    await assert.rejects(fx.cognito.send(new AdminListGroupsForUserCommand(user)), UserNotFoundException);
    await assert.rejects(fx.cognito.send(new AdminListUserAuthEventsCommand(user)), UserNotFoundException);
    await assert.rejects(fx.cognito.send(new AdminListDevicesCommand(user)), ResourceNotFoundException);
    await assert.rejects(fx.cognito.send(new AdminDeleteUserCommand(user)), UserNotFoundException);
  });

  it('leaves the other users\' pages whole: a walk of ListUsers started before a deletion neither repeats nor skips anyone else', async () => {
    const first = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 60 }));
    const seen = (first.Users ?? []).map((u) => u.Username as string);
    const doomed = seen[10];
    await fx.cognito.send(new AdminDeleteUserCommand({ UserPoolId: LARGE_POOL_ID, Username: doomed }));
    let token = first.PaginationToken;
    while (token !== undefined) {
      const res = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 60, PaginationToken: token }));
      seen.push(...(res.Users ?? []).map((u) => u.Username as string));
      token = res.PaginationToken;
    }
    const now = (await allUsers(fx.cognito)).map((u) => u.Username as string);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(seen.filter((n) => n !== doomed), now);
  });
});
