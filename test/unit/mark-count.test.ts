import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasAnyMark, markCount } from '../../src/keys/mark-count.ts';

/** Marks whose keys are listed through a trap, so a test can tell how often they were listed. */
function listedMarks(n: number): { marks: Record<string, true>; listings: () => number } {
  const target: Record<string, true> = {};
  for (let i = 0; i < n; i++) target[`user-${i}`] = true;
  let listings = 0;
  const marks = new Proxy(target, { ownKeys: (t) => { listings++; return Reflect.ownKeys(t); } });
  return { marks, listings: () => listings };
}

describe('mark counts (a status line and the footer read them on every frame)', () => {
  it('counts a marks object once, however many frames ask', () => {
    const { marks, listings } = listedMarks(1000);
    for (let frame = 0; frame < 50; frame++) assert.equal(markCount(marks), 1000);
    assert.equal(listings(), 1);
    assert.equal(markCount({ ...marks, extra: true }), 1001, 'a change of marks is a new object, counted afresh');
  });

  it('tells whether any row is marked from the same kept count (the footer asks on every store change)', () => {
    assert.equal(hasAnyMark({}), false);
    assert.equal(hasAnyMark({ a: true }), true);
    const { marks, listings } = listedMarks(1000);
    for (let change = 0; change < 50; change++) assert.equal(hasAnyMark(marks), true);
    assert.equal(markCount(marks), 1000);
    assert.equal(listings(), 1);
  });
});
