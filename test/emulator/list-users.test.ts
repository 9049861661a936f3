import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { InvalidParameterException, ListUsersCommand, ResourceNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import type { ListUsersCommandInput, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID, TAKEOVER_SUB, TAKEOVER_USERNAME } from '../../src/emulator/index.ts';
import { useEmulator } from './helpers.ts';

const attr = (user: UserType, name: string): string | undefined => user.Attributes?.find((a) => a.Name === name)?.Value;

describe('ListUsers', () => {
  const fx = useEmulator({ usersInLargePool: 2000 });
  let everyone: UserType[];
  before(async () => {
    everyone = (await walk({ Limit: 60 })).users;
  });

  async function walk(input: Omit<ListUsersCommandInput, 'UserPoolId'>): Promise<{ users: UserType[]; pageSizes: number[] }> {
    const users: UserType[] = [];
    const pageSizes: number[] = [];
    let token: string | undefined;
    do {
      const res = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, ...input, PaginationToken: token }));
      users.push(...(res.Users ?? []));
      pageSizes.push(res.Users?.length ?? 0);
      token = res.PaginationToken;
    } while (token !== undefined);
    return { users, pageSizes };
  }

  it('returns 60 users by default, and for Limit 0, with a PaginationToken', async () => {
    for (const input of [{}, { Limit: 0 }]) {
      const res = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, ...input }));
      assert.equal(res.Users?.length, 60);
      assert.equal(typeof res.PaginationToken, 'string');
    }
  });

  it('returns users in the UserType shape', async () => {
    const { Users } = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 5 }));
    assert.equal(Users?.length, 5);
    for (const user of Users ?? []) {
      assert.equal(typeof user.Username, 'string');
      assert.ok(user.UserCreateDate instanceof Date);
      assert.ok(user.UserLastModifiedDate instanceof Date);
      assert.equal(typeof user.Enabled, 'boolean');
      assert.match(user.UserStatus ?? '', /^(CONFIRMED|UNCONFIRMED|FORCE_CHANGE_PASSWORD|RESET_REQUIRED|EXTERNAL_PROVIDER)$/);
      assert.match(attr(user, 'sub') ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(attr(user, 'custom:tenant'));
    }
  });

  it('walks every user once, in creation order', () => {
    assert.equal(everyone.length, 2000);
    assert.equal(new Set(everyone.map((u) => u.Username)).size, 2000);
    for (let i = 1; i < everyone.length; i += 1) {
      assert.ok((everyone[i - 1].UserCreateDate as Date) <= (everyone[i].UserCreateDate as Date));
    }
    assert.ok(everyone.some((u) => u.Username === TAKEOVER_USERNAME));
  });

  it('rejects Limit above 60 or below 0 the way Cognito words it', async () => {
    await assert.rejects(fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 100 })), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.equal(e.message, "1 validation error detected: Value '100' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
      return true;
    });
    await assert.rejects(fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: -1 })), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.match(e.message, /Member must have value greater than or equal to 0/);
      return true;
    });
  });

  it('requires UserPoolId and says an unknown pool does not exist', async () => {
    await assert.rejects(fx.cognito.send(new ListUsersCommand({} as never)), (e: unknown) => {
      assert.ok(e instanceof InvalidParameterException);
      assert.match(e.message, /Value null at 'userPoolId' failed to satisfy constraint: Member must not be null/);
      return true;
    });
    await assert.rejects(fx.cognito.send(new ListUsersCommand({ UserPoolId: 'us-east-1_Missing00' })), ResourceNotFoundException);
  });

  it('rejects garbled, tampered and foreign pagination tokens', async () => {
    const first = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 2 }));
    const token = first.PaginationToken as string;
    const tampered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    for (const bad of ['not-a-token', tampered, `${token}x`]) {
      await assert.rejects(fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, PaginationToken: bad })), (e: unknown) => {
        assert.ok(e instanceof InvalidParameterException);
        assert.match(e.message, /^Invalid pagination token/);
        return true;
      });
    }
    await assert.rejects(
      fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, PaginationToken: token, Filter: 'email ^= "a"' })),
      (e: unknown) => {
        assert.ok(e instanceof InvalidParameterException);
        assert.match(e.message, /different request/);
        return true;
      },
    );
  });

  it('rejects filters outside the grammar with the parser message', async () => {
    const cases: Array<[string, RegExp]> = [
      ['custom:tenant = "globex"', /^Invalid search filter: Unknown attribute "custom:tenant": custom attributes are not searchable/],
      ['email = "a" and name = "b"', /^Invalid search filter: Only one condition can be searched at a time/],
      ['email ^= bob', /^Invalid search filter: Value must be in double quotes: email \^= "bob"/],
      ['email = "bob', /^Invalid search filter: Unterminated quoted value/],
      ['email = "a\\tb"', /^Invalid search filter: Invalid escape/],
      ['email = "a" x', /^Invalid search filter: Unexpected text after the value/],
    ];
    for (const [filter, message] of cases) {
      await assert.rejects(fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: filter })), (e: unknown) => {
        assert.ok(e instanceof InvalidParameterException, filter);
        assert.match(e.message, message);
        return true;
      });
    }
  });

  it('returns filtered results sorted by the filtered attribute, each matching user once', async () => {
    const { users, pageSizes } = await walk({ Filter: 'family_name ^= "s"', Limit: 10 });
    const expected = everyone.filter((u) => (attr(u, 'family_name') ?? '').toLowerCase().startsWith('s'));
    assert.ok(expected.length > 50);
    assert.deepEqual(new Set(users.map((u) => u.Username)), new Set(expected.map((u) => u.Username)));
    assert.equal(users.length, expected.length);
    const keys = users.map((u) => (attr(u, 'family_name') ?? '').toLowerCase());
    assert.deepEqual(keys, [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.ok(pageSizes.slice(0, -1).some((n) => n < 10), 'some filtered page before the last is short, as in Cognito');
  });

  it('matches username and sub exactly and case-sensitively', async () => {
    const byName = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `username = "${TAKEOVER_USERNAME}"` }));
    assert.deepEqual(byName.Users?.map((u) => u.Username), [TAKEOVER_USERNAME]);
    const upper = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `username = "${TAKEOVER_USERNAME.toUpperCase()}"` }));
    assert.deepEqual(upper.Users, []);
    const bySub = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `sub = "${TAKEOVER_SUB}"` }));
    assert.deepEqual(bySub.Users?.map((u) => u.Username), [TAKEOVER_USERNAME]);
    const upperSub = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: `sub = "${TAKEOVER_SUB.toUpperCase()}"` }));
    assert.deepEqual(upperSub.Users, []);
  });

  it('matches email and names case-insensitively, with whitespace optional', async () => {
    const res = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Filter: 'email^="MARIA.GARCIA@EXAMPLE.COM"' }));
    assert.deepEqual(res.Users?.map((u) => u.Username), [TAKEOVER_USERNAME]);
    const named = await walk({ Filter: 'given_name = "maría"' });
    assert.ok(named.users.some((u) => u.Username === TAKEOVER_USERNAME));
    assert.ok(named.users.every((u) => attr(u, 'given_name') === 'María'));
  });

  it('matches cognito:user_status case-insensitively and status case-sensitively', async () => {
    const unconfirmed = await walk({ Filter: 'cognito:user_status = "unconfirmed"' });
    const expected = everyone.filter((u) => u.UserStatus === 'UNCONFIRMED').length;
    assert.ok(expected > 0);
    assert.equal(unconfirmed.users.length, expected);
    assert.ok(unconfirmed.users.every((u) => u.UserStatus === 'UNCONFIRMED'));

    const disabled = await walk({ Filter: 'status = "Disabled"' });
    assert.equal(disabled.users.length, everyone.filter((u) => !u.Enabled).length);
    assert.ok(disabled.users.every((u) => u.Enabled === false));
    assert.deepEqual((await walk({ Filter: 'status = "disabled"' })).users, []);
  });

  it('searches phone numbers by prefix', async () => {
    const { users } = await walk({ Filter: 'phone_number ^= "+34"' });
    assert.ok(users.length > 0);
    assert.ok(users.every((u) => attr(u, 'phone_number')?.startsWith('+34')));
  });

  it('returns only the attributes in AttributesToGet', async () => {
    const res = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 3, AttributesToGet: ['email', 'custom:plan'] }));
    assert.equal(res.Users?.length, 3);
    for (const user of res.Users ?? []) {
      assert.deepEqual(user.Attributes?.map((a) => a.Name), ['email', 'custom:plan']);
      assert.ok(user.Username && user.UserStatus);
    }
    const none = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 3, AttributesToGet: [] }));
    assert.equal(none.Users?.length, 3);
    assert.ok(none.Users?.every((u) => (u.Attributes ?? []).length === 0));
    await assert.rejects(
      fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, AttributesToGet: ['custom:nope'] })),
      InvalidParameterException,
    );
  });
});
