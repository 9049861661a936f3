import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { parseEventFilter } from '../../src/domain/event-filter.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { displayedList } from '../../src/store/displayed-list.ts';
import { insertFinding } from '../../src/store/finding-list.ts';
import { emptyList, selectedItem, type PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import type { SweepFinding } from '../../src/sweep/index.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const usersRef: ListRef = { kind: 'users', poolId: POOL, filter: '' };

/** Users whose creation times run against their names: user00000 is the newest. */
function datedUsers(n: number): User[] {
  return makeUsers(n).map((u, i) => ({ ...u, createdAt: Date.UTC(2025, 0, 1) - i * 3_600_000 }));
}

function setup(users: User[], events: AuthEvent[] = makeEvents(30)) {
  const gw = new FakeGateway();
  gw.users = users;
  gw.events = events;
  const store = createAppStore({ gateway: gw, listRows: 20 });
  const shown = <T>(ref: ListRef) => displayedList<T>(store.getState(), ref)!;
  const stored = <T>(ref: ListRef) => store.getState().lists[listKey(ref)] as PagedList<T>;
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  return { gw, store, shown, stored, press };
}

const names = (list: PagedList<User>, n = 3) => list.items.slice(0, n).map((u) => u.username);

describe('sort: users (a paged list)', () => {
  it('> sorts by USERNAME, then EMAIL…, CREATED newest first, then as loaded; < reverses; the selected user stays selected', async () => {
    const { store, shown, stored, press } = setup(datedUsers(150));
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await waitFor(() => stored(usersRef)?.pagesLoaded === 1);
    press('j', 'j', 'j');
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00003');
    press('>');
    assert.deepEqual(store.getState().sorts.users, { column: 'USERNAME', descending: false });
    press('<');
    assert.deepEqual(names(shown(usersRef)), ['user00059', 'user00058', 'user00057']);
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00003', 'the same user, on another line');
    assert.equal(shown(usersRef).cursor, 56);
    press('j');
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00002', 'j moves down the sorted list');
    press('>', '>', '>', '>', '>');
    assert.deepEqual(store.getState().sorts.users, { column: 'CREATED', descending: true });
    assert.deepEqual(names(shown(usersRef)), ['user00000', 'user00001', 'user00002']);
    press('>');
    assert.equal(store.getState().sorts.users, undefined);
    assert.equal(shown(usersRef), stored(usersRef), 'unsorted: the stored list itself');
  });

  it('a page arriving is sorted in; g and G go to the first and last line of the sorted list', async () => {
    const { store, shown, stored, press } = setup(datedUsers(150));
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await waitFor(() => stored(usersRef)?.pagesLoaded === 1);
    press('>', '<');
    assert.equal(shown<User>(usersRef).items[0].username, 'user00059');
    press('G');
    await waitFor(() => stored(usersRef).complete && stored(usersRef).followUntil === undefined && !stored(usersRef).loading);
    await waitFor(() => shown<User>(usersRef).cursor === 149);
    assert.equal(shown<User>(usersRef).items[0].username, 'user00149');
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00000');
    press('g');
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00149');
  });

  it('space marks the user under the cursor of the sorted list, and * marks what is shown', async () => {
    const { store, shown, stored, press } = setup(datedUsers(30));
    store.getState().actions.push({ view: 'users', poolId: POOL });
    await waitFor(() => stored(usersRef)?.complete);
    press('>', '<');
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00000', 'still selected, now on the last line');
    press('g', 'space');
    assert.deepEqual(Object.keys(store.getState().marks[listKey(usersRef)]), ['user00029']);
    assert.equal(selectedItem(shown<User>(usersRef))!.username, 'user00028');
    press('*');
    assert.equal(Object.keys(store.getState().marks[listKey(usersRef)]).length, 30);
  });
});

describe('sort: events (filtered and sorted)', () => {
  const eventsRef: ListRef = { kind: 'events', poolId: POOL, username: 'user00001' };

  it('RISK sorts High first (risk order, not A–Z); with a filter on, the sort applies to what passes', async () => {
    const events = makeEvents(30).map((e, i) => ({ ...e, riskLevel: ['Low', 'High', 'Medium'][i % 3], riskDecision: 'NoRisk' }));
    const { store, shown, stored, press } = setup(makeUsers(5), events);
    store.getState().actions.push({ view: 'events', poolId: POOL, username: 'user00001' });
    await waitFor(() => stored(eventsRef)?.complete);
    press('>', '>', '>', '>', '>');
    assert.deepEqual(store.getState().sorts.events, { column: 'RISK', descending: true });
    const levels = shown<AuthEvent>(eventsRef).items.map((e) => e.riskLevel);
    assert.deepEqual(levels.slice(0, 10), new Array(10).fill('High'));
    assert.deepEqual(levels.slice(10, 20), new Array(10).fill('Medium'));
    assert.deepEqual(levels.slice(20), new Array(10).fill('Low'));
    const parsed = parseEventFilter('risk=medium');
    assert.ok(parsed.ok);
    store.setState((s) => ({ eventViews: { ...s.eventViews, [listKey(eventsRef)]: { text: 'risk=medium', filter: parsed.filter, attention: false, cursor: 0 } } }));
    press('<', ...new Array<string>(8).fill('>'));
    assert.deepEqual(store.getState().sorts.events, { column: 'TIME', descending: true });
    press('<');
    const passed = shown<AuthEvent>(eventsRef).items;
    assert.equal(passed.length, 10);
    assert.ok(passed.every((e) => e.riskLevel === 'Medium'));
    assert.deepEqual(passed.map((e) => e.createdAt), passed.map((e) => e.createdAt!).sort((a, b) => a - b), 'oldest first');
    press('g', 'j', 'j');
    assert.equal(selectedItem(shown<AuthEvent>(eventsRef))!.id, passed[2].id);
    assert.equal(store.getState().eventViews[listKey(eventsRef)].cursor, 7, 'the filter keeps the row, not the line');
  });
});

describe('sort: sweep findings (in memory)', () => {
  const findingsRef: ListRef = { kind: 'findings', poolId: POOL };

  it('sort fully by RISKY; a finding arriving keeps the cursor on its row', () => {
    const { store, shown, press } = setup(makeUsers(5));
    const finding = (name: string, risky: number): SweepFinding => ({ user: makeUsers(1).map((u) => ({ ...u, username: name }))[0], events: makeEvents(risky), eventsRead: 40 });
    let list: PagedList<SweepFinding> = { ...emptyList<SweepFinding>(), complete: true, pagesLoaded: 1 };
    for (const [name, n] of [['ann', 2], ['bo', 9], ['cy', 5]] as const) list = insertFinding(list, finding(name, n));
    store.setState((s) => ({ stack: [...s.stack, { view: 'sweep', poolId: POOL }], lists: { ...s.lists, [listKey(findingsRef)]: list } }));
    press('>', '>', '>', 'g');
    assert.deepEqual(store.getState().sorts.findings, { column: 'RISKY', descending: true });
    assert.deepEqual(shown<SweepFinding>(findingsRef).items.map((f) => f.user.username), ['bo', 'cy', 'ann']);
    press('j');
    assert.equal(selectedItem(shown<SweepFinding>(findingsRef))!.user.username, 'cy');
    store.setState((s) => ({ lists: { ...s.lists, [listKey(findingsRef)]: insertFinding(s.lists[listKey(findingsRef)] as PagedList<SweepFinding>, finding('dee', 7)) } }));
    assert.deepEqual(shown<SweepFinding>(findingsRef).items.map((f) => f.user.username), ['bo', 'dee', 'cy', 'ann']);
    assert.equal(selectedItem(shown<SweepFinding>(findingsRef))!.user.username, 'cy');
  });
});
