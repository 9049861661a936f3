import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { User } from '../../src/gateway/types.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { displayedList } from '../../src/store/displayed-list.ts';
import { emptyList, selectedItem, type PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';

const POOL = 'us-test-1_Pool1';
const ref: ListRef = { kind: 'users', poolId: POOL, filter: '' };
const N = 100_000;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('sort cost with 100,000 loaded users', () => {
  it('sorting is one keypress; moving the cursor on the sorted list costs no sort; a page appended is merged in', () => {
    const users = makeUsers(N).map((u, i) => ({ ...u, createdAt: 1_700_000_000_000 - ((i * 7919) % N) * 1000 }));
    const store = createAppStore({ gateway: new FakeGateway(), listRows: 20 });
    store.setState((s) => ({
      stack: [...s.stack, { view: 'users', poolId: POOL }],
      lists: { ...s.lists, [listKey(ref)]: { ...emptyList<User>(), items: users, pagesLoaded: Math.ceil(N / 60), nextToken: 'more', cursor: 500 } },
    }));
    const press = (key: string) => dispatchKey(store, key, key);
    const shown = () => displayedList<User>(store.getState(), ref)!;
    const before = selectedItem(shown())!.username;
    const sortMs: number[] = [];
    for (const key of ['>', '>', '>', '>', '>', '>']) sortMs.push(timed(() => { press(key); shown(); }));
    assert.deepEqual(store.getState().sorts.users, { column: 'CREATED', descending: true });
    assert.equal(selectedItem(shown())!.username, before, 'the selected user stays selected');
    const reverseMs = timed(() => { press('<'); shown(); });
    const moves = 200;
    const moveMs = timed(() => { for (let i = 0; i < moves; i++) { press(i % 2 ? 'k' : 'j'); shown(); } }) / moves;
    const sortedOnce = shown().items;
    press('j');
    assert.equal(shown().items, sortedOnce, 'the same sorted rows: nothing sorted again');
    const page = makeUsers(60).map((u, i) => ({ ...u, username: `new${i}`, createdAt: 1_600_000_000_000 + i }));
    const appendMs = timed(() => {
      store.setState((s) => {
        const l = s.lists[listKey(ref)] as PagedList<User>;
        return { lists: { ...s.lists, [listKey(ref)]: { ...l, items: l.items.concat(page) } } };
      });
      shown();
    });
    assert.equal(shown().items.length, N + 60);
    assert.equal(shown().items[0].username, 'new0', 'the appended page is sorted in (oldest first now)');
    console.log(`# 100,000 users: sort by a column ${Math.round(Math.max(...sortMs))} ms (worst of 6), reverse ${Math.round(reverseMs)} ms, j/k on the sorted list ${moveMs.toFixed(3)} ms, a page of 60 merged in ${Math.round(appendMs)} ms`);
    assert.ok(moveMs < 5, `a cursor move costs ${moveMs} ms`);
    assert.ok(appendMs < Math.max(...sortMs), 'a page appended costs less than sorting everything');
  });
});
