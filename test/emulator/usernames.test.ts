import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  AdminListUserAuthEventsCommand,
  InvalidParameterException,
  ListUsersCommand,
  ResourceNotFoundException,
  UserNotFoundException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, TAKEOVER_EMAIL, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { NO_ALIAS_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { useEmulator } from './helpers.ts';

const attribute = (user: UserType | undefined, name: string) => user?.Attributes?.find((a) => a.Name === name)?.Value as string;

describe('usernames: the canonical name, the sub, and aliases only where the pool declares them', () => {
  const fx = useEmulator({ usersInLargePool: 300 });

  async function someUser(poolId: string, where: (u: UserType) => boolean): Promise<UserType> {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60 }));
    const user = Users?.find(where);
    assert.ok(user, `a user of ${poolId} to try`);
    return user;
  }

  it('a pool without aliases answers a user\'s email with UserNotFoundException, and takes the username or the sub', async () => {
    const user = await someUser(NO_ALIAS_POOL_ID, (u) => u.UserStatus === 'CONFIRMED' && attribute(u, 'email') !== u.Username);
    const email = attribute(user, 'email');
    const byEmail = { UserPoolId: NO_ALIAS_POOL_ID, Username: email };
    for (const command of [
      new AdminGetUserCommand(byEmail), new AdminListGroupsForUserCommand(byEmail),
      new AdminListUserAuthEventsCommand(byEmail), new AdminDisableUserCommand(byEmail),
    ]) {
      await assert.rejects(fx.cognito.send(command as never), UserNotFoundException, command.constructor.name);
    }
    await assert.rejects(fx.cognito.send(new AdminListDevicesCommand(byEmail)), ResourceNotFoundException);
    const byName = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: user.Username }));
    assert.equal(byName.Username, user.Username);
    const bySub = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: attribute(user, 'sub') }));
    assert.equal(bySub.Username, user.Username);
    const events = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: user.Username }));
    assert.ok(Array.isArray(events.AuthEvents));
  });

  it('a pool that declares email and preferred_username as aliases takes both', async () => {
    const byEmail = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: TAKEOVER_EMAIL }));
    assert.equal(byEmail.Username, TAKEOVER_USERNAME);
    const nick = await someUser(LARGE_POOL_ID, (u) => attribute(u, 'preferred_username') !== undefined);
    const byNick = await fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: attribute(nick, 'preferred_username') }));
    assert.equal(byNick.Username, nick.Username);
  });

  it('a preferred_username names nobody where it is not an alias', async () => {
    const nick = await someUser(NO_ALIAS_POOL_ID, (u) => attribute(u, 'preferred_username') !== undefined);
    await assert.rejects(
      fx.cognito.send(new AdminGetUserCommand({ UserPoolId: NO_ALIAS_POOL_ID, Username: attribute(nick, 'preferred_username') })),
      UserNotFoundException,
    );
  });

  it('AdminListDevices answers a user who does not exist with ResourceNotFoundException, which it declares', async () => {
    await assert.rejects(fx.cognito.send(new AdminListDevicesCommand({ UserPoolId: LARGE_POOL_ID, Username: 'nobody.here' })), (e: unknown) => {
      assert.ok(e instanceof ResourceNotFoundException);
      assert.equal(e.message, 'User does not exist.');
      return true;
    });
  });

  it('a Username with a space, a control character, or over 128 characters is refused before any look-up', async () => {
    for (const bad of ['maria garcia', 'maria\u0007', 'x'.repeat(129), '']) {
      await assert.rejects(fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: bad })), (e: unknown) => {
        assert.ok(e instanceof InvalidParameterException, JSON.stringify(bad));
        assert.match(e.message, /at 'username' failed to satisfy constraint/);
        return true;
      });
    }
    await assert.rejects(fx.cognito.send(new AdminGetUserCommand({ UserPoolId: LARGE_POOL_ID, Username: `é${'x'.repeat(127)}` })), UserNotFoundException,
      '128 characters, letters of any script: valid, and looked up');
  });
});
