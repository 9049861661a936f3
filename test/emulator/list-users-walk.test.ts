import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdminDisableUserCommand, AdminEnableUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID } from '../../src/emulator/index.ts';
import { useEmulator } from './helpers.ts';

describe('walking the 20,000-user pool', () => {
  const fx = useEmulator();

  async function walk(filter: string | undefined, onPage: (page: number, users: UserType[]) => Promise<void>): Promise<UserType[]> {
    const users: UserType[] = [];
    let token: string | undefined;
    let page = 0;
    do {
      const res = await fx.cognito.send(new ListUsersCommand({ UserPoolId: LARGE_POOL_ID, Limit: 60, Filter: filter, PaginationToken: token }));
      users.push(...(res.Users ?? []));
      token = res.PaginationToken;
      page += 1;
      await onPage(page, users);
    } while (token !== undefined);
    return users;
  }

  it('visits every user exactly once with Limit 60', async () => {
    let pages = 0;
    const users = await walk(undefined, async (page) => {
      pages = page;
    });
    assert.equal(users.length, 20_000);
    assert.equal(new Set(users.map((u) => u.Username)).size, 20_000);
    assert.equal(pages, Math.ceil(20_000 / 60));
  });

  it('still visits every user exactly once when users are disabled mid-walk', async () => {
    const full = await walk(undefined, async () => {});
    const behind = full[100].Username as string;
    const ahead = full[15_000].Username as string;
    const users = await walk(undefined, async (page) => {
      if (page === 50) {
        await fx.cognito.send(new AdminDisableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: behind }));
        await fx.cognito.send(new AdminDisableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: ahead }));
      }
    });
    assert.equal(users.length, 20_000);
    assert.equal(new Set(users.map((u) => u.Username)).size, 20_000);
    assert.equal(users.find((u) => u.Username === ahead)?.Enabled, false);
    await fx.cognito.send(new AdminEnableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: behind }));
    await fx.cognito.send(new AdminEnableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: ahead }));
  });

  it('never repeats or skips a still-enabled user when walking status = "Enabled" while users change', async () => {
    const full = await walk(undefined, async () => {});
    const enabledBefore = full.filter((u) => u.Enabled).map((u) => u.Username as string);
    const visitedAtDisable = new Set<string>();
    const toDisable = enabledBefore.filter((_, i) => i % 1000 === 7);
    const users = await walk('status = "Enabled"', async (page, sofar) => {
      if (page === 40) {
        for (const u of sofar) visitedAtDisable.add(u.Username as string);
        for (const name of toDisable) await fx.cognito.send(new AdminDisableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: name }));
      }
    });
    const names = users.map((u) => u.Username as string);
    assert.equal(new Set(names).size, names.length, 'no user appears twice');
    const expected = enabledBefore.filter((n) => !toDisable.includes(n) || visitedAtDisable.has(n));
    assert.deepEqual(new Set(names), new Set(expected));
    for (const name of toDisable) await fx.cognito.send(new AdminEnableUserCommand({ UserPoolId: LARGE_POOL_ID, Username: name }));
  });
});
