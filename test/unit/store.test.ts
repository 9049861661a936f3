import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef, userKey } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';

function setup(opts: { users?: number; events?: number; readOnly?: boolean } = {}) {
  const gw = new FakeGateway();
  gw.users = makeUsers(opts.users ?? 200);
  gw.events = makeEvents(opts.events ?? 30);
  const store = createAppStore({ gateway: gw, readOnly: opts.readOnly, listRows: 20 });
  const list = <T>(ref: ListRef) => store.getState().lists[listKey(ref)] as PagedList<T> | undefined;
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  return { gw, store, list, press };
}

const usersRef: ListRef = { kind: 'users', poolId: POOL, filter: '' };
const eventsRef: ListRef = { kind: 'events', poolId: POOL, username: 'user00001' };

describe('store: navigation and lazy paging', () => {
  it('loads exactly one page of pools on entry', async () => {
    const { gw, store, list } = setup();
    store.getState().actions.push({ view: 'pools' });
    await waitFor(() => list({ kind: 'pools' })?.pagesLoaded === 1);
    assert.equal(gw.count('ListUserPools'), 1);
    assert.equal(list({ kind: 'pools' })?.items.length, 2);
  });

  it('opens a pool with one ListUsers call, then pages as the cursor nears the end', async () => {
    const { gw, store, list, press } = setup({ users: 200 });
    store.getState().actions.push({ view: 'pools' });
    await waitFor(() => list({ kind: 'pools' })?.pagesLoaded === 1);
    press('enter');
    assert.deepEqual(currentRoute(store.getState()), { view: 'users', poolId: POOL });
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    assert.equal(gw.count('ListUsers'), 1);
    for (let i = 0; i < 40; i++) press('j');
    await waitFor(() => list(usersRef)?.pagesLoaded === 2 && !list(usersRef)?.loading);
    assert.equal(gw.count('ListUsers'), 2, 'the next page is fetched a screen before the end');
    press('G');
    await waitFor(() => list(usersRef)?.complete);
    const users = list<User>(usersRef)!;
    assert.equal(users.complete, true);
    assert.equal(new Set(users.items.map((u) => u.username)).size, 200);
    assert.equal(users.items.length, 200);
    assert.equal(gw.count('ListUsers'), 4);
  });

  it('never fetches the same page twice while a fetch is under way', async () => {
    const { gw, store, list, press } = setup({ users: 200 });
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    gw.hold = true;
    for (let i = 0; i < 100; i++) press('j');
    assert.equal(gw.count('ListUsers'), 2);
    gw.hold = false;
    gw.release();
    await waitFor(() => list(usersRef)?.pagesLoaded === 2);
  });

  it('drops an answer that arrives after a refresh', async () => {
    const { gw, store, list, press } = setup({ users: 10 });
    gw.hold = true;
    store.getState().actions.openDeepLink(POOL);
    gw.users = makeUsers(3);
    press('r');
    assert.equal(gw.count('ListUsers'), 2);
    gw.hold = false;
    gw.release();
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    assert.equal(list<User>(usersRef)!.items.length, 3);
  });

  it('keeps what was loaded when a page fails, and r retries', async () => {
    const { gw, store, list, press } = setup({ users: 200 });
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    gw.failing.set('ListUsers', new GatewayError({ kind: 'network', retryable: true, message: 'The endpoint refused the connection.', operation: 'ListUsers' }));
    press('G');
    await waitFor(() => list(usersRef)?.error);
    assert.equal(list(usersRef)!.items.length, 60);
    gw.failing.clear();
    press('r');
    await waitFor(() => list(usersRef)?.pagesLoaded === 2 && !list(usersRef)?.error);
    assert.equal(list(usersRef)!.items.length, 120);
  });

  it('esc goes back and the stack never empties', () => {
    const { store, press } = setup();
    store.getState().actions.openDeepLink(POOL, 'user00001');
    assert.equal(store.getState().stack.length, 4);
    press('escape', 'escape', 'escape', 'escape', 'escape');
    assert.deepEqual(store.getState().stack, [{ view: 'pools' }]);
  });

  it('deep link to a user looks the row up (ListUsers, never AdminGetUser), then opens their events with one call', async () => {
    const { gw, store, list, press } = setup({ users: 5 });
    store.getState().actions.openDeepLink(POOL, 'user00001');
    await waitFor(() => list(eventsRef)?.pagesLoaded === 1);
    assert.deepEqual(gw.calls.map((c) => c.op), ['ListUsers', 'AdminListUserAuthEvents'], 'the canonical username is known before the events are read');
    press('escape');
    await waitFor(() => store.getState().users[userKey(POOL, 'user00001')]);
    assert.equal(gw.count('AdminGetUser'), 0);
    assert.deepEqual(gw.calls.find((c) => c.op === 'ListUsers')?.args.slice(0, 2), [POOL, 'username = "user00001"']);
  });
});

describe('store: opening a user reads the whole row once', () => {
  it('a second visit, or a visit while the lookup is in flight, sends no second lookup', async () => {
    const { gw, store, list, press } = setup({ users: 5 });
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    const lookups = () => gw.calls.filter((c) => c.op === 'ListUsers' && c.args[1] === 'username = "user00000"').length;
    gw.hold = true;
    press('enter');
    press('escape', 'enter');
    gw.release();
    gw.hold = false;
    await waitFor(() => store.getState().users[userKey(POOL, 'user00000')]?.partial === undefined);
    assert.equal(lookups(), 1, 'one lookup for two visits during it');
    press('escape', 'enter');
    await waitFor(() => currentRoute(store.getState()).view === 'user');
    assert.equal(store.getState().users[userKey(POOL, 'user00000')]?.partial, undefined, 'the whole row is kept');
    assert.equal(lookups(), 1, 'no lookup once the whole row is known');
  });
});

describe('store: search', () => {
  it('bad syntax is shown and nothing is sent', async () => {
    const { gw, store, list, press } = setup();
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    press('/');
    for (const ch of 'custom:tier = "gold"') dispatchKey(store, ch === ' ' ? 'space' : ch, ch);
    press('enter');
    assert.match(store.getState().prompt?.error ?? '', /custom:tier/);
    assert.equal(gw.count('ListUsers'), 1);
  });

  it('plain text searches by prefix on the server; esc clears the filter', async () => {
    const { gw, store, list, press } = setup();
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => list(usersRef)?.pagesLoaded === 1);
    press('/');
    dispatchKey(store, 'u', 'user0001');
    press('enter');
    const ref: ListRef = { kind: 'users', poolId: POOL, filter: 'email ^= "user0001"' };
    await waitFor(() => list(ref)?.pagesLoaded === 1);
    assert.equal(list<User>(ref)!.items.length, 10);
    assert.equal(gw.calls.at(-1)?.args[1], 'email ^= "user0001"');
    press('escape');
    assert.equal(store.getState().searches[POOL], '');
    assert.deepEqual(currentRoute(store.getState()), { view: 'users', poolId: POOL });
  });

  it('tab changes the attribute plain text searches', () => {
    const { store, press } = setup();
    store.getState().actions.openDeepLink(POOL);
    press('/', 'tab');
    assert.equal(store.getState().prompt?.attribute, 'username');
  });
});

describe('store: feedback', () => {
  async function onEvents(opts: { readOnly?: boolean } = {}) {
    const s = setup({ ...opts, events: 30 });
    s.store.getState().actions.openDeepLink(POOL, 'user00001');
    await waitFor(() => s.list(eventsRef)?.pagesLoaded === 1);
    return s;
  }
  const first = (s: Awaited<ReturnType<typeof onEvents>>) => s.list<AuthEvent>(eventsRef)!.items[0];

  it('asks first, sends once on y, and shows the saved value', async () => {
    const s = await onEvents();
    s.press('i');
    assert.match(String(s.store.getState().confirm?.title ?? ''), /as Invalid\?/);
    assert.equal(s.gw.count('AdminUpdateAuthEventFeedback'), 0);
    s.press('y');
    assert.equal(first(s).feedback?.value, 'Invalid');
    await waitFor(() => first(s).feedback?.provider === 'Admin');
    assert.equal(s.gw.count('AdminUpdateAuthEventFeedback'), 1);
    assert.deepEqual(s.gw.calls.find((c) => c.op === 'AdminUpdateAuthEventFeedback')?.args, [POOL, 'user00001', first(s).id, 'Invalid']);
    await waitFor(() => s.gw.calls.at(-1)?.op === 'AdminListUserAuthEvents' && !s.list(eventsRef)?.loading);
    assert.equal(first(s).feedback?.value, 'Invalid', 'the value read back from the server');
  });

  it('n cancels and sends nothing', async () => {
    const s = await onEvents();
    s.press('v', 'n');
    assert.equal(s.store.getState().confirm, undefined);
    assert.equal(s.gw.count('AdminUpdateAuthEventFeedback'), 0);
    assert.match(s.store.getState().flash?.text ?? '', /nothing was sent/);
  });

  it('a failed write reverts the row and says why', async () => {
    const s = await onEvents();
    s.gw.failing.set('AdminUpdateAuthEventFeedback', new GatewayError({ kind: 'permission', retryable: false, message: 'Not allowed to call AdminUpdateAuthEventFeedback', operation: 'AdminUpdateAuthEventFeedback' }));
    s.press('v', 'y');
    await waitFor(() => s.store.getState().flash?.level === 'error');
    assert.equal(first(s).feedback, undefined);
    assert.match(s.store.getState().flash!.text, /NOT saved.*Not allowed/);
  });

  it('a second tag of the same event while the first is in flight is refused', async () => {
    const s = await onEvents();
    s.gw.hold = true;
    s.press('i', 'y', 'i');
    assert.equal(s.store.getState().confirm, undefined);
    assert.match(s.store.getState().flash?.text ?? '', /still being sent/);
    s.gw.hold = false;
    s.gw.release();
    await waitFor(() => first(s).feedback?.provider === 'Admin');
    assert.equal(s.gw.count('AdminUpdateAuthEventFeedback'), 1);
  });

  it('read-only mode sends nothing and says so', async () => {
    const s = await onEvents({ readOnly: true });
    s.press('v', 'y', 'i', 'y');
    assert.equal(s.gw.count('AdminUpdateAuthEventFeedback'), 0);
    assert.match(s.store.getState().flash?.text ?? '', /read-only/);
  });

  it('tags from the event detail view too', async () => {
    const s = await onEvents();
    s.press('j', 'enter');
    assert.equal(currentRoute(s.store.getState()).view, 'event');
    s.press('v', 'y');
    await waitFor(() => s.list<AuthEvent>(eventsRef)!.items[1].feedback?.provider === 'Admin');
  });
});

describe('store: keys', () => {
  it('? toggles help and esc closes it without going back', () => {
    const { store, press } = setup();
    store.getState().actions.openDeepLink(POOL);
    press('?');
    assert.equal(store.getState().helpOpen, true);
    press('escape');
    assert.equal(store.getState().helpOpen, false);
    assert.equal(currentRoute(store.getState()).view, 'users');
  });

  it('q quits', () => {
    const { store, press } = setup();
    press('q');
    assert.equal(store.getState().quitting, true);
  });

  it('c opens the risk configuration of the selected pool and loads pool and client configs', async () => {
    const { gw, store, list, press } = setup();
    store.getState().actions.push({ view: 'pools' });
    await waitFor(() => list({ kind: 'pools' })?.pagesLoaded === 1);
    press('j', 'c');
    assert.deepEqual(currentRoute(store.getState()), { view: 'risk', poolId: 'us-test-1_Pool2' });
    await waitFor(() => gw.count('DescribeRiskConfiguration') === 2);
    assert.deepEqual(gw.calls.filter((c) => c.op === 'DescribeRiskConfiguration').map((c) => c.args[1]), [undefined, 'c1']);
  });
});

describe('store: safety', () => {
  it('q with a write in flight warns first; a second q quits', async () => {
    const s = setup({ events: 5 });
    s.store.getState().actions.openDeepLink(POOL, 'user00001');
    await waitFor(() => s.list(eventsRef)?.pagesLoaded === 1);
    s.gw.hold = true;
    s.press('i', 'y', 'q');
    assert.equal(s.store.getState().quitting, false);
    assert.match(s.store.getState().flash?.text ?? '', /still being sent/);
    s.press('q');
    assert.equal(s.store.getState().quitting, true);
    s.gw.release();
  });

  it('a deep link to a user that does not exist says so', async () => {
    const s = setup({ users: 3 });
    s.store.getState().actions.openDeepLink(POOL, 'ghost');
    s.press('escape');
    await waitFor(() => s.store.getState().missingUsers[userKey(POOL, 'ghost')]);
    assert.match(s.store.getState().missingUsers[userKey(POOL, 'ghost')], /No user "ghost"/);
  });
});

describe('store: a chunk of keys from the terminal', () => {
  it('is dispatched a key at a time, Enter and Tab included', async () => {
    const { dispatchInput } = await import('../../src/keys/dispatch.ts');
    const s = setup({ users: 200 });
    s.store.getState().actions.openDeepLink(POOL);
    await waitFor(() => s.list(usersRef)?.pagesLoaded === 1);
    dispatchInput(s.store, '/\tuser0001\r', {});
    assert.equal(s.store.getState().searches[POOL], 'username ^= "user0001"');
    await waitFor(() => s.list({ kind: 'users', poolId: POOL, filter: 'username ^= "user0001"' })?.pagesLoaded === 1);
  });
});

describe('store: the sweep confirmation', () => {
  it('gives the cost once the pool details arrive, when s was pressed before they did', async () => {
    const s = setup({ users: 200 });
    s.gw.hold = true;
    s.store.getState().actions.openDeepLink(POOL);
    s.press('s');
    const shown = () => {
      const state = s.store.getState();
      const detail = state.confirm?.detail;
      return typeof detail === 'function' ? detail(state) : detail ?? '';
    };
    assert.match(shown(), /cost unknown until the pool details load/);
    assert.ok(s.gw.count('DescribeUserPool') >= 1, 's asks for the pool details');
    s.gw.hold = false;
    s.gw.release();
    await waitFor(() => /about [\d,]+ calls/.test(shown()));
    assert.match(shown(), /about 204 calls/, '200 users read one by one and 4 pages of them listed');
  });
});
