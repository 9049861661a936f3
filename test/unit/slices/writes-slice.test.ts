import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writesSlice } from '../../../src/store/slices/writes-slice.ts';
import { withInFlight } from '../../../src/writes/in-flight.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';

describe('the writes slice', () => {
  it('quits at once with nothing in flight, stopping every load', () => {
    const h = sliceHarness(writesSlice);
    h.store.getState().actions.quit();
    assert.equal(h.store.getState().quitting, true);
    assert.deepEqual(h.stubCalls, ['stopLeftLoads(true)']);
  });

  it('asks for a second q while a write is in flight, saying how many', () => {
    const h = sliceHarness(writesSlice);
    const pending = withInFlight(h.store.getState().pendingWrites,
      { poolId: 'p', username: 'maria', operation: 'AdminDisableUser', write: 'disable', label: 'Disable maria', phase: 'sending' });
    h.store.setState({ pendingWrites: pending });
    h.store.getState().actions.quit();
    assert.equal(h.store.getState().quitting, false);
    assert.match(h.flashes.join('\n'), /1 write is still being sent/);
    h.store.getState().actions.quit();
    assert.equal(h.store.getState().quitting, true);
  });

  it('starts with nothing in flight and an empty log of actions', () => {
    const h = sliceHarness(writesSlice);
    assert.equal(h.store.getState().actionLog.length, 0);
    assert.equal(h.store.getState().failedWrite, undefined);
  });
});
