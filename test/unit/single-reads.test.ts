import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { readOf } from '../../src/store/single-reads.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const ref = { kind: 'appClient', poolId: POOL, clientId: 'c1' } as const;

function setup() {
  const gw = new FakeGateway();
  const store = createAppStore({ gateway: gw, flashMs: 60_000 });
  store.getState().actions.push({ view: 'clients', poolId: POOL });
  return { gw, store, read: () => readOf(store.getState(), ref) };
}

describe('single reads (an app client\'s details)', () => {
  it('opening the view reads once; opening it again reads nothing; r reads again and keeps the value meanwhile', async () => {
    const { gw, store, read } = setup();
    store.getState().actions.push({ view: 'client', poolId: POOL, clientId: 'c1' });
    await waitFor(() => read()?.value !== undefined, 2000, 'the read');
    assert.equal(read()?.value?.name, 'web');
    store.getState().actions.back();
    store.getState().actions.push({ view: 'client', poolId: POOL, clientId: 'c1' });
    assert.equal(gw.count('DescribeUserPoolClient'), 1);
    gw.hold = true;
    store.getState().actions.refresh();
    assert.equal(read()?.loading, true);
    assert.equal(read()?.value?.name, 'web', 'the value stays on screen while it reloads');
    gw.hold = false;
    gw.release();
    await waitFor(() => read()?.loading === false, 2000, 'the reload');
    assert.equal(gw.count('DescribeUserPoolClient'), 2);
  });

  it('leaving the view aborts its read and leaves no error: opening it again reads again', async () => {
    const { gw, store, read } = setup();
    gw.hold = true;
    store.getState().actions.push({ view: 'client', poolId: POOL, clientId: 'c1' });
    assert.equal(read()?.loading, true);
    store.getState().actions.back();
    await waitFor(() => gw.aborted('DescribeUserPoolClient') === 1, 2000, 'the abort');
    await waitFor(() => read()?.loading === false, 2000, 'the read to settle');
    assert.equal(read()?.error, undefined);
    gw.hold = false;
    store.getState().actions.push({ view: 'client', poolId: POOL, clientId: 'c1' });
    await waitFor(() => read()?.value !== undefined, 2000, 'the second read');
    assert.equal(gw.count('DescribeUserPoolClient'), 2);
  });

  it('a failed read keeps its error; r asks again and clears it', async () => {
    const { gw, store, read } = setup();
    gw.failing.set('DescribeUserPoolClient', new GatewayError({ kind: 'permission', retryable: false, message: 'Not allowed to call DescribeUserPoolClient', operation: 'DescribeUserPoolClient' }));
    store.getState().actions.push({ view: 'client', poolId: POOL, clientId: 'c1' });
    await waitFor(() => read()?.error !== undefined, 2000, 'the failure');
    assert.equal(read()?.error?.kind, 'permission');
    gw.failing.clear();
    store.getState().actions.refresh();
    await waitFor(() => read()?.value !== undefined, 2000, 'the retry');
    assert.equal(read()?.error, undefined);
  });
});
