import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, User } from '../../src/gateway/types.ts';
import { followPages } from '../../src/store/follow-loader.ts';
import { appendRows, applyPage, beginLoad, emptyList, startFollow, type PagedList } from '../../src/store/paged-list.ts';
import type { ListRef } from '../../src/store/routes.ts';
import { sortColumnsOf } from '../../src/store/sort-columns.ts';
import { sortedList } from '../../src/store/sorted-list.ts';
import { makeUsers } from '../helpers/fake-gateway.ts';

const REF: ListRef = { kind: 'users', poolId: 'us-test-1_Pool1', filter: '' };

/** A G over `total` users in pages of 60, every publish kept (list and its length then). */
function followHarness(total: number, appendInPlace: boolean) {
  const users = makeUsers(total).map((u, i) => ({ ...u, createdAt: 1_700_000_000_000 - ((i * 7919) % total) * 1000 }));
  const first = users.slice(0, 60);
  let stored: PagedList<unknown> = startFollow(applyPage(beginLoad(emptyList<unknown>()), 1, { items: first, nextToken: '60' }));
  let time = 0;
  const published: { list: PagedList<unknown>; length: number }[] = [];
  return {
    users,
    first,
    published,
    get: () => stored,
    deps: {
      list: () => stored,
      setList: (_: ListRef, next: PagedList<unknown>) => { stored = next; published.push({ list: next, length: next.items.length }); },
      fetchPage: async (_: ListRef, token: string | undefined): Promise<Page<unknown>> => {
        time += 40;
        const from = Number(token);
        const end = Math.min(total, from + 60);
        return { items: users.slice(from, end), ...(end < total ? { nextToken: String(end) } : {}) };
      },
      prepare: (_: ListRef, items: unknown[]) => items,
      toError: () => ({ kind: 'network', message: 'x', retryable: true }),
      clock: () => time,
      appendInPlace,
    },
  };
}

describe('rows grown in place while G follows a list', () => {
  it('a publish appends the rows that arrived to the rows shown rather than copying them all', async () => {
    const h = followHarness(3000, true);
    assert.equal(await followPages(h.deps, REF), 'complete');
    const shownRows = h.published.slice(1).map((p) => p.list.items);
    assert.ok(shownRows.length >= 5, `${shownRows.length} publishes`);
    assert.ok(shownRows.every((rows) => rows === shownRows[0]), 'one array of rows, grown at each publish');
    assert.deepEqual(h.published.slice(1).map((p) => p.length), [...h.published.slice(1).map((p) => p.length)].sort((a, b) => a - b));
    assert.deepEqual(h.get().items, h.users);
    assert.equal(h.first.length, 60, 'the first page\'s array, not grown itself, is copied once');
  });

  it('without appendInPlace each publish shows a new array, as before', async () => {
    const h = followHarness(1200, false);
    assert.equal(await followPages(h.deps, REF), 'complete');
    const shownRows = h.published.slice(1).map((p) => p.list.items);
    assert.equal(new Set(shownRows).size, shownRows.length);
    assert.deepEqual(h.get().items, h.users);
  });

  it('a sort of rows grown in place follows their length, merging each publish in, equal to sorting from scratch', () => {
    const column = sortColumnsOf('users').find((c) => c.header === 'CREATED')!;
    const users = makeUsers(600).map((u, i) => ({ ...u, createdAt: 1_700_000_000_000 - ((i * 7919) % 600) * 1000 })) as User[];
    let rows = appendRows<User>(users.slice(0, 60), [], true);
    const grown = rows;
    for (let from = 60; from <= 600; from += 60) {
      const list: PagedList<User> = { ...emptyList<User>(), items: rows, cursor: rows.length - 1 };
      const sorted = sortedList(list, 'grown-users', column, false);
      const fresh = sortedList({ ...list, items: rows.slice() }, 'fresh-users', column, false);
      assert.equal(sorted.items.length, rows.length);
      assert.deepEqual(sorted.items.map((u) => u.username), fresh.items.map((u) => u.username), `at ${rows.length} rows`);
      assert.equal(sorted.cursor, fresh.cursor);
      const descending = sortedList(list, 'grown-users', column, true);
      assert.equal(descending.items[0].username, fresh.items.at(-1)!.username);
      rows = appendRows(rows, users.slice(from, from + 60), true);
    }
    assert.equal(rows, grown, 'grown in place');
  });
});

describe('a page loaded on its own (the cursor near the end) into rows grown in place', () => {
  it('appends to the same array, the first time into a copy, and a repeated page adds nothing', () => {
    const users = makeUsers(180);
    const first = users.slice(0, 60);
    let list = applyPage(beginLoad(emptyList<User>()), 1, { items: first, nextToken: 'a' }, true);
    const rows = list.items;
    assert.notEqual(rows, first, 'the page\'s own array is not grown');
    list = applyPage(beginLoad(list), list.requestId + 1, { items: users.slice(60, 120), nextToken: 'b' }, true);
    assert.equal(list.items, rows);
    const before = list;
    list = applyPage(beginLoad(list), list.requestId + 1, { items: users.slice(60, 120), nextToken: 'c' }, true);
    assert.equal(list.items.length, 120, 'a repeated page is not appended again');
    list = applyPage(beginLoad(list), list.requestId + 1, { items: users.slice(120), nextToken: undefined }, true);
    assert.equal(list.items, rows);
    assert.deepEqual(list.items, users);
    assert.equal(before.items.length, 180, 'every list holding the rows sees them grow');
    assert.equal(first.length, 60);
  });
});
