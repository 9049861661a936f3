import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  advanceFollow, applyError, applyPage, beginLoad, canLoadMore, emptyList, FOLLOW_BATCH, moveCursorTo, nearEnd, clampCursor, resetForRefresh,
  startFollow, stopFollow,
  selectedItem, updateItems, visibleSlice, windowOffset,
} from '../../src/store/paged-list.ts';

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe('paged list', () => {
  it('appends pages in order and completes when no token is returned', () => {
    let l = beginLoad(emptyList<number>());
    l = applyPage(l, l.requestId, { items: range(60), nextToken: 't1' });
    assert.equal(l.items.length, 60);
    assert.equal(l.complete, false);
    assert.ok(canLoadMore(l));
    l = beginLoad(l);
    l = applyPage(l, l.requestId, { items: range(10, 60) });
    assert.deepEqual(l.items, range(70));
    assert.equal(l.complete, true);
    assert.equal(canLoadMore(l), false);
    assert.equal(l.pagesLoaded, 2);
  });

  it('drops a stale answer after a refresh', () => {
    const first = beginLoad(emptyList<number>());
    const refreshed = beginLoad(resetForRefresh(first));
    const afterStale = applyPage(refreshed, first.requestId, { items: [1, 2, 3] });
    assert.equal(afterStale, refreshed);
    const fresh = applyPage(refreshed, refreshed.requestId, { items: [9] });
    assert.deepEqual(fresh.items, [9]);
  });

  it('a refresh whose first page fails leaves an empty list with its cursor on the first line, not where the old rows were', () => {
    let l = beginLoad(emptyList<number>());
    l = moveCursorTo(applyPage(l, l.requestId, { items: range(60), nextToken: 'x' }), 42);
    l = beginLoad(resetForRefresh(l));
    assert.equal(l.cursor, 42, 'the refresh keeps the cursor for the rows to come');
    l = applyError(l, l.requestId, { kind: 'network', message: 'down', retryable: true });
    assert.deepEqual([l.items.length, l.cursor, l.error?.message], [0, 0, 'down']);
  });

  it('keeps loaded items on error and will not load more until the error is cleared', () => {
    let l = beginLoad(emptyList<number>());
    l = applyPage(l, l.requestId, { items: [1, 2], nextToken: 'x' });
    l = beginLoad(l);
    l = applyError(l, l.requestId, { kind: 'network', message: 'down', retryable: true });
    assert.deepEqual(l.items, [1, 2]);
    assert.equal(l.loading, false);
    assert.equal(canLoadMore(l), false);
    assert.equal(l.nextToken, 'x');
  });

  it('does not start a second fetch while one is under way', () => {
    const l = beginLoad(emptyList<number>());
    assert.equal(canLoadMore(l), false);
  });

  it('window follows the cursor and never leaves it off screen', () => {
    assert.equal(windowOffset(0, 0, 10, 100), 0);
    assert.equal(windowOffset(9, 0, 10, 100), 0);
    assert.equal(windowOffset(10, 0, 10, 100), 1);
    assert.equal(windowOffset(5, 20, 10, 100), 5);
    assert.equal(windowOffset(99, 0, 10, 100), 90);
    assert.equal(windowOffset(3, 50, 10, 5), 0);
    for (let cursor = 0; cursor < 100; cursor += 7) {
      for (const h of [1, 3, 10, 50]) {
        const top = windowOffset(cursor, 40, h, 100);
        assert.ok(cursor >= top && cursor < top + h, `cursor ${cursor} visible in [${top}, ${top + h})`);
      }
    }
  });

  it('clamps the cursor to what is loaded', () => {
    let l = beginLoad(emptyList<number>());
    l = applyPage(l, l.requestId, { items: range(30) });
    assert.equal(moveCursorTo(l, 1000).cursor, 29);
    assert.equal(moveCursorTo(l, -5).cursor, 0);
    assert.equal(moveCursorTo(emptyList<number>(), 3).cursor, 0);
  });

  it('visible slice holds at most one screen, wherever the cursor is', () => {
    let l = beginLoad(emptyList<number>());
    l = applyPage(l, l.requestId, { items: range(100_000) });
    l = moveCursorTo(l, 54_321);
    const { start, rows } = visibleSlice(l, windowOffset(l.cursor, 0, 25, l.items.length), 25);
    assert.equal(rows.length, 25);
    assert.ok(start <= 54_321 && 54_321 < start + 25);
    assert.equal(selectedItem(l), 54_321);
  });

  it('says when the next page is due', () => {
    let l = beginLoad(emptyList<number>());
    l = applyPage(l, l.requestId, { items: range(60), nextToken: 't' });
    assert.equal(nearEnd(l, 10), false);
    assert.equal(nearEnd(moveCursorTo(l, 45), 10), true);
  });

  it('keeps the cursor on a loaded row when rows are dropped', () => {
    let l = beginLoad(emptyList<number>());
    l = applyPage(l, l.requestId, { items: range(100) });
    l = moveCursorTo(l, 80);
    assert.equal(clampCursor({ ...l, items: range(10) }).cursor, 9);
    assert.equal(clampCursor(l), l, 'a cursor on a loaded row is left alone');
  });

  it('updates matching items and keeps identity when nothing matches', () => {
    let l = beginLoad(emptyList<{ id: number; v: string }>());
    l = applyPage(l, l.requestId, { items: [{ id: 1, v: 'a' }, { id: 2, v: 'b' }] });
    assert.equal(updateItems(l, () => undefined), l);
    const u = updateItems(l, (x) => (x.id === 2 ? { ...x, v: 'z' } : undefined));
    assert.equal(u.items[1].v, 'z');
    assert.equal(u.items[0], l.items[0]);
  });
});

describe('G: following the end of a list', () => {
  const page = (from: number, n: number, more: boolean) => ({ items: Array.from({ length: n }, (_, i) => from + i), ...(more ? { nextToken: `t${from}` } : {}) });

  it('keeps the cursor on the last row as pages arrive, and stops at the end', () => {
    let l = applyPage(beginLoad(emptyList<number>()), 1, page(0, 60, true));
    l = startFollow(l);
    assert.equal(l.cursor, 59);
    assert.ok(l.followUntil !== undefined);
    const b = beginLoad(l);
    l = advanceFollow(applyPage(b, b.requestId, page(60, 60, true)));
    assert.equal(l.cursor, 119);
    assert.ok(l.followUntil !== undefined);
    const c = beginLoad(l);
    l = advanceFollow(applyPage(c, c.requestId, page(120, 10, false)));
    assert.equal(l.cursor, 129);
    assert.equal(l.followUntil, undefined);
  });

  it('stops after a batch, on an error, and when asked', () => {
    let l = startFollow(applyPage(beginLoad(emptyList<number>()), 1, page(0, 60, true)));
    assert.equal(l.followUntil, 60 + FOLLOW_BATCH);
    l = advanceFollow({ ...l, items: Array.from({ length: 60 + FOLLOW_BATCH }, (_, i) => i) });
    assert.equal(l.followUntil, undefined);
    l = startFollow(l);
    const b = beginLoad(l);
    assert.equal(applyError(b, b.requestId, { kind: 'network', message: 'x', retryable: true }).followUntil, undefined);
    assert.equal(stopFollow(l).followUntil, undefined);
    assert.equal(startFollow({ ...l, complete: true, followUntil: undefined }).followUntil, undefined, 'nothing to follow on a complete list');
  });
});
