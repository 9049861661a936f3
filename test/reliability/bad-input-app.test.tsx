import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';
import { startDenyProxy, type DenyProxy } from './deny-proxy.ts';
import { assertSafeFrame } from './screen.ts';

describe('bad input in the app: a message where it was typed, nothing sent', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ emulator: { usersInLargePool: 300 }, deepLink: { pool: LARGE_POOL_ID }, columns: 130 }); });
  after(async () => { await h.close(); });

  it('a malformed search filter is explained and never sent', async () => {
    await h.waitForText(/\d+\/\d+\+? users/);
    for (const filter of ['name = "unterminated', 'custom:tenant = "acme"', 'email = x', 'username = "a" and email = "b"']) {
      const before = h.operations().length;
      await h.press('/', 'ctrl+u');
      await h.type(filter);
      await h.press('enter');
      await waitFor(() => h.store.getState().prompt?.error, 3000, `an error for ${filter}`);
      const frame = h.frame();
      assert.ok(h.store.getState().prompt?.error && frame.includes(h.store.getState().prompt!.error!.slice(0, 30)), `the error is on screen for ${filter}:\n${frame}`);
      assert.equal(h.operations().slice(before).filter((o) => o === 'ListUsers').length, 0, `${filter} was not sent`);
      await h.press('escape');
    }
  });

  it(':pool with something that is not a pool id, an unknown pool, and an unknown command', async () => {
    await h.submit(':', 'pool garbage');
    await h.waitForText(/not a user pool id|pool id/i);
    await h.press('escape');
    await h.submit(':', 'pool us-east-1_Nope0000');
    await h.waitForText(/does not exist/);
    await h.submit(':', 'frobnicate');
    await h.waitForText(/Unknown command :frobnicate/);
    await h.press('escape');
  });

  it(':user with someone who is not there; a pasted name with escapes never reaches the screen as one', async () => {
    await h.submit(':', `pool ${LARGE_POOL_ID}`);
    await h.waitForText(/\d+\/\d+\+? users|No user matches/);
    await h.press(':', 'user nobody\u001b]0;x\u0007\u009b2J', 'enter');
    await waitFor(() => !h.store.getState().prompt || h.store.getState().prompt?.error, 3000, 'the pasted command to be taken');
    assertSafeFrame(h.frame(), 'pasted :user');
    if (h.store.getState().prompt) await h.press('escape');
    await h.submit(':', 'user nobody.at.all');
    await h.waitForText(/No such user in this pool|No user "nobody\.at\.all"/);
    assertSafeFrame(h.frame(), 'missing user');
  });

  it(':region and :profile in a session that cannot switch say so', async () => {
    await h.submit(':', 'region eu-west-1');
    await h.waitForText(/cannot switch|restart without --demo/);
  });
});

describe('NotAuthorized for one call: that view says which permission to add, the others keep working', () => {
  let h: AppHarness;
  let proxy: DenyProxy | undefined;

  before(async () => {
    h = await startApp({
      emulator: { usersInLargePool: 300 }, maxReadAttempts: 2, columns: 140, rows: 36,
      deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME },
      endpoint: async (emulatorUrl) => {
        proxy = await startDenyProxy(emulatorUrl, new Map([
          ['AdminListUserAuthEvents', { type: 'AccessDeniedException', message: 'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/oncall is not authorized to perform: cognito-idp:AdminListUserAuthEvents' }],
          ['DescribeRiskConfiguration', { type: 'NotAuthorizedException', message: 'Not authorized.' }],
        ] as const));
        return proxy.url;
      },
    });
  });
  after(async () => {
    await h.close();
    await proxy?.close();
  });

  it('the events view names the action to add, and r asks again', async () => {
    await h.waitForText(/Not allowed to call AdminListUserAuthEvents: add cognito-idp:AdminListUserAuthEvents/);
    const denials = proxy!.denied.length;
    await h.press('r');
    await waitFor(() => proxy!.denied.length > denials, 5000, 'r to ask again');
    await h.waitForText(/Not allowed to call AdminListUserAuthEvents/);
  });

  it('the user view, the user list and search still work', async () => {
    await h.press('escape');
    await h.waitForText(/username\s+maria\.garcia/);
    await h.waitForText(/groups · all loaded/);
    await h.press('escape');
    await h.waitForText(/\d+\/\d+\+? users/);
    await h.submit('/', 'maria');
    await h.waitForText(/\d+\/\d+ users/);
    await h.waitForText(/▶ maria\.garcia/);
  });

  it('the risk view shows the refusal in its panel and still lists the app clients', async () => {
    await h.press('c');
    await h.waitForText(/Not allowed to call DescribeRiskConfiguration/);
    await h.waitForText(/\d+\/\d+ app clients/);
    assert.ok(proxy!.denied.includes('DescribeRiskConfiguration'));
    assert.equal(h.count('DescribeRiskConfiguration'), 0);
  });
});
