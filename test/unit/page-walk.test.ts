import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  abandonLoad, applyPage, beginLoad, canLoadMore, continueWalk, emptyList, isIdleStop, MAX_IDLE_PAGES, resetForRefresh, startWalk, stepWalk,
  walkTokens,
  type PagedList,
} from '../../src/store/paged-list.ts';

/** Feeds `pages` answers to a list the way the store does, stopping when the list will not load more. */
function walk<T>(start: PagedList<T>, next: (token: string | undefined, n: number) => { items: T[]; nextToken?: string }, limit = 1000) {
  let l = start;
  let requests = 0;
  while (canLoadMore(l) && requests < limit) {
    l = beginLoad(l);
    l = applyPage(l, l.requestId, next(l.nextToken, requests++));
  }
  return { list: l, requests };
}

describe('bounded paging (one walk through a list)', () => {
  it('stops a run of empty pages that always carry a next token after the bound, saying r continues', () => {
    const { list, requests } = walk(emptyList<number>(), (_, n) => ({ items: [], nextToken: `t${n}` }));
    assert.equal(requests, MAX_IDLE_PAGES);
    assert.equal(list.complete, false);
    assert.equal(list.loading, false);
    assert.match(list.error!.message, /keeps returning empty pages.*press r to continue/);
    assert.ok(isIdleStop(list));
    const again = walk(continueWalk(list), (_, n) => ({ items: [], nextToken: `u${n}` }));
    assert.equal(again.requests, MAX_IDLE_PAGES, 'r gives another bounded run from the same token');
  });

  it('counts only empty pages in a row: a page with rows starts the count again', () => {
    const { list, requests } = walk(emptyList<number>(), (_, n) => ({ items: n % 9 === 8 ? [n] : [], nextToken: n < 40 ? `t${n}` : undefined }));
    assert.equal(requests, 41);
    assert.equal(list.complete, true);
    assert.equal(list.error, undefined);
    assert.deepEqual(list.items, [8, 17, 26, 35]);
  });

  it('ends the walk at once when the server hands out a token it already gave', () => {
    const { list, requests } = walk(emptyList<number>(), (_, n) => ({ items: [n], nextToken: 'same' }));
    assert.equal(requests, 2);
    assert.match(list.error!.message, /repeated a page token: the list may be incomplete/);
    assert.equal(list.error!.retryable, false);
    assert.equal(isIdleStop(list), false);
    assert.equal(continueWalk(list), list, 'r reloads from the first page instead of continuing a loop');
  });

  it('ends the walk when a token from several pages back comes again', () => {
    const tokens = ['a', 'b', 'c', 'a'];
    const { list, requests } = walk(emptyList<number>(), (_, n) => ({ items: [n], nextToken: tokens[n] }));
    assert.equal(requests, 4);
    assert.deepEqual(list.items, [0, 1, 2, 3]);
    assert.equal(list.nextToken, 'a');
    assert.equal(canLoadMore(list), false);
  });

  it('does not append a page that repeats the one before, and stops a run of them', () => {
    const page = [{ u: 'alice' }, { u: 'bob' }];
    const { list, requests } = walk(emptyList<{ u: string }>(), (_, n) => ({ items: page.map((x) => ({ ...x })), nextToken: `t${n}` }));
    assert.equal(requests, MAX_IDLE_PAGES + 1);
    assert.equal(list.items.length, 2);
    assert.match(list.error!.message, /keeps returning the same page/);
  });

  it('forgets the walk on a refresh', () => {
    const { list } = walk(emptyList<number>(), (_, n) => ({ items: [n], nextToken: 'same' }));
    const fresh = resetForRefresh(list);
    assert.equal(fresh.walk, undefined);
    assert.equal(fresh.error, undefined);
    assert.ok(canLoadMore(fresh));
  });

  it('stepWalk is pure: the walk given is not changed', () => {
    const w = startWalk();
    const step = stepWalk(w, { items: [], nextToken: 'x' });
    assert.deepEqual(walkTokens(w), []);
    assert.equal(w.idleRun, 0);
    assert.deepEqual(walkTokens(step.walk), ['x']);
    assert.equal(step.walk.idleRun, 1);
  });

  it('a walk stepped twice branches: each branch knows only the tokens it was given', () => {
    const w = stepWalk(startWalk(), { items: [1], nextToken: 'a' }).walk;
    const x = stepWalk(w, { items: [2], nextToken: 'x' }).walk;
    const y = stepWalk(w, { items: [3], nextToken: 'y' }).walk;
    assert.deepEqual(walkTokens(x), ['a', 'x']);
    assert.deepEqual(walkTokens(y), ['a', 'y']);
    assert.equal(stepWalk(y, { items: [4], nextToken: 'x' }).stop, undefined, 'x was handed out on the other branch only');
    assert.equal(stepWalk(x, { items: [4], nextToken: 'x' }).stop, 'repeated-token');
    assert.equal(stepWalk(y, { items: [4], nextToken: 'a' }).stop, 'repeated-token');
    const again = stepWalk(w, { items: [5], nextToken: 'y' }).walk;
    assert.equal(stepWalk(again, { items: [6], nextToken: 'x' }).stop, undefined);
  });

  it('costs the same per page however long the walk (16,667 pages: a million users)', () => {
    const pages = 16_667;
    const cost = (n: number) => {
      let w = startWalk();
      const started = performance.now();
      for (let i = 0; i < n; i++) w = stepWalk(w, { items: [i], nextToken: `token-${i}` }).walk;
      assert.equal(w.tokenCount, n);
      return performance.now() - started;
    };
    const perPage = (n: number) => Math.min(cost(n), cost(n), cost(n)) / n;
    perPage(2000);
    const short = perPage(2000);
    const long = perPage(pages);
    assert.ok(long < short * 3, `a page costs ${(long * 1000).toFixed(1)} µs in a walk of ${pages} pages, ${(short * 1000).toFixed(1)} µs in one of 2,000`);
    assert.equal(stepWalk(stepWalk(startWalk(), { items: [1], nextToken: 'z' }).walk, { items: [2], nextToken: 'z' }).stop, 'repeated-token');
  });

  it('abandoning a load drops the answer still in flight', () => {
    const started = beginLoad(emptyList<number>());
    const left = abandonLoad(started);
    assert.equal(left.loading, false);
    assert.equal(applyPage(left, started.requestId, { items: [1], nextToken: 'n' }), left);
    assert.ok(canLoadMore(left), 'coming back to the view may load again');
    const refreshedThenLeft = abandonLoad(beginLoad(resetForRefresh({ ...emptyList<number>(), items: [1, 2, 3], cursor: 2 })));
    assert.equal(refreshedThenLeft.cursor, 0, 'an empty list keeps no cursor');
  });
});
