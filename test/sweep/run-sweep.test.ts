import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { GatewayErrorKind } from '../../src/gateway/errors.ts';
import { startSweep } from '../../src/sweep/run-sweep.ts';
import type { SweepFinding, SweepOptions, SweepProgress } from '../../src/sweep/types.ts';
import { busiestWindow, sweepEvent, SweepGateway, sweepUsers, throttle } from './sweep-gateway.ts';
import { VirtualTime } from './virtual-time.ts';

const POOL = 'us-test-1_Sweep';

function failure(kind: GatewayErrorKind, message: string, operation = 'AdminListUserAuthEvents'): GatewayError {
  return new GatewayError({ kind, retryable: false, message, operation });
}

/** A world of `users` users; every seventh has a High-risk takeover among quiet events. */
function world(users: number, latencyMs = 0) {
  const time = new VirtualTime();
  const gateway = new SweepGateway(time);
  gateway.users = sweepUsers(users);
  gateway.latencyMs = latencyMs;
  gateway.users.forEach((u, i) => {
    const quiet = [sweepEvent(`${u.username}-a`), sweepEvent(`${u.username}-b`)];
    gateway.events.set(u.username, i % 7 === 3
      ? [quiet[0], sweepEvent(`${u.username}-ato`, { riskLevel: 'High', riskDecision: 'AccountTakeover', response: 'Fail' }), quiet[1]]
      : quiet);
  });
  const progress: SweepProgress[] = [];
  const findings: { finding: SweepFinding; scannedBefore: number }[] = [];
  const start = (options: Partial<SweepOptions> = {}) => startSweep({
    gateway, poolId: POOL, clock: time.clock, sleep: time.sleep, random: () => 0.5,
    onProgress: (p) => progress.push(p),
    onFinding: (finding) => findings.push({ finding, scannedBefore: progress.at(-1)?.usersScanned ?? 0 }),
    ...options,
  });
  const eventCalls = () => gateway.calls.filter((c) => c.op === 'AdminListUserAuthEvents');
  const listCalls = () => gateway.calls.filter((c) => c.op === 'ListUsers');
  return { time, gateway, progress, findings, start, eventCalls, listCalls };
}

describe('startSweep', () => {
  it('reads every user once and streams each user with risky events, with only those events', async () => {
    const w = world(200);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'done');
        assert.equal(summary.error, undefined);
    assert.equal(summary.usersScanned, 200);
    assert.equal(summary.usersListed, 200);
    assert.equal(summary.usersEstimated, 200);
    const risky = w.gateway.users.filter((_, i) => i % 7 === 3).map((u) => u.username);
    assert.deepEqual(summary.findings.map((f) => f.user.username).sort(), risky);
    for (const f of summary.findings) {
      assert.deepEqual(f.events.map((e) => e.id), [`${f.user.username}-ato`]);
      assert.equal(f.eventsRead, 3);
    }
    assert.equal(summary.riskyEvents, risky.length);
    assert.equal(summary.riskyUsers, risky.length);
    assert.equal(summary.eventsRead, 200 * 2 + risky.length);
    const perUser = new Map<string, number>();
    for (const c of w.eventCalls()) perUser.set(c.username!, (perUser.get(c.username!) ?? 0) + 1);
    assert.equal(perUser.size, 200);
    assert.ok([...perUser.values()].every((n) => n === 1), 'one AdminListUserAuthEvents per user');
    assert.equal(w.listCalls().length, 4);
    assert.equal(summary.calls, 204);
    assert.equal(w.findings.length, risky.length);
    assert.ok(w.findings[0].scannedBefore < 50, 'the first finding arrives long before the sweep ends');
    assert.ok(w.progress.some((p) => p.phase === 'running' && p.riskyEvents > 0 && p.usersScanned < 200), 'progress counts risky events as it goes');
    assert.equal(w.progress.at(-1)?.phase, 'done');
  });

  it('never sends more calls in a simulated second than the share of each quota, and keeps up that rate', async () => {
    for (const share of [0.5, 0.2]) {
      const w = world(300, 40);
      const summary = await w.time.run(w.start({ share }).done);
      assert.equal(summary.usersScanned, 300);
      const eventsRate = 50 * share;
      assert.ok(busiestWindow(w.eventCalls().map((c) => c.at)) <= eventsRate, `events at share ${share}`);
      assert.ok(busiestWindow(w.listCalls().map((c) => c.at)) <= 30 * share, `ListUsers at share ${share}`);
      assert.ok(summary.elapsedMs <= (300 / eventsRate) * 1000 + 200, `finished in ${summary.elapsedMs} ms at ${eventsRate}/s`);
      assert.ok(summary.elapsedMs >= ((300 - 1) / eventsRate) * 1000, 'not faster than the paced rate');
    }
  });

  it('passes the filter to every ListUsers call and reads only the users it returns', async () => {
    const w = world(300);
    const summary = await w.time.run(w.start({ filter: 'username ^= "u01"' }).done);
    assert.ok(w.listCalls().length >= 2);
    assert.ok(w.listCalls().every((c) => c.filter === 'username ^= "u01"' && c.poolId === POOL));
    assert.equal(summary.usersScanned, 100);
    assert.ok(w.eventCalls().every((c) => c.username!.startsWith('u01') && c.poolId === POOL));
  });

  it('sends no filter for an empty one', async () => {
    const w = world(10);
    await w.time.run(w.start({ filter: '  ' }).done);
    assert.equal(w.listCalls()[0].filter, undefined);
  });

  it('backs off and retries a throttled call, slowing its category, and counts the throttles', async () => {
    const w = world(60);
    w.gateway.fail = (call, calls) => {
      const earlier = calls.filter((c) => c.op === call.op && c.username === call.username).length;
      if (call.username === 'u0005' && earlier <= 3) return throttle(call.op);
      if (call.op === 'ListUsers' && calls.length === 1) return throttle(call.op);
      return undefined;
    };
    const summary = await w.time.run(w.start({ backoff: { baseMs: 200, maxMs: 400 }, concurrency: 1 }).done);
    assert.equal(summary.phase, 'done');
    assert.equal(summary.throttled, 4);
    assert.equal(summary.errors, 0);
    assert.equal(summary.usersScanned, 60);
    assert.equal(summary.calls, 2 + 60 + 3);
    const attempts = w.eventCalls().filter((c) => c.username === 'u0005').map((c) => c.at);
    assert.equal(attempts.length, 4);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]);
    const slowestInterval = 1000 / 6.25;
    assert.ok(gaps[0] >= 150 && gaps[1] >= 300 && gaps[2] >= 300, `back-off grows: ${gaps.join(', ')}`);
    assert.ok(gaps[0] <= 150 + slowestInterval && gaps[1] <= 300 + slowestInterval, `back-off doubles: ${gaps.join(', ')}`);
    assert.ok(gaps[2] <= 300 + slowestInterval, `back-off is capped: ${gaps.join(', ')}`);
    const recovered = attempts[3];
    const after = w.eventCalls().filter((c) => c.at >= recovered && c.at < recovered + 1000).map((c) => c.at);
    assert.ok(after.length > 1 && busiestWindow(after) <= 14, `the category runs near half its rate (12.5/s, climbing) after a throttle: ${after.length}`);
    assert.ok(w.progress.some((p) => p.phase === 'backing-off' && p.throttled > 0));
  });

  it('backs off and retries a retryable server or network failure without counting it as a throttle', async () => {
    const w = world(30);
    w.gateway.fail = (call, calls) => {
      const earlier = calls.filter((c) => c.op === call.op && c.username === call.username && c.token === call.token).length;
      if (call.username === 'u0004' && earlier === 1) {
        return new GatewayError({ kind: 'server', retryable: true, message: 'Cognito had an internal error.', operation: call.op });
      }
      if (call.op === 'ListUsers' && earlier === 1) return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return undefined;
    };
    const summary = await w.time.run(w.start({ backoff: { baseMs: 200, maxMs: 400 }, concurrency: 1 }).done);
    assert.equal(summary.phase, 'done');
    assert.equal(summary.errors, 0);
    assert.equal(summary.throttled, 0);
    assert.equal(summary.usersScanned, 30);
    assert.equal(summary.calls, 2 + 30 + 1);
    const attempts = w.eventCalls().filter((c) => c.username === 'u0004').map((c) => c.at);
    assert.equal(attempts.length, 2);
    assert.ok(attempts[1] - attempts[0] >= 100, `waited before the retry: ${attempts[1] - attempts[0]} ms`);
  });

  it('does not retry a failure that is not retryable', async () => {
    const w = world(10);
    w.gateway.fail = (call) => (call.username === 'u0002' ? failure('server', 'Cognito answered with HTTP 501.') : undefined);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.errors, 1);
    assert.equal(w.eventCalls().filter((c) => c.username === 'u0002').length, 1);
  });

  it('reads an unclassified failure as the gateway would', async () => {
    const w = world(5);
    w.gateway.fail = (call) => (call.username === 'u0001' ? Object.assign(new Error('boom'), { name: 'UserNotFoundException' }) : undefined);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.errors, 1);
    assert.equal(summary.lastError, 'u0001: No such user in this pool. Check the username, email or sub.');
  });

  it('counts a user as failed when throttling outlasts the retries, and goes on', async () => {
    const w = world(20);
    w.gateway.fail = (call) => (call.username === 'u0002' ? throttle(call.op) : undefined);
    const summary = await w.time.run(w.start({ backoff: { baseMs: 10, maxMs: 40, maxRetries: 2 } }).done);
    assert.equal(summary.phase, 'done');
    assert.equal(summary.throttled, 3);
    assert.equal(summary.errors, 1);
    assert.equal(summary.usersScanned, 20);
    assert.match(summary.lastError ?? '', /^u0002: Cognito throttled/);
  });

  it('counts and reports an error on one user and reads the others', async () => {
    const w = world(50);
    w.gateway.fail = (call) => (call.username === 'u0003' ? failure('not-found', 'No such user in this pool.') : undefined);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'done');
    assert.equal(summary.errors, 1);
    assert.equal(summary.lastError, 'u0003: No such user in this pool.');
    assert.equal(summary.usersScanned, 50);
    assert.ok(!summary.findings.some((f) => f.user.username === 'u0003'));
    assert.ok(summary.findings.some((f) => f.user.username === 'u0010'));
    assert.ok(w.progress.some((p) => p.errors === 1 && p.lastError === 'u0003: No such user in this pool.' && p.phase === 'running'));
  });

  it('stops when every user fails in a row', async () => {
    const w = world(100);
    w.gateway.fail = (call) => (call.op === 'AdminListUserAuthEvents' ? failure('network', 'Lost the connection.') : undefined);
    const summary = await w.time.run(w.start({ maxConsecutiveErrors: 5, concurrency: 1 }).done);
    assert.equal(summary.phase, 'failed');
    assert.equal(summary.errors, 5);
    assert.equal(w.eventCalls().length, 5);
    assert.equal(summary.error?.kind, 'network');
    assert.match(summary.error?.message ?? '', /Stopped after 5 users in a row failed\. Last: Lost the connection\./);
  });

  it('stops with the error when ListUsers fails, and sends nothing after', async () => {
    const w = world(200);
    w.gateway.fail = (call) => (call.op === 'ListUsers' && call.token === '60' ? failure('invalid-input', 'Pagination token expired.', 'ListUsers') : undefined);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'failed');
        assert.equal(summary.error?.message, 'Pagination token expired.');
    assert.equal(summary.error?.operation, 'ListUsers');
    const sent = w.gateway.calls.length;
    await w.time.drain();
    assert.equal(w.gateway.calls.length, sent);
    assert.ok(summary.usersScanned < 200);
  });

  it('stops at the first events call of a pool without threat protection', async () => {
    const w = world(200);
    const off = failure('threat-protection-off', 'This pool has threat protection off, so Cognito records no authentication events.');
    w.gateway.fail = (call) => (call.op === 'AdminListUserAuthEvents' ? off : undefined);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'failed');
    assert.equal(summary.error, off);
    assert.equal(summary.errors, 0);
    assert.equal(w.eventCalls().length, 1, 'paced calls: the first answer stops the rest');
  });

  it('cancels promptly: nothing sent after, answers in flight dropped, done says cancelled', async () => {
    const w = world(300, 300);
    for (const u of w.gateway.users) w.gateway.events.set(u.username, [sweepEvent(`${u.username}-x`, { riskLevel: 'High' })]);
    const handle = w.start({ share: 1 });
    await w.time.runUntil(() => (w.progress.at(-1)?.usersScanned ?? 0) >= 20);
    const inFlight = w.gateway.calls.length - w.gateway.answered.length;
    assert.ok(inFlight > 0, 'calls are in flight when cancelling');
    const sentAtCancel = w.gateway.calls.length;
    const findingsAtCancel = w.findings.length;
    const cancelledAt = w.time.now;
    handle.cancel();
    const summary = await w.time.run(handle.done);
    assert.equal(w.time.now, cancelledAt, 'done resolved without waiting for the calls in flight');
    assert.equal(summary.phase, 'cancelled');
    assert.equal(summary.error, undefined);
    const emitted = w.progress.length;
    await w.time.drain();
    assert.equal(w.gateway.answered.length, w.gateway.calls.length, 'the calls in flight were answered later');
    assert.equal(w.gateway.calls.length, sentAtCancel, 'no call after cancel');
    assert.equal(w.findings.length, findingsAtCancel, 'answers after cancel are dropped');
    assert.equal(summary.findings.length, findingsAtCancel);
    assert.equal(w.progress.length, emitted, 'no progress after the final one');
    assert.equal(w.progress.at(-1)?.phase, 'cancelled');
    handle.cancel();
  });

  it('sends nothing when cancelled straight away', async () => {
    const w = world(10);
    const handle = w.start();
    handle.cancel();
    const summary = await w.time.run(handle.done);
    assert.equal(summary.phase, 'cancelled');
    assert.equal(w.gateway.calls.length, 0);
  });

  it('stops listing at maxUsers and estimates from it', async () => {
    const w = world(500);
    const handle = w.start({ maxUsers: 130, estimatedUsers: 500 });
    await w.time.runUntil(() => w.progress.length > 0);
    assert.equal(w.progress[0].usersEstimated, 130);
    const summary = await w.time.run(handle.done);
    assert.equal(summary.usersScanned, 130);
    assert.equal(w.listCalls().length, 3);
    assert.equal(w.eventCalls().length, 130);
  });

  it('shows the pool estimate until listing ends, then the real count', async () => {
    const w = world(90);
    const handle = w.start({ estimatedUsers: 100 });
    await w.time.runUntil(() => w.progress.length > 0);
    assert.equal(w.progress[0].usersEstimated, 100);
    assert.equal((await w.time.run(handle.done)).usersEstimated, 90);
  });

  it('reads one page of events per user unless asked for more', async () => {
    const w = world(5);
    w.gateway.events.set('u0001', Array.from({ length: 150 }, (_, i) => sweepEvent(`e${i}`, { response: i === 100 ? 'Fail' : 'Pass' })));
    const first = await w.time.run(w.start().done);
    assert.equal(w.eventCalls().filter((c) => c.username === 'u0001').length, 1);
    assert.ok(!first.findings.some((f) => f.user.username === 'u0001'), 'the failure on page two was not read');
    w.gateway.calls.length = 0;
    const deeper = await w.time.run(w.start({ eventsPerUser: 120 }).done);
    assert.equal(w.eventCalls().filter((c) => c.username === 'u0001').length, 2);
    assert.deepEqual(deeper.findings.find((f) => f.user.username === 'u0001')?.events.map((e) => e.id), ['e100']);
    assert.equal(deeper.findings.find((f) => f.user.username === 'u0001')?.eventsRead, 120);
  });
});

describe('a sweep against a server that keeps failing or paging for ever', () => {
  const serverError = (operation: string) => new GatewayError({ kind: 'server', retryable: true, message: `Cognito failed (500) on ${operation}.`, operation });
  const networkError = (operation: string) => new GatewayError({ kind: 'network', retryable: true, message: `Could not reach Cognito for ${operation}.`, operation });

  it('stops after 10 failed calls in a row (endpoint down) and says why, instead of backing off for ever', async () => {
    const w = world(500);
    w.gateway.fail = (call) => (call.op === 'AdminListUserAuthEvents' ? networkError(call.op) : undefined);
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'failed');
    assert.match(summary.error?.message ?? '', /^Stopped: the last 10 calls all failed \(network errors\)\. Last: Could not reach Cognito/);
    assert.ok(w.eventCalls().length <= 10 + 8, `${w.eventCalls().length} event calls: at most the 10 failures and the reads already in flight`);
    assert.ok(summary.elapsedMs < 10_000, `stopped after ${summary.elapsedMs} simulated ms`);
    const sent = w.gateway.calls.length;
    await w.time.drain();
    assert.equal(w.gateway.calls.length, sent, 'nothing is sent after the stop');
  });

  it('counts retries by cause: throttled, 5xx and network apart', async () => {
    const w = world(30);
    const plan = new Map([['u0001', throttle], ['u0002', serverError], ['u0003', networkError], ['u0004', serverError]]);
    const failedOnce = new Set<string>();
    w.gateway.fail = (call) => {
      const make = call.username ? plan.get(call.username) : undefined;
      if (!make || failedOnce.has(call.username!)) return undefined;
      failedOnce.add(call.username!);
      return make(call.op);
    };
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'done');
    assert.deepEqual([summary.throttled, summary.serverErrors, summary.networkErrors, summary.errors], [1, 2, 1, 0]);
    const causes = new Set(w.progress.filter((p) => p.phase === 'backing-off').map((p) => p.backoffCause));
    assert.deepEqual([...causes].sort(), ['network', 'server', 'throttled']);
  });

  it('stops a ListUsers walk of empty pages after 10 and says so', async () => {
    const w = world(100);
    w.gateway.listUsers = async (poolId, filter, token) => {
      w.gateway.calls.push({ op: 'ListUsers', at: w.time.now, poolId, filter, token });
      return { items: [], nextToken: `next-${w.listCalls().length}` };
    };
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'failed');
    assert.equal(w.listCalls().length, 10);
    assert.match(summary.error?.message ?? '', /ListUsers kept returning empty pages \(10 in a row\), so the sweep stopped; esc, then s starts a new sweep/);
  });

  it('ends a ListUsers walk at once when a token comes back, reading the users it was given', async () => {
    const w = world(100);
    const page = w.gateway.listUsers.bind(w.gateway);
    w.gateway.listUsers = async (poolId, filter, token) => ({ ...(await page(poolId, filter, token)), nextToken: 'loop' });
    const summary = await w.time.run(w.start().done);
    assert.equal(w.listCalls().length, 2);
    assert.equal(summary.phase, 'failed');
    assert.match(summary.error?.message ?? '', /ListUsers repeated a page token/);
  });

  it('fails one user whose events page for ever, and goes on with the others', async () => {
    const w = world(20);
    const read = w.gateway.listAuthEvents.bind(w.gateway);
    w.gateway.listAuthEvents = async (poolId, username, token) => {
      if (username !== 'u0005') return read(poolId, username, token);
      w.gateway.calls.push({ op: 'AdminListUserAuthEvents', at: w.time.now, poolId, username, token });
      return { items: [], nextToken: `e-${w.eventCalls().length}` };
    };
    const summary = await w.time.run(w.start().done);
    assert.equal(summary.phase, 'done');
    assert.equal(summary.errors, 1);
    assert.equal(w.eventCalls().filter((c) => c.username === 'u0005').length, 10);
    assert.match(summary.lastError ?? '', /^u0005: AdminListUserAuthEvents kept returning empty pages/);
  });
});
