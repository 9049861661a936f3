import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEstimate, estimateSweep } from '../../src/sweep/estimate.ts';
import { QUOTAS, quotaRps } from '../../src/sweep/quotas.ts';

describe('quotas', () => {
  it('has the default rates of the facts file', () => {
    assert.equal(QUOTAS.UserList, 30);
    assert.equal(QUOTAS.UserResourceRead, 50);
  });

  it('takes a raised quota when given one', () => {
    assert.equal(quotaRps('UserResourceRead'), 50);
    assert.equal(quotaRps('UserResourceRead', { UserResourceRead: 200 }), 200);
    assert.equal(quotaRps('UserResourceRead', { UserResourceRead: 0 }), 50);
  });
});

describe('estimateSweep', () => {
  it('counts one ListUsers per 60 users and one event read per user, timed by the slower paced category', () => {
    assert.deepEqual(estimateSweep(20_000), { calls: 334 + 20_000, seconds: 20_000 / 25 });
    assert.deepEqual(estimateSweep(20_000, 1), { calls: 20_334, seconds: 20_000 / 50 });
    assert.deepEqual(estimateSweep(120, 0.5), { calls: 2 + 120, seconds: 120 / 25 });
  });

  it('still lists once for an empty pool', () => {
    assert.deepEqual(estimateSweep(0), { calls: 1, seconds: 1 / 15 });
  });

  it('reads as the confirmation text', () => {
    assert.equal(describeEstimate(estimateSweep(20_000)), 'about 20,334 calls, about 14 minutes');
    assert.equal(describeEstimate(estimateSweep(300)), 'about 305 calls, about 12 seconds');
    assert.equal(describeEstimate({ calls: 1, seconds: 0.1 }), 'about 1 call, about 1 second');
  });
});
