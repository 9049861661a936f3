import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listKey, type ListRef } from '../../../src/store/routes.ts';
import { listsSlice } from '../../../src/store/slices/lists-slice.ts';
import { FakeGateway, makeUsers } from '../../helpers/fake-gateway.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';
import { waitFor } from '../../helpers/wait-for.ts';

const REF: ListRef = { kind: 'users', poolId: 'us-test-1_Pool1', filter: '' };

function setup(users = 150) {
  const gateway = new FakeGateway();
  gateway.users = makeUsers(users);
  const h = sliceHarness(listsSlice, { gateway, state: { eventViews: {}, pendingWrites: undefined } });
  const list = () => h.store.getState().lists[listKey(REF)];
  return { ...h, list, actions: () => h.store.getState().actions };
}

describe('the lists slice', () => {
  it('fetches a page from the list\'s source and asks for the pool\'s details on the first page', async () => {
    const h = setup();
    h.env.kit.ensureList(REF);
    await waitFor(() => list(h)?.pagesLoaded === 1);
    assert.equal(list(h).items.length, 60);
    assert.equal(h.gw.calls.filter((c) => c.op === 'ListUsers').length, 1, 'a first page that fills the page rows fetches no second one');
    assert.ok(h.stubCalls.includes('ensurePool("us-test-1_Pool1")'), h.stubCalls.join(' '));
    assert.ok(h.stubCalls.some((c) => c.startsWith('followSelection(')));
  });

  it('moves the cursor by the rows the list view last drew, and fetches the next page before the cursor gets there', async () => {
    const h = setup();
    h.env.kit.ensureList(REF);
    await waitFor(() => list(h)?.pagesLoaded === 1);
    h.actions().setPageRows(listKey(REF), 25.7);
    assert.equal(h.store.getState().pageRows[listKey(REF)], 25);
    h.actions().cursorTo(REF, 50);
    await waitFor(() => list(h).pagesLoaded === 2);
    assert.equal(list(h).cursor, 50);
    h.actions().moveCursor(REF, 1000);
    assert.equal(list(h).cursor, list(h).items.length - 1, 'clamped to what is loaded');
  });

  it('G loads to the end and esc stops nothing once it is there', async () => {
    const h = setup();
    h.store.setState({ stack: [{ view: 'users', poolId: REF.poolId }], searches: {} } as never);
    h.env.kit.ensureList(REF);
    await waitFor(() => list(h)?.pagesLoaded === 1);
    h.actions().loadToEnd(REF);
    await waitFor(() => list(h).complete);
    assert.equal(list(h).items.length, 150);
    assert.equal(list(h).cursor, 149);
    assert.equal(h.actions().stopLoading(), false);
  });
});

function list(h: ReturnType<typeof setup>) {
  return h.list();
}
