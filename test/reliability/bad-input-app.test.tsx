import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { keyCode } from '../helpers/key-codes.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startDenyProxy, type DenyProxy } from './deny-proxy.ts';
import { keyBytes } from './fuzz-input.ts';
import { assertSafeFrame } from './screen.ts';

describe('bad input in the app: a message where it was typed, nothing sent', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ emulator: { usersInLargePool: 300 }, deepLink: { pool: LARGE_POOL_ID }, columns: 130 }); });
  after(async () => { await h.close(); });

  async function command(text: string): Promise<void> {
    await h.press(':');
    await h.type(text);
    await h.press('enter');
  }

  it('a malformed search filter is explained and never sent', async () => {
    await h.waitForText(/\d+\/\d+\+? users/);
    for (const filter of ['name = "unterminated', 'custom:tenant = "acme"', 'email = x', 'username = "a" and email = "b"']) {
      const before = h.operations().length;
      await h.press('/');
      await h.press(keyBytes('ctrl+u')!);
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
    await command('pool garbage');
    await h.waitForText(/not a user pool id|pool id/i);
    await h.press('escape');
    await command('pool us-east-1_Nope0000');
    await h.waitForText(/does not exist/);
    await command('frobnicate');
    await h.waitForText(/Unknown command :frobnicate/);
    await h.press('escape');
  });

  it(':user with someone who is not there; a pasted name with escapes never reaches the screen as one', async () => {
    await command(`pool ${LARGE_POOL_ID}`);
    await h.waitForText(/\d+\/\d+\+? users|No user matches/);
    await h.press(':', 'user nobody\u001b]0;x\u0007\u009b2J', 'enter');
    await waitFor(() => !h.store.getState().prompt || h.store.getState().prompt?.error, 3000, 'the pasted command to be taken');
    assertSafeFrame(h.frame(), 'pasted :user');
    if (h.store.getState().prompt) await h.press('escape');
    await command('user nobody.at.all');
    await h.waitForText(/No such user in this pool|No user "nobody\.at\.all"/);
    assertSafeFrame(h.frame(), 'missing user');
  });

  it(':region and :profile in a session that cannot switch say so', async () => {
    await command('region eu-west-1');
    await h.waitForText(/cannot switch|restart without --demo/);
  });
});

describe('NotAuthorized for one call: that view says which permission to add, the others keep working', () => {
  let emu: RunningEmulator;
  let proxy: DenyProxy;
  let app: ReturnType<typeof render>;
  const frame = () => app.lastFrame() ?? '';
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(keyCode(k));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const see = (text: string | RegExp) => waitFor(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())) && frame(), 8000, String(text))
    .catch((error: Error) => { throw new Error(`${error.message}\n${frame()}`); });

  before(async () => {
    emu = await startEmulator({ port: 0, usersInLargePool: 300 });
    proxy = await startDenyProxy(emu.url, new Map([
      ['AdminListUserAuthEvents', { type: 'AccessDeniedException', message: 'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/oncall is not authorized to perform: cognito-idp:AdminListUserAuthEvents' }],
      ['DescribeRiskConfiguration', { type: 'NotAuthorizedException', message: 'Not authorized.' }],
    ] as const));
    const gateway = createSdkGateway({
      region: 'us-east-1', endpoint: proxy.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxReadAttempts: 2,
    });
    const store = createAppStore({ gateway, flashMs: 60_000 });
    store.getState().actions.openDeepLink(LARGE_POOL_ID, TAKEOVER_USERNAME);
    app = render(<App store={store} columns={140} rows={36} />);
  });
  after(async () => {
    app.unmount();
    await proxy.close();
    await emu.close();
  });

  it('the events view names the action to add, and r asks again', async () => {
    await see(/Not allowed to call AdminListUserAuthEvents: add cognito-idp:AdminListUserAuthEvents/);
    const denials = proxy.denied.length;
    await press('r');
    await waitFor(() => proxy.denied.length > denials, 5000, 'r to ask again');
    await see(/Not allowed to call AdminListUserAuthEvents/);
  });

  it('the user view, the user list and search still work', async () => {
    await press('escape');
    await see(/username\s+maria\.garcia/);
    await see(/groups · all loaded/);
    await press('escape');
    await see(/\d+\/\d+\+? users/);
    await press('/');
    for (const ch of 'maria') await press(ch);
    await press('enter');
    await see(/\d+\/\d+ users/);
    await see(/▶ maria\.garcia/);
  });

  it('the risk view shows the refusal in its panel and still lists the app clients', async () => {
    await press('c');
    await see(/Not allowed to call DescribeRiskConfiguration/);
    await see(/\d+\/\d+ app clients/);
    assert.ok(proxy.denied.includes('DescribeRiskConfiguration'));
    assert.equal(emu.requests.filter((r) => r.operation === 'DescribeRiskConfiguration').length, 0);
  });
});
