import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { userKey } from '../../src/store/routes.ts';
import { startOnEvents, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';
import { WriteLedger } from '../reliability/fuzz-invariants.ts';

describe('app: acting on a compromised user', () => {
  let h: AppHarness;
  before(async () => {
    h = await startOnEvents();
    await h.press('escape');
    await h.waitForText('groups');
  });
  after(async () => { await h.close(); });

  it('shows groups and remembered devices as paged lists; tab moves between them', async () => {
    await h.waitForText('remembered devices');
    assert.equal(h.store.getState().userPane, 'groups');
    await h.press('tab');
    await waitFor(() => h.store.getState().userPane === 'devices');
    await h.press('tab');
    await waitFor(() => h.store.getState().userPane === 'groups');
    assert.ok(h.count('AdminListGroupsForUser') >= 1 && h.count('AdminListDevices') >= 1);
  });

  it('d asks, then disables once, and the user is read back as disabled', async () => {
    await h.press('d');
    await h.waitForText('Disable maria.garcia? (AdminDisableUser)');
    const footer = h.frame().trimEnd().split('\n').at(-1) ?? '';
    assert.match(footer, /y send {2}n\/esc cancel/, 'the footer shows the dialog\'s keys');
    assert.doesNotMatch(footer, /q quit|\? help/, 'and no key the dialog ignores');
    assert.equal(h.count('AdminDisableUser'), 0);
    const lookups = h.count('ListUsers');
    await h.press('y');
    await h.waitForText('Disabled: maria.garcia');
    await h.waitForText('NO (disabled)');
    assert.equal(h.count('AdminDisableUser'), 1);
    await waitFor(() => h.count('ListUsers') > lookups);
    assert.equal(h.store.getState().users[userKey(LARGE_POOL_ID, TAKEOVER_USERNAME)]?.enabled, false);
  });

  it('d on a disabled user offers to enable, and n sends nothing', async () => {
    await h.press('d');
    await h.waitForText('Enable maria.garcia? (AdminEnableUser)');
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(h.count('AdminEnableUser'), 0);
    await h.press('d', 'y');
    await h.waitForText('Enabled: maria.garcia');
    assert.equal(h.count('AdminEnableUser'), 1);
  });

  it('S signs the user out everywhere after one confirmation', async () => {
    await h.press('S');
    await h.waitForText('Sign out everywhere maria.garcia? (AdminUserGlobalSignOut)');
    await h.waitForText('access and ID tokens already issued stay valid');
    await h.press('y');
    await h.waitForText('Signed out everywhere: maria.garcia');
    assert.equal(h.count('AdminUserGlobalSignOut'), 1);
  });
});

describe('app: user writes under --read-only', () => {
  let h: AppHarness;
  const ledger = new WriteLedger();
  before(async () => { h = await startOnEvents({ readOnly: true, wrapGateway: (gateway) => ledger.wrap(gateway) }); });
  afterEach(() => {
    assert.deepEqual(ledger.entries, [], 'the app called no write on the gateway');
  });
  after(async () => { await h.close(); });

  it('d, S, v and i are refused with the reason and send nothing', async () => {
    for (const key of ['d', 'S', 'v', 'i']) {
      await h.press(key);
      await h.waitForText(`${key}: read-only mode`);
      assert.equal(h.store.getState().confirm, undefined);
    }
    await h.press('escape', 'd', 'y');
    await h.waitForText('d: read-only mode');
  });
});
