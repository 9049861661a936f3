import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withPoolsHeadStart } from '../../src/cli/head-start.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { ApiCallRecord } from '../../src/gateway/types.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe('head start: the first pool list asked for before the app is loaded', () => {
  it('sends ListUserPools at once, and the store showing the pools sends no second one', async () => {
    const gw = new FakeGateway();
    const start = withPoolsHeadStart(gw);
    const early = start.gateway;
    assert.equal(gw.count('ListUserPools'), 1);
    await start.early;
    const store = createAppStore({ gateway: early, listRows: 20 });
    store.getState().actions.push({ view: 'pools' });
    const pools = () => store.getState().lists[listKey({ kind: 'pools' })] as PagedList<unknown> | undefined;
    await waitFor(() => pools()?.pagesLoaded === 1);
    assert.equal(pools()?.items.length, 2);
    assert.equal(gw.count('ListUserPools'), 1);
    const listed = () => store.getState().api.recent.filter((r) => r.operation === 'ListUserPools').length;
    await waitFor(() => listed() === 1, 5000, 'the early call counted');
  });

  it('asks the gateway again for every later page and refresh', async () => {
    const gw = new FakeGateway();
    const early = withPoolsHeadStart(gw).gateway;
    await early.listUserPools();
    await early.listUserPools();
    await early.listUserPools('token-2');
    assert.deepEqual(gw.calls.filter((c) => c.op === 'ListUserPools').map((c) => c.args[0]), [undefined, undefined, 'token-2']);
  });

  it('gives the first caller the failure exactly as the gateway gave it', async () => {
    const gw = new FakeGateway();
    const denied = new GatewayError({ kind: 'credentials', retryable: false, operation: 'ListUserPools', message: 'The security token included in the request is invalid.' });
    gw.failing.set('ListUserPools', denied);
    const early = withPoolsHeadStart(gw).gateway;
    await assert.rejects(early.listUserPools(), (error) => error === denied);
  });

  it('gives the calls made before anyone listened to the first listener, once, after it has subscribed (as the gateway does, never during the call)', async () => {
    const gw = new FakeGateway();
    const early = withPoolsHeadStart(gw).gateway;
    await early.listUserPools();
    const first: ApiCallRecord[] = [];
    const second: ApiCallRecord[] = [];
    early.subscribeCalls((r) => first.push(r));
    assert.equal(first.length, 0, 'nothing delivered while subscribing (a store subscribes while it is being made)');
    early.subscribeCalls((r) => second.push(r));
    await waitFor(() => first.length === 1);
    assert.deepEqual(first.map((r) => r.operation), ['ListUserPools']);
    assert.equal(second.length, 0);
    await early.listUserPools();
    assert.deepEqual(first.map((r) => r.operation), ['ListUserPools', 'ListUserPools']);
    assert.deepEqual(second.map((r) => r.operation), ['ListUserPools']);
  });

  it('rejects as cancelled when the caller aborts before the answer', async () => {
    const gw = new FakeGateway();
    gw.hold = true;
    const early = withPoolsHeadStart(gw).gateway;
    const leave = new AbortController();
    const answer = early.listUserPools(undefined, { signal: leave.signal });
    leave.abort();
    await assert.rejects(answer, (error) => error instanceof GatewayError && error.kind === 'aborted');
    gw.release();
  });

  it('passes every other method through to the gateway', async () => {
    const gw = new FakeGateway();
    const early = withPoolsHeadStart(gw).gateway;
    assert.equal(early.target, gw.target);
    await early.describeUserPool('us-test-1_Pool1');
    assert.equal(gw.count('DescribeUserPool'), 1);
  });
});
