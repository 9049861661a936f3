import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flashSlice } from '../../../src/store/slices/flash-slice.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';
import { waitFor } from '../../helpers/wait-for.ts';

describe('the flash slice', () => {
  it('shows a message with the stack it was raised on, and clears it after its time', async () => {
    const h = sliceHarness(flashSlice, { deps: { flashMs: 20 } });
    h.store.getState().actions.flash('info', 'hello');
    assert.equal(h.store.getState().flash?.text, 'hello');
    assert.deepEqual(h.store.getState().flash?.stack, [{ view: 'pools' }]);
    await waitFor(() => h.store.getState().flash === undefined, 2000);
  });

  it('a newer message is not cleared by the older one\'s timer; an error stays three times as long', async () => {
    const h = sliceHarness(flashSlice, { deps: { flashMs: 30 } });
    h.store.getState().actions.flash('info', 'first');
    h.store.getState().actions.flash('error', 'second');
    const shownAt = performance.now();
    await waitFor(() => h.store.getState().flash === undefined, 2000);
    assert.ok(performance.now() - shownAt >= 85, 'the error outlived the info message\'s time');
  });
});
