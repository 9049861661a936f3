import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { MAX_IDLE_PAGES, type PagedList } from '../../src/store/paged-list.ts';
import { listKey, userKey, type ListRef } from '../../src/store/routes.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const USERS: ListRef = { kind: 'users', poolId: POOL, filter: '' };
const EVENTS: ListRef = { kind: 'events', poolId: POOL, username: 'user00001' };

function setup() {
  const gw = new FakeGateway();
  gw.users = makeUsers(200);
  gw.events = makeEvents(30);
  const store = createAppStore({ gateway: gw, listRows: 20 });
  const list = <T>(ref: ListRef) => store.getState().lists[listKey(ref)] as PagedList<T> | undefined;
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  const settled = (ref: ListRef) => waitFor(() => { const l = list(ref); return l && !l.loading && (l.error || l.complete); }, 5000, 'the list to stop loading');
  return { gw, store, list, press, settled };
}

/** Lets every promise and timer callback that is already due run, several rounds deep. */
async function drain() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

const emptyPages = (_: string | undefined, n: number) => ({ items: [], nextToken: `empty-${n}` });
const sameToken = (_: string | undefined, n: number) => ({ items: makeUsers(1).map((u) => ({ ...u, username: `u${n}` })), nextToken: 'again' });

describe('bounded paging in the store', () => {
  it('stops the users list after a run of empty pages, and r goes on for one more run', async () => {
    const { gw, store, list, settled, press } = setup();
    gw.pagers.set('ListUsers', emptyPages);
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await settled(USERS);
    await drain();
    assert.equal(gw.count('ListUsers'), MAX_IDLE_PAGES);
    assert.match(list(USERS)!.error!.message, /keeps returning empty pages.*press r to continue/);
    press('r');
    await waitFor(() => gw.count('ListUsers') === 2 * MAX_IDLE_PAGES && !list(USERS)!.loading);
    await drain();
    assert.equal(gw.count('ListUsers'), 2 * MAX_IDLE_PAGES);
    assert.equal(gw.calls.filter((c) => c.op === 'ListUsers')[MAX_IDLE_PAGES].args[2], `empty-${MAX_IDLE_PAGES - 1}`, 'r continues from the last token');
  });

  it('ends the walk at once on a repeated token, and r reloads from the first page', async () => {
    const { gw, store, list, settled, press } = setup();
    gw.pagers.set('ListUsers', sameToken);
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await settled(USERS);
    press('G');
    await drain();
    assert.equal(gw.count('ListUsers'), 2);
    assert.match(list(USERS)!.error!.message, /repeated a page token/);
    press('r');
    await waitFor(() => gw.count('ListUsers') === 4 && !list(USERS)!.loading);
    assert.equal(gw.calls.filter((c) => c.op === 'ListUsers')[2].args[2], undefined);
  });

  it('bounds G (following to the end) the same way', async () => {
    const { gw, store, list, settled, press } = setup();
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await settled(USERS).catch(() => undefined);
    await waitFor(() => list(USERS)?.pagesLoaded === 1 && !list(USERS)?.loading);
    gw.pagers.set('ListUsers', emptyPages);
    press('G');
    await settled(USERS);
    await drain();
    assert.equal(gw.count('ListUsers'), 1 + MAX_IDLE_PAGES);
    assert.equal(list(USERS)!.followUntil, undefined);
    assert.match(store.getState().flash?.text ?? '', /empty pages/);
  });

  it('bounds the events list, pools and clients alike', async () => {
    for (const [op, route, ref] of [
      ['AdminListUserAuthEvents', { view: 'events', poolId: POOL, username: 'user00001' }, EVENTS],
      ['ListUserPools', { view: 'pools' }, { kind: 'pools' }],
      ['ListUserPoolClients', { view: 'risk', poolId: POOL }, { kind: 'clients', poolId: POOL }],
    ] as const) {
      const { gw, store, settled } = setup();
      gw.pagers.set(op, emptyPages);
      store.getState().actions.push(route);
      await settled(ref);
      await drain();
      assert.equal(gw.count(op), MAX_IDLE_PAGES, op);
    }
  });
});

describe('leaving a view stops its loading', () => {
  it('aborts the request in flight on esc and asks for no further page; the abort is not shown', async () => {
    const { gw, store, list, press } = setup();
    store.getState().actions.push({ view: 'pools' });
    await waitFor(() => list({ kind: 'pools' })?.pagesLoaded === 1);
    gw.pagers.set('ListUsers', emptyPages);
    gw.hold = true;
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await waitFor(() => gw.count('ListUsers') === 1);
    press('escape');
    assert.equal(store.getState().stack.at(-1)?.view, 'pools');
    await waitFor(() => gw.aborted('ListUsers') === 1);
    gw.hold = false;
    gw.release();
    await drain();
    assert.equal(gw.count('ListUsers'), 1);
    assert.equal(list(USERS)!.loading, false);
    assert.equal(list(USERS)!.error, undefined);
    assert.equal(store.getState().flash, undefined);
  });

  it('stops a G in full flight when another pool is opened (the list is no longer on the stack)', async () => {
    const { gw, store, list, press } = setup();
    gw.users = makeUsers(50_000);
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await waitFor(() => list(USERS)?.pagesLoaded === 1 && !list(USERS)?.loading);
    gw.hold = true;
    press('G');
    for (let page = 2; page <= 4; page++) {
      await waitFor(() => gw.count('ListUsers', POOL) === page);
      gw.release();
    }
    await waitFor(() => gw.count('ListUsers', POOL) === 5);
    store.getState().actions.openDeepLink('us-test-1_Pool2');
    assert.equal(gw.calls.filter((c) => c.op === 'ListUsers' && c.args[0] === POOL).at(-1)?.signal?.aborted, true, 'the page in flight is aborted');
    gw.hold = false;
    gw.release();
    await drain();
    assert.equal(gw.count('ListUsers', POOL), 5, 'no page of the left list is asked for');
    assert.equal(list(USERS)!.loading, false);
    assert.equal(list(USERS)!.followUntil, undefined);
  });

  it('aborts every list of the user view and the events behind it on a region switch', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(5);
    gw.events = makeEvents(30);
    const next = new FakeGateway();
    const store = createAppStore({ gateway: gw, listRows: 20, connect: () => next });
    store.getState().actions.openDeepLink(POOL, 'user00001');
    await waitFor(() => store.getState().users[userKey(POOL, 'user00001')] !== undefined);
    gw.hold = true;
    store.getState().actions.openDeepLink(POOL, 'user00001');
    await waitFor(() => gw.count('AdminListUserAuthEvents') >= 1 && gw.calls.at(-1)?.op === 'AdminListUserAuthEvents');
    store.getState().actions.push({ view: 'user', poolId: POOL, username: 'user00001' });
    await waitFor(() => gw.count('AdminListDevices') === 1);
    const { actions } = store.getState();
    actions.openPrompt('command');
    actions.editPrompt({ text: 'region eu-west-1' });
    actions.submitPrompt();
    assert.match(store.getState().flash?.text ?? '', /eu-west-1/);
    await waitFor(() => gw.aborted('AdminListUserAuthEvents') === 1 && gw.aborted('AdminListDevices') === 1 && gw.aborted('AdminListGroupsForUser') === 1);
  });
});

describe('leaving a user still being looked up', () => {
  /** A deep link by email whose lookup is held in flight, then left for another pool. */
  async function leaveDuringLookup() {
    const gw = new FakeGateway();
    gw.users = makeUsers(5);
    const store = createAppStore({ gateway: gw, listRows: 20 });
    gw.hold = true;
    store.getState().actions.openDeepLink(POOL, 'user00001@example.com');
    await waitFor(() => gw.count('ListUsers') === 2, 5000, 'the email and username filters sent together');
    store.getState().actions.openDeepLink('us-test-1_Pool2');
    return { gw, store };
  }

  it('aborts the lookup, says nothing, and sends no admin call for that user', async () => {
    const { gw, store } = await leaveDuringLookup();
    assert.equal(gw.aborted('ListUsers'), 2, 'both requests of the lookup in flight are aborted');
    gw.hold = false;
    gw.release();
    await drain();
    assert.equal(store.getState().flash, undefined, 'an aborted lookup is not an error');
    assert.deepEqual(store.getState().missingUsers, {});
    assert.equal(gw.calls.filter((c) => c.op.startsWith('Admin')).length, 0);
  });

  it('coming back to that user while the aborted lookup settles looks them up again', async () => {
    const { gw, store } = await leaveDuringLookup();
    store.getState().actions.openDeepLink(POOL, 'user00001@example.com');
    gw.hold = false;
    gw.release();
    await waitFor(() => gw.count('AdminListUserAuthEvents') === 1, 5000, 'the events of the user found by the second lookup');
    assert.equal(gw.calls.find((c) => c.op === 'AdminListUserAuthEvents')?.args[1], 'user00001');
  });
});
