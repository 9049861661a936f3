import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sweepSlice } from '../../../src/store/slices/sweep-slice.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';

describe('the sweep slice', () => {
  it('a sweep needs a pool, and an export needs findings: each says so and sends nothing', () => {
    const h = sliceHarness(sweepSlice, { state: { pools: {} } });
    h.store.getState().actions.askSweep();
    h.store.getState().actions.exportFindings('json');
    assert.match(h.flashes[0], /Open a pool first/);
    assert.match(h.flashes[1], /run one first/);
    assert.equal(h.gw.calls.length, 0);
    assert.deepEqual(h.store.getState().sweeps, {});
  });

  it('copying with nothing selected says so', () => {
    const h = sliceHarness(sweepSlice, { state: { lists: {}, eventViews: {}, searches: {} } });
    h.store.getState().actions.copySelected();
    assert.deepEqual(h.flashes, ['warn: Nothing selected to copy.']);
  });
});
