import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { userKey } from '../../src/store/routes.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const WRITE_OPS = ['AdminDisableUser', 'AdminEnableUser', 'AdminUserGlobalSignOut', 'AdminUpdateAuthEventFeedback'];

function count(h: AppHarness, op: string): number {
  return h.operations().filter((o) => o === op).length;
}

describe('app: acting on a compromised user', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } });
    await h.waitForText(/\/\d+\+? events/);
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
    assert.ok(count(h, 'AdminListGroupsForUser') >= 1 && count(h, 'AdminListDevices') >= 1);
  });

  it('d asks, then disables once, and the user is read back as disabled (never AdminGetUser)', async () => {
    await h.press('d');
    await h.waitForText('Disable maria.garcia? (AdminDisableUser)');
    assert.equal(count(h, 'AdminDisableUser'), 0);
    const lookups = count(h, 'ListUsers');
    await h.press('y');
    await h.waitForText('Disabled: maria.garcia');
    await h.waitForText('NO (disabled)');
    assert.equal(count(h, 'AdminDisableUser'), 1);
    await waitFor(() => count(h, 'ListUsers') > lookups);
    assert.equal(h.store.getState().users[userKey(LARGE_POOL_ID, TAKEOVER_USERNAME)]?.enabled, false);
    assert.equal(count(h, 'AdminGetUser'), 0);
  });

  it('d on a disabled user offers to enable, and n sends nothing', async () => {
    await h.press('d');
    await h.waitForText('Enable maria.garcia? (AdminEnableUser)');
    await h.press('n');
    await h.waitForText('nothing was sent');
    assert.equal(count(h, 'AdminEnableUser'), 0);
    await h.press('d', 'y');
    await h.waitForText('Enabled: maria.garcia');
    assert.equal(count(h, 'AdminEnableUser'), 1);
  });

  it('S signs the user out everywhere after one confirmation', async () => {
    await h.press('S');
    await h.waitForText('Sign out everywhere maria.garcia? (AdminUserGlobalSignOut)');
    await h.waitForText('access and ID tokens already issued stay valid');
    await h.press('y');
    await h.waitForText('Signed out everywhere: maria.garcia');
    assert.equal(count(h, 'AdminUserGlobalSignOut'), 1);
  });
});

describe('app: user writes under --read-only', () => {
  let h: AppHarness;
  before(async () => {
    h = await startApp({ readOnly: true, deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME } });
    await h.waitForText(/\/\d+\+? events/);
  });
  afterEach(() => {
    assert.deepEqual(h.operations().filter((o) => WRITE_OPS.includes(o)), []);
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
