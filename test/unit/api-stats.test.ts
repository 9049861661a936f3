import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiCallRecord } from '../../src/gateway/types.ts';
import { causeLabel, createCallRecorder, failedAttemptsOf, withCallsRecorded } from '../../src/store/api-stats.ts';
import type { ApiStats, AppState } from '../../src/store/state.ts';
import { logSummary } from '../../src/views/log.tsx';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey, type ListRef } from '../../src/store/routes.ts';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const empty = (): Pick<AppState, 'api' | 'lists'> => ({ api: { calls: 0, failed: 0, throttled: 0, recent: [] }, lists: {} });

const call = (extra: Partial<ApiCallRecord>): ApiCallRecord => ({ operation: 'ListUsers', ms: 5, ok: true, attempts: 1, ...extra });

describe('API stats: retries by cause (item 13)', () => {
  it('counts throttles, 5xx and network errors apart, retried ones and a call\'s last one', () => {
    const api = withCallsRecorded(empty(), [
      call({ attempts: 3, retries: { throttled: 2, server: 0, network: 0 } }),
      call({ attempts: 2, retries: { throttled: 0, server: 1, network: 0 } }),
      call({ ok: false, attempts: 4, retries: { throttled: 0, server: 0, network: 3 }, failedBecause: 'network', errorName: 'ECONNRESET' }),
      call({ ok: false, attempts: 1, failedBecause: 'server', errorName: 'InternalErrorException' }),
    ]).api as ApiStats;
    assert.deepEqual(api.failedAttempts, { throttled: 2, server: 2, network: 4 });
    assert.equal(api.calls, 4);
    assert.equal(api.failed, 2);
    assert.equal(api.throttled, 1, 'only the call that was throttled counts as throttled');
  });

  it('no longer calls a 5xx or a reset retry "throttled"', () => {
    const api = withCallsRecorded(empty(), [
      call({ attempts: 2, retries: { throttled: 0, server: 1, network: 0 } }),
      call({ attempts: 2, retries: { throttled: 0, server: 0, network: 1 } }),
    ]).api as ApiStats;
    assert.equal(api.throttled, 0);
    assert.equal(causeLabel(api.failedAttempts), '5xx 1 · network 1');
  });

  it('adds up across batches', () => {
    const first = withCallsRecorded(empty(), [call({ attempts: 2, retries: { throttled: 1, server: 0, network: 0 } })]);
    const second = withCallsRecorded({ api: first.api as ApiStats, lists: {} }, [call({ ok: false, failedBecause: 'throttled', errorName: 'TooManyRequestsException' })]);
    assert.deepEqual((second.api as ApiStats).failedAttempts, { throttled: 2, server: 0, network: 0 });
  });

  it('an aborted call is counted as aborted, not failed', () => {
    const api = withCallsRecorded(empty(), [call({ ok: false, aborted: true, errorName: 'aborted' })]).api as ApiStats;
    assert.deepEqual([api.failed, api.aborted, api.failedAttempts], [0, 1, undefined]);
  });

  it('labels causes as "throttled 2 · 5xx 1 · network 3", leaving out the zeros', () => {
    assert.equal(causeLabel({ throttled: 2, server: 1, network: 3 }), 'throttled 2 · 5xx 1 · network 3');
    assert.equal(causeLabel({ throttled: 0, server: 0, network: 1 }), 'network 1');
    assert.equal(causeLabel({ throttled: 0, server: 0, network: 0 }), '');
    assert.equal(causeLabel(undefined), '');
  });

  it('failedAttemptsOf: retries plus the last attempt of a call that gave up on a passing cause', () => {
    assert.deepEqual(failedAttemptsOf(call({ ok: false, retries: { throttled: 3, server: 0, network: 0 }, failedBecause: 'throttled' })),
      { throttled: 4, server: 0, network: 0 });
    assert.deepEqual(failedAttemptsOf(call({ ok: false, errorName: 'NotAuthorizedException' })), { throttled: 0, server: 0, network: 0 });
  });

  it('the :log summary names each cause and the aborted calls', () => {
    const api = withCallsRecorded(empty(), [
      call({ attempts: 3, retries: { throttled: 2, server: 0, network: 0 } }),
      call({ ok: false, attempts: 2, retries: { throttled: 0, server: 1, network: 0 }, failedBecause: 'network' }),
      call({ ok: false, aborted: true }),
    ]).api as ApiStats;
    assert.equal(logSummary(api), '3 calls · failed attempts: throttled 2 · 5xx 1 · network 1 · 1 failed · 1 aborted · newest first');
  });

  it('the recorder stamps and batches the calls into the store', async () => {
    let state = { ...empty() } as AppState;
    const record = createCallRecorder({ getState: () => state, setState: (p) => (state = { ...state, ...p }) }, () => 42);
    record(call({ attempts: 2, retries: { throttled: 0, server: 0, network: 1 } }));
    await waitFor(() => state.api.calls === 1, 2000, 'the batch');
    assert.equal(state.api.recent[0].at, 42);
    assert.equal(causeLabel(state.api.failedAttempts), 'network 1');
  });

  it('while G loads, the call counts go into the list\'s own updates (no frame of their own), and are exact once it ends', async () => {
    const pool = 'us-test-1_Pool1';
    const users: ListRef = { kind: 'users', poolId: pool, filter: '' };
    const gw = new FakeGateway();
    gw.users = makeUsers(60 * 120);
    const listUsers = gw.listUsers.bind(gw);
    gw.listUsers = async (...args) => { await new Promise((resolve) => setTimeout(resolve, 4)); return listUsers(...args); };
    const store = createAppStore({ gateway: gw, listRows: 20, paceFollow: false });
    const list = () => store.getState().lists[listKey(users)] as PagedList<unknown> | undefined;
    store.getState().actions.push({ view: 'users', poolId: pool });
    await waitFor(() => list()?.pagesLoaded === 1 && !list()!.loading && store.getState().api.calls === gw.calls.length);
    /** What changed in each run of store updates that one frame draws (those announced before the next microtask). */
    const frames: { lists: boolean; api: boolean }[] = [];
    let frame: { lists: boolean; api: boolean } | undefined;
    store.subscribe((s, prev) => {
      if (prev.lists[listKey(users)]?.followUntil === undefined) return;
      if (!frame) {
        frames.push(frame = { lists: false, api: false });
        queueMicrotask(() => { frame = undefined; });
      }
      frame.lists ||= s.lists !== prev.lists;
      frame.api ||= s.api !== prev.api;
    });
    dispatchKey(store, 'G', 'G');
    await waitFor(() => list()?.complete, 10_000, 'the last page');
    await waitFor(() => store.getState().api.calls === gw.calls.length, 2000, 'every call counted');
    const publishes = frames.filter((f) => f.lists).length;
    const countsAlone = frames.filter((f) => f.api && !f.lists).length;
    assert.ok(publishes >= 3, `${publishes} publishes: the load was too short to tell`);
    assert.equal(countsAlone, 0, `${countsAlone} updates of the call counts alone while G loaded (${publishes} publishes)`);
    assert.equal(store.getState().api.calls, gw.calls.length);
  });
});
