import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navigationSlice } from '../../../src/store/slices/navigation-slice.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';

const POOL = 'us-test-1_Pool1';

describe('the navigation slice', () => {
  it('entering a view loads what its spec says, and back stops the loads of the view it leaves', () => {
    const h = sliceHarness(navigationSlice, { state: { searches: {}, lists: {}, risk: {}, pools: {}, helpOpen: false } });
    const { push, back } = h.store.getState().actions;
    push({ view: 'users', poolId: POOL });
    assert.ok(h.stubCalls.includes(`ensureList({"kind":"users","poolId":"${POOL}","filter":""})`), h.stubCalls.join(' '));
    push({ view: 'risk', poolId: POOL });
    assert.ok(h.stubCalls.includes(`ensureRisk("${POOL}")`), 'the risk view asks for the pool\'s configuration');
    back();
    assert.deepEqual(h.store.getState().stack, [{ view: 'pools' }, { view: 'users', poolId: POOL }]);
    back();
    back();
    assert.deepEqual(h.store.getState().stack, [{ view: 'pools' }], 'the first view stays');
  });

  it('a deep link stacks pools, users, the user and their events', () => {
    const h = sliceHarness(navigationSlice, { state: { searches: {}, lists: {}, risk: {}, pools: {}, helpOpen: false } });
    h.store.getState().actions.openDeepLink(POOL, 'maria');
    assert.deepEqual(h.store.getState().stack.map((r) => r.view), ['pools', 'users', 'user', 'events']);
  });

  it('scrolls a detail view never above the top, and moves the user view\'s focus between its panes', () => {
    const h = sliceHarness(navigationSlice);
    const { scrollDetail, switchUserPane } = h.store.getState().actions;
    scrollDetail(-3);
    assert.equal(h.store.getState().detailScroll, 0);
    scrollDetail(4.7);
    assert.equal(h.store.getState().detailScroll, 4);
    switchUserPane();
    assert.equal(h.store.getState().userPane, 'devices');
  });
});
