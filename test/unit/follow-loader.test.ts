import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from '../../src/gateway/types.ts';
import { followPages, FOLLOW_PUBLISH_MS } from '../../src/store/follow-loader.ts';
import { applyPage, beginLoad, emptyList, startFollow, stopFollow, type PagedList } from '../../src/store/paged-list.ts';
import type { ListRef } from '../../src/store/routes.ts';

const REF: ListRef = { kind: 'pools' };

function harness(total: number, pageSize = 10) {
  let stored: PagedList<unknown> = applyPage(beginLoad(emptyList<unknown>()), 1, { items: Array.from({ length: pageSize }, (_, i) => i), nextToken: String(pageSize) });
  let time = 0;
  const published: number[] = [];
  const fetched: (string | undefined)[] = [];
  const deps = {
    list: () => stored,
    setList: (_: ListRef, next: PagedList<unknown>) => { stored = next; published.push(next.items.length); },
    fetchPage: async (_: ListRef, token: string | undefined): Promise<Page<unknown>> => {
      fetched.push(token);
      time += 30;
      const from = Number(token);
      const end = Math.min(total, from + pageSize);
      return { items: Array.from({ length: end - from }, (_, i) => from + i), ...(end < total ? { nextToken: String(end) } : {}) };
    },
    prepare: (_: ListRef, items: unknown[]) => items,
    toError: () => ({ kind: 'network', message: 'x', retryable: true }),
    clock: () => time,
  };
  return { deps, get: () => stored, set: (l: PagedList<unknown>) => { stored = l; }, published, fetched };
}

describe('following a list to its end (G)', () => {
  it('fetches every page once, in order, and shows rows a few times rather than after every page', async () => {
    const h = harness(200);
    h.set(startFollow(h.get()));
    assert.equal(await followPages(h.deps, REF), 'complete');
    const list = h.get();
    assert.equal(list.items.length, 200);
    assert.deepEqual(list.items, Array.from({ length: 200 }, (_, i) => i));
    assert.equal(list.complete, true);
    assert.equal(list.loading, false);
    assert.equal(list.cursor, 199);
    assert.equal(list.followUntil, undefined);
    assert.deepEqual(h.fetched, Array.from({ length: 19 }, (_, i) => String((i + 1) * 10)));
    const shows = h.published.length - 1;
    assert.ok(shows < 19, `${shows} redraws for 19 pages`);
    assert.ok(shows >= Math.floor((19 * 30) / FOLLOW_PUBLISH_MS), `${shows} redraws`);
  });

  it('reads each page as fetched to guard the walk: no row as stored is serialised', async () => {
    const h = harness(200);
    let serialised = 0;
    h.deps.prepare = (_: ListRef, items: unknown[]) => items.map((value) => ({ value, toJSON: () => { serialised++; return value; } }));
    h.set(startFollow(h.get()));
    assert.equal(await followPages(h.deps, REF), 'complete');
    assert.equal(h.get().items.length, 200);
    assert.equal(serialised, 0);
  });

  it('stops after the page in flight when the user stops it, keeping what arrived', async () => {
    const h = harness(10_000);
    h.set(startFollow(h.get()));
    const fetchPage = h.deps.fetchPage;
    let calls = 0;
    h.deps.fetchPage = async (ref, token) => {
      if (++calls === 3) h.set(stopFollow(h.get()));
      return fetchPage(ref, token);
    };
    assert.equal(await followPages(h.deps, REF), 'stopped');
    assert.equal(calls, 3);
    assert.equal(h.get().items.length, 40);
    assert.equal(h.get().loading, false);
    assert.equal(h.get().complete, false);
  });

  it('keeps the rows and records the error when a page fails', async () => {
    const h = harness(1000);
    h.set(startFollow(h.get()));
    let calls = 0;
    const fetchPage = h.deps.fetchPage;
    h.deps.fetchPage = async (ref, token) => {
      if (++calls === 4) throw new Error('gone');
      return fetchPage(ref, token);
    };
    assert.equal(await followPages(h.deps, REF), 'error');
    assert.equal(h.get().items.length, 40);
    assert.equal(h.get().nextToken, '40');
    assert.ok(h.get().error);
    assert.equal(h.get().followUntil, undefined);
  });

  it('sends the request for the next page before it stores the rows of the page just in, one request at a time', async () => {
    const h = harness(100);
    h.set(startFollow(h.get()));
    const events: string[] = [];
    let inFlight = 0;
    const fetchPage = h.deps.fetchPage;
    h.deps.fetchPage = async (ref, token) => {
      events.push(`fetch ${token}`);
      assert.equal(++inFlight, 1, 'two requests in flight');
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return fetchPage(ref, token);
    };
    const setList = h.deps.setList;
    h.deps.setList = (ref, next) => {
      events.push(`store ${next.items.length}`);
      setList(ref, next);
    };
    const clock = h.deps.clock;
    h.deps.clock = () => clock() * FOLLOW_PUBLISH_MS;
    assert.equal(await followPages(h.deps, REF), 'complete');
    assert.deepEqual(events.slice(0, 6), ['store 10', 'fetch 10', 'fetch 20', 'store 20', 'fetch 30', 'store 30']);
    assert.deepEqual(events.slice(-3), ['fetch 90', 'store 90', 'store 100']);
    assert.deepEqual(h.get().items, Array.from({ length: 100 }, (_, i) => i));
  });

  it('sends nothing past the end of a batch', async () => {
    const h = harness(10_000);
    h.set({ ...startFollow(h.get()), followUntil: 35 });
    assert.equal(await followPages(h.deps, REF), 'batch');
    assert.deepEqual(h.fetched, ['10', '20', '30']);
    assert.equal(h.get().items.length, 40);
    assert.equal(h.get().loading, false);
  });

  it('keeps the page in flight when esc comes as it is sent, and sends nothing after it', async () => {
    const h = harness(10_000);
    h.set(startFollow(h.get()));
    const fetchPage = h.deps.fetchPage;
    h.deps.fetchPage = async (ref, token) => {
      if (token === '40') setImmediate(() => h.set(stopFollow(h.get())));
      return fetchPage(ref, token);
    };
    assert.equal(await followPages(h.deps, REF), 'stopped');
    assert.deepEqual(h.fetched, ['10', '20', '30', '40']);
    assert.equal(h.get().items.length, 50);
    assert.equal(h.get().followUntil, undefined);
    assert.equal(h.get().loading, false);
  });

  it('drops the page it was storing when the list was reloaded meanwhile, and sends nothing more', async () => {
    const h = harness(10_000);
    h.set(startFollow(h.get()));
    let refreshed = false;
    h.deps.fetchPage = ((fetchPage) => async (ref: ListRef, token: string | undefined) => {
      if (token === '30') queueMicrotask(() => { h.set(beginLoad(h.get())); refreshed = true; });
      return fetchPage(ref, token);
    })(h.deps.fetchPage);
    assert.equal(await followPages(h.deps, REF), 'stale');
    assert.ok(refreshed);
    assert.deepEqual(h.fetched, ['10', '20', '30']);
    assert.ok(h.get().items.length <= 30, `${h.get().items.length} rows shown after the reload`);
  });

  it('stops a walk whose next token repeats without asking for it again', async () => {
    const h = harness(10_000);
    h.set(startFollow(h.get()));
    const fetchPage = h.deps.fetchPage;
    h.deps.fetchPage = async (ref, token) => {
      const page = await fetchPage(ref, token);
      return token === '30' ? { ...page, nextToken: '20' } : page;
    };
    assert.equal(await followPages(h.deps, REF), 'bounded');
    assert.deepEqual(h.fetched, ['10', '20', '30']);
    assert.equal(h.get().items.length, 40);
    assert.equal(h.get().error?.kind, 'paging-repeated-token');
  });
});
