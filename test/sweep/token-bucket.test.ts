import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, resolveBackoff } from '../../src/sweep/backoff.ts';
import { clampShare, TokenBucket } from '../../src/sweep/token-bucket.ts';
import { busiestWindow } from './sweep-gateway.ts';
import { VirtualTime } from './virtual-time.ts';

async function grantTimes(time: VirtualTime, bucket: TokenBucket, n: number): Promise<number[]> {
  const times: number[] = [];
  await time.run(Promise.all(Array.from({ length: n }, () => bucket.take().then(() => { times.push(time.now); }))));
  return times;
}

describe('TokenBucket', () => {
  it('grants no more than quota × share in any simulated second, at that rate', async () => {
    for (const [quota, share, expected] of [[30, 0.5, 15], [50, 0.5, 25], [50, 0.2, 10], [30, 1, 30]] as const) {
      const time = new VirtualTime();
      const bucket = new TokenBucket({ quotaRps: quota, share, clock: time.clock, sleep: time.sleep });
      assert.equal(bucket.pacedRps, expected);
      const times = await grantTimes(time, bucket, 4 * expected);
      assert.equal(busiestWindow(times), expected, `quota ${quota} share ${share}`);
      assert.ok(Math.abs(Math.max(...times) - (4 * expected - 1) * (1000 / expected)) < 1, 'grants come at the paced rate, not slower');
    }
  });

  it('defaults to half the quota', () => {
    const time = new VirtualTime();
    assert.equal(new TokenBucket({ quotaRps: 50, clock: time.clock, sleep: time.sleep }).pacedRps, 25);
    assert.equal(clampShare(undefined), 0.5);
    assert.equal(clampShare(0), 0.5);
    assert.equal(clampShare(-1), 0.5);
    assert.equal(clampShare(3), 1);
    assert.equal(clampShare(0.25), 0.25);
  });

  it('keeps no credit while idle, so there is no burst after a pause', async () => {
    const time = new VirtualTime();
    const bucket = new TokenBucket({ quotaRps: 20, share: 0.5, clock: time.clock, sleep: time.sleep });
    await grantTimes(time, bucket, 3);
    time.now += 10_000;
    const after = await grantTimes(time, bucket, 10);
    assert.equal(busiestWindow(after), 10);
    assert.equal(after[1] - after[0], 100);
  });

  it('halves its rate after a throttle, ignores throttles of the same burst, and climbs back slowly', async () => {
    const time = new VirtualTime();
    const bucket = new TokenBucket({ quotaRps: 30, share: 0.5, clock: time.clock, sleep: time.sleep, recoverySeconds: 60 });
    await grantTimes(time, bucket, 5);
    bucket.throttled();
    assert.equal(bucket.rate(), 7.5);
    bucket.throttled();
    assert.equal(bucket.rate(), 7.5, 'a second throttle within a second answers the same burst');
    const cutAt = time.now;
    const slow = await grantTimes(time, bucket, 4);
    assert.ok(slow[0] - cutAt >= 1000 / 7.5 - 1, 'the next grant waits one slowed interval');
    assert.ok(slow[1] - slow[0] > 1000 / 15, 'grants are spaced wider than before the throttle');
    assert.ok(Math.abs(bucket.rate(cutAt + 15_000) - 11.25) < 1e-9, 'climbs halfway back in 15 s');
    assert.equal(bucket.rate(cutAt + 30_000), 15, 'back to the paced rate after 30 s');
    assert.equal(bucket.rate(cutAt + 300_000), 15, 'never above the paced rate');
  });

  it('never cuts below its floor', () => {
    const time = new VirtualTime();
    const bucket = new TokenBucket({ quotaRps: 50, share: 0.5, clock: time.clock, sleep: time.sleep, minFraction: 0.1 });
    for (let i = 0; i < 20; i++) {
      bucket.throttled();
      time.now += 1000;
    }
    assert.ok(bucket.rate(time.now - 1000) >= 2.5 - 1e-9);
    assert.ok(bucket.rate(time.now - 1000) < 2.6);
  });

  it('rejects a waiting take as soon as its signal aborts, without using up a grant', async () => {
    const time = new VirtualTime();
    const bucket = new TokenBucket({ quotaRps: 2, share: 0.5, clock: time.clock, sleep: time.sleep });
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    await time.settle();
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.equal(time.now, 0, 'rejected without waiting out the interval');
    const next = await grantTimes(time, bucket, 1);
    assert.deepEqual(next, [1000]);
    await assert.rejects(bucket.take(AbortSignal.abort()), { name: 'AbortError' });
  });
});

describe('backoffDelay', () => {
  const backoff = resolveBackoff({ baseMs: 100, maxMs: 1000 });

  it('doubles from the base, stays in the upper half of its ceiling, and is capped', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 10].map((r) => backoffDelay(r, backoff, () => 0)), [50, 100, 200, 400, 500, 500]);
    assert.deepEqual([0, 1, 2, 3, 4, 10].map((r) => backoffDelay(r, backoff, () => 1)), [100, 200, 400, 800, 1000, 1000]);
    assert.equal(backoffDelay(1, backoff, () => 0.5), 150);
  });

  it('has defaults', () => {
    assert.deepEqual(resolveBackoff(), { baseMs: 250, maxMs: 8000, maxRetries: 6 });
  });
});
