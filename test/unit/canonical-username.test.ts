import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef, type Route, userKey } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { FakeGateway, makeEvents, makeUsers, type FakeCall } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const SUB = '8d1f0c3e-52a4-4b7e-9c61-0f2e3d4c5b6a';
const USERNAME = 'mgarcia';
const EMAIL = 'maria.garcia@example.com';
const PHONE = '+34612345678';

/** Operations that take a user: each must carry the pool's username for them, never what was typed. */
const USER_OPERATIONS = new Set([
  'AdminListGroupsForUser', 'AdminListDevices', 'AdminListUserAuthEvents', 'AdminUpdateAuthEventFeedback',
  'AdminDisableUser', 'AdminEnableUser', 'AdminUserGlobalSignOut',
]);

function setup() {
  const gw = new FakeGateway();
  gw.users = [...makeUsers(5), { username: USERNAME, enabled: true, status: 'CONFIRMED', attributes: { email: EMAIL, sub: SUB, phone_number: PHONE }, mfaOptions: [] }];
  gw.events = makeEvents(8);
  const row = gw.users[gw.users.length - 1];
  const [disable, enable] = [gw.disableUser.bind(gw), gw.enableUser.bind(gw)];
  gw.disableUser = async (poolId, username) => { await disable(poolId, username); row.enabled = false; };
  gw.enableUser = async (poolId, username) => { await enable(poolId, username); row.enabled = true; };
  const store = createAppStore({ gateway: gw, listRows: 20, flashMs: 60_000 });
  const list = (ref: ListRef) => store.getState().lists[listKey(ref)] as PagedList<unknown> | undefined;
  const userCalls = () => gw.calls.filter((c) => USER_OPERATIONS.has(c.op));
  return { gw, store, list, userCalls, actions: () => store.getState().actions };
}

const usernameOf = (c: FakeCall) => c.args[1];
const events = (username: string): ListRef => ({ kind: 'events', poolId: POOL, username });

describe('the canonical username: what was typed is looked up once, then every call names the user as the pool does', () => {
  for (const [typed, by] of [[EMAIL, 'email'], [SUB, 'sub'], [PHONE, 'phone number']]) {
    it(`a deep link by ${by}: groups, devices, events, feedback, disable, enable and sign-out all carry "${USERNAME}"`, async () => {
      const s = setup();
      s.actions().openDeepLink(POOL, typed);
      assert.equal(s.userCalls().length, 0, 'nothing is read for the user before their username is known');
      await waitFor(() => s.list(events(USERNAME))?.pagesLoaded === 1);
      assert.ok(s.gw.calls.findIndex((c) => c.op === 'ListUsers') < s.gw.calls.findIndex((c) => USER_OPERATIONS.has(c.op)), 'looked up first');
      assert.deepEqual(s.store.getState().stack.slice(2), [
        { view: 'user', poolId: POOL, username: USERNAME }, { view: 'events', poolId: POOL, username: USERNAME },
      ] satisfies Route[], 'the routes name the user by their username once resolved');

      s.actions().askFeedback('Invalid');
      s.actions().confirmYes();
      await waitFor(() => s.gw.count('AdminUpdateAuthEventFeedback') === 1);

      s.actions().back();
      await waitFor(() => s.list({ kind: 'groups', poolId: POOL, username: USERNAME })?.pagesLoaded === 1
        && s.list({ kind: 'devices', poolId: POOL, username: USERNAME })?.pagesLoaded === 1);
      for (const [write, enabledAfter] of [['disable', false], ['enable', true], ['sign-out', true]] as const) {
        s.actions().askUserWrite(write);
        s.actions().confirmYes();
        await waitFor(() => s.store.getState().pendingWrites.size === 0
          && s.store.getState().users[userKey(POOL, USERNAME)]?.enabled === enabledAfter);
      }
      await waitFor(() => s.gw.count('AdminUserGlobalSignOut') === 1 && s.gw.count('AdminEnableUser') === 1);

      const ops = new Set(s.userCalls().map((c) => c.op));
      assert.deepEqual([...USER_OPERATIONS].filter((op) => !ops.has(op)), [], 'every user operation was exercised');
      assert.deepEqual(s.userCalls().filter((c) => usernameOf(c) !== USERNAME).map((c) => `${c.op}(${String(usernameOf(c))})`), []);
    });
  }

  it(':user by email in the current pool resolves before anything is read for them', async () => {
    const s = setup();
    s.actions().openDeepLink(POOL);
    await waitFor(() => s.list({ kind: 'users', poolId: POOL, filter: '' })?.pagesLoaded === 1);
    s.actions().openPrompt('command');
    s.actions().editPrompt({ text: `user ${EMAIL}` });
    s.actions().submitPrompt();
    await waitFor(() => s.list(events(USERNAME))?.pagesLoaded === 1);
    assert.deepEqual(currentRoute(s.store.getState()), { view: 'events', poolId: POOL, username: USERNAME });
    assert.deepEqual(s.userCalls().map((c) => [c.op, usernameOf(c)]), [['AdminListUserAuthEvents', USERNAME]]);
    assert.equal(s.list(events(EMAIL)), undefined, 'no list is kept under the typed name');
  });

  it('a name seen before is renamed at once, without a second lookup', async () => {
    const s = setup();
    s.actions().openDeepLink(POOL, EMAIL);
    await waitFor(() => s.list(events(USERNAME))?.pagesLoaded === 1);
    const lookups = s.gw.count('ListUsers');
    s.actions().openDeepLink(POOL, EMAIL);
    assert.deepEqual(currentRoute(s.store.getState()), { view: 'events', poolId: POOL, username: USERNAME });
    assert.equal(s.gw.count('ListUsers'), lookups);
  });

  it('a deep link by email sends the email and username filters together, email first, and a username match wins', async () => {
    const s = setup();
    s.gw.users.push({ username: EMAIL, enabled: true, status: 'CONFIRMED', attributes: { email: 'other@example.com' }, mfaOptions: [] });
    s.actions().openDeepLink(POOL, EMAIL);
    assert.deepEqual(s.gw.calls.filter((c) => c.op === 'ListUsers').map((c) => c.args[1]), [`email = "${EMAIL}"`, `username = "${EMAIL}"`],
      'both filters are sent before either answers, the likelier first');
    await waitFor(() => s.list(events(EMAIL))?.pagesLoaded === 1);
    assert.deepEqual(s.store.getState().stack.at(-1), { view: 'events', poolId: POOL, username: EMAIL }, 'the user named so, not the one with that email');
  });

  it('a user who is not in the pool: the lists say so, no admin call is sent, d sends nothing, r looks them up again', async () => {
    const s = setup();
    s.actions().openDeepLink(POOL, 'nobody@example.com');
    await waitFor(() => s.store.getState().missingUsers[userKey(POOL, 'nobody@example.com')]);
    assert.match(s.list(events('nobody@example.com'))?.error?.message ?? '', /No user "nobody@example\.com"/);
    s.actions().back();
    await waitFor(() => s.store.getState().missingUsers[userKey(POOL, 'nobody@example.com')]);
    s.actions().askUserWrite('toggle');
    assert.equal(s.store.getState().confirm, undefined, 'no write is offered for a user who was not found');
    const lookups = s.gw.count('ListUsers');
    s.actions().refresh();
    assert.equal(s.store.getState().missingUsers[userKey(POOL, 'nobody@example.com')], undefined, 'r starts a new lookup');
    await waitFor(() => s.gw.count('ListUsers') > lookups);
    await waitFor(() => s.store.getState().missingUsers[userKey(POOL, 'nobody@example.com')]);
    assert.equal(s.userCalls().length, 0);
  });
});
