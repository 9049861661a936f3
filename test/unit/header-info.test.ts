import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitInfo } from '../../src/ui/components/Header.tsx';

describe("the header's right side", () => {
  it('keeps the notes first, cut if it must, and only whole pieces of context after them', () => {
    assert.equal(fitInfo([], ['range last 24h', 'profile prod'], 30), 'range last 24h · profile prod');
    assert.equal(fitInfo([], ['range last 24h', 'http://127.0.0.1:9229'], 20), 'range last 24h');
    assert.equal(fitInfo([], ['range last 24h'], 10), '', 'a range that does not fit whole is left out, not cut');
    assert.equal(fitInfo(['journal off (--no-journal)'], ['range last 24h'], 43), 'journal off (--no-journal) · range last 24h');
    assert.match(fitInfo(['journal off (--no-journal)'], ['range last 24h'], 15), /^journal off.*…$/);
    assert.equal(fitInfo([], ['http://127.0.0.1:44671/a-long-endpoint', 'profile p'], 20), 'profile p', 'a shorter later piece still fits');
  });
});
