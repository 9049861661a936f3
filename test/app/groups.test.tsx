import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { Group, User } from '../../src/gateway/types.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, userKey, type ListRef } from '../../src/store/routes.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const SUPPORT: ListRef = { kind: 'group-users', poolId: LARGE_POOL_ID, group: 'support' };
/** The demo's support group: 64 agents drawn from the seed, and maria.garcia (src/emulator/seed-groups.ts). */
const SUPPORT_SIZE = 65;
const MARIAS_GROUPS: ListRef = { kind: 'groups', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME };

function listOf<T>(h: AppHarness, ref: ListRef): PagedList<T> | undefined {
  return h.store.getState().lists[listKey(ref)] as PagedList<T> | undefined;
}

function topRoute(h: AppHarness) {
  const stack = h.store.getState().stack;
  return stack[stack.length - 1];
}

/** Presses j until the cursor of `ref` is on the row `is` picks (the list must already hold it). */
async function cursorOnto<T>(h: AppHarness, ref: ListRef, is: (row: T) => boolean): Promise<void> {
  const index = listOf<T>(h, ref)!.items.findIndex(is);
  assert.ok(index >= 0, 'the row is loaded');
  await h.press('g');
  for (let i = 0; i < index; i++) await h.press('j');
  await waitFor(() => listOf<T>(h, ref)!.cursor === index, 5000, 'cursor on the row');
}

describe('app: groups → members → user, and back to a group from the user', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, columns: 140 }); });
  after(async () => { await h.close(); });

  it(':groups lists the current pool\'s groups from one ListGroups call, the role by its name', async () => {
    await h.waitForText(/\/60\+ users/);
    await h.submit(':', 'groups');
    const frame = await h.waitForText('/5 groups · all loaded');
    for (const name of ['admins', 'beta-testers', 'enterprise-customers', 'legacy-import', 'support']) assert.match(frame, new RegExp(`\\b${name}\\b`));
    assert.match(frame, /support +Customer support agents +1 +AcmeSupport/);
    assert.doesNotMatch(frame, /arn:aws:iam/);
    assert.match(frame, /us-east-1 › acme-prod-customers › groups /);
    assert.match(frame, /threat protection ENFORCED/);
    assert.equal(h.count('ListGroups'), 1);
  });

  it('enter on support lists its members a page at a time; G loads them all', async () => {
    await cursorOnto<Group>(h, { kind: 'groups-of-pool', poolId: LARGE_POOL_ID }, (g) => g.name === 'support');
    await h.press('enter');
    let frame = await h.waitForText('1/60+ members');
    assert.match(frame, /› groups › support/);
    assert.match(frame, /USERNAME +EMAIL/);
    assert.equal(h.count('ListUsersInGroup'), 1);
    await h.press('G');
    frame = await h.waitForText(`${SUPPORT_SIZE}/${SUPPORT_SIZE} members`);
    assert.match(frame, /all loaded/);
    assert.equal(h.count('ListUsersInGroup'), 2);
    assert.ok(listOf<User>(h, SUPPORT)!.items.some((u) => u.username === TAKEOVER_USERNAME), 'maria.garcia is a support agent');
  });

  it('enter on maria.garcia opens her user view, then her events, as from the users list', async () => {
    await cursorOnto<User>(h, SUPPORT, (u) => u.username === TAKEOVER_USERNAME);
    await h.press('enter');
    const frame = await h.waitForText(/username\s+maria\.garcia/);
    assert.match(frame, /maria\.garcia \(maria\.garcia@example\.com\)/);
    assert.deepEqual(topRoute(h), { view: 'user', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME });
    assert.equal(h.store.getState().users[userKey(LARGE_POOL_ID, TAKEOVER_USERNAME)]?.username, TAKEOVER_USERNAME);
    await h.press('enter');
    await h.waitForText(`events of ${TAKEOVER_USERNAME}`);
    await h.press('escape');
    await h.waitForText(/username\s+maria\.garcia/);
  });

  it('o in the groups pane opens the group under the cursor; with the devices pane focused it says why not', async () => {
    await waitFor(() => listOf<Group>(h, MARIAS_GROUPS)?.items.some((g) => g.name === 'support'), 5000, 'her groups');
    await h.press('tab');
    await h.press('o');
    await waitFor(() => h.store.getState().flash?.text.includes('tab to the groups pane first'), 5000, 'the reason o is off');
    assert.equal(topRoute(h).view, 'user');
    await h.press('tab');
    await cursorOnto<Group>(h, MARIAS_GROUPS, (g) => g.name === 'support');
    const calls = h.count('ListUsersInGroup');
    await h.press('o');
    await waitFor(() => topRoute(h).view === 'group', 5000, 'the group view');
    assert.deepEqual(topRoute(h), { view: 'group', poolId: LARGE_POOL_ID, group: 'support' });
    await h.waitForText(/› groups › support/);
    await h.waitForText(`/${SUPPORT_SIZE} members`);
    assert.equal(h.count('ListUsersInGroup'), calls, 'the members already loaded are shown, not fetched again');
  });

  it('esc walks back: the user, the members, the groups, the users', async () => {
    await h.press('escape');
    await h.waitForText(/username\s+maria\.garcia/);
    await h.press('escape');
    await h.waitForText(`/${SUPPORT_SIZE} members · all loaded`);
    await h.press('escape');
    await h.waitForText('/5 groups · all loaded');
    await h.press('escape');
    await h.waitForText(/\/60\+ users/);
  });

  it('o on the users list opens the pool\'s groups', async () => {
    await h.press('o');
    await h.waitForText('/5 groups · all loaded');
    assert.deepEqual(topRoute(h), { view: 'groups', poolId: LARGE_POOL_ID });
  });
});

describe('app: :groups names its pool', () => {
  let h: AppHarness;
  before(async () => { h = await startApp(); });
  after(async () => { await h.close(); });

  it('on the pool list, :groups without a pool asks which one and sends nothing', async () => {
    await h.waitForText(LARGE_POOL_ID);
    await h.submit(':', 'groups');
    await waitFor(() => h.store.getState().flash?.text.includes('which pool? :groups <pool id>'), 5000, 'the question');
    assert.equal(h.count('ListGroups'), 0);
  });

  it(':groups <pool id> opens that pool\'s groups, with its users behind them', async () => {
    await h.submit(':', `groups ${LARGE_POOL_ID}`);
    await h.waitForText('/5 groups · all loaded');
    assert.deepEqual(h.store.getState().stack.map((r) => r.view), ['pools', 'users', 'groups']);
  });
});

describe('app: a policy without ListGroups', () => {
  let h: AppHarness;
  before(async () => { h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, columns: 140 }); });
  after(async () => { await h.close(); });

  it('the groups view names the IAM action to add; r asks again', async () => {
    await h.waitForText(/\/60\+ users/);
    h.emulator.setFaults({ operationErrors: { ListGroups: { type: 'AccessDeniedException', message: 'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/oncall is not authorized to perform: cognito-idp:ListGroups' } } });
    await h.press('o');
    await h.waitForText('Not allowed to call ListGroups: add cognito-idp:ListGroups');
    const asked = h.count('ListGroups');
    await h.press('r');
    await waitFor(() => h.count('ListGroups') > asked, 5000, 'r to ask again');
    await h.waitForText('Not allowed to call ListGroups');
  });

  it('the rest keeps working: the users, a user and her groups', async () => {
    await h.press('escape');
    await h.waitForText(/\/60\+ users/);
    await h.press('enter');
    await h.waitForText(/username\s+\S+/);
    await waitFor(() => h.count('AdminListGroupsForUser') > 0, 5000, 'the user\'s groups');
    await h.press('escape', 'j');
    await h.waitForText(/ 2\/60\+ users/);
  });
});
