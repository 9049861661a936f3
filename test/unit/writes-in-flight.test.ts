import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allInFlight, eventValuesBeingSent, inFlightAt, NO_WRITES_IN_FLIGHT, withInFlight, withoutInFlight, type InFlightWrite,
} from '../../src/writes/in-flight.ts';

const POOL = 'eu-west-1_AbC';
const disable: InFlightWrite = { poolId: POOL, username: 'maria', operation: 'AdminDisableUser', write: 'disable', label: 'Disable maria', phase: 'sending' };
const feedback = (eventId: string, phase: InFlightWrite['phase'] = 'sending'): InFlightWrite => ({
  poolId: POOL, username: 'maria', eventId, operation: 'AdminUpdateAuthEventFeedback', write: 'feedback Invalid', value: 'Invalid', label: `Mark ${eventId} Invalid`, phase,
});

describe('writes in flight', () => {
  it('keeps a user write and the writes on their events apart, each at its own place', () => {
    const w = [disable, feedback('e-1'), feedback('e-2')].reduce(withInFlight, NO_WRITES_IN_FLIGHT);
    assert.equal(inFlightAt(w, { poolId: POOL, username: 'maria' }), disable);
    assert.equal(inFlightAt(w, { poolId: POOL, username: 'maria', eventId: 'e-2' })?.label, 'Mark e-2 Invalid');
    assert.equal(inFlightAt(w, { poolId: POOL, username: 'bob' }), undefined);
    assert.deepEqual(allInFlight(w).map((x) => x.label), ['Disable maria', 'Mark e-1 Invalid', 'Mark e-2 Invalid']);
  });

  it('tells names apart that a joined key would confuse', () => {
    const odd = { ...disable, poolId: `${POOL}\u0000maria`, username: '' };
    const w = withInFlight(NO_WRITES_IN_FLIGHT, odd);
    assert.equal(inFlightAt(w, { poolId: POOL, username: 'maria' }), undefined);
    assert.equal(inFlightAt(w, { poolId: `${POOL}\u0000maria`, username: '' }), odd);
  });

  it('drops empty places when a write settles, and leaves the state as it was', () => {
    const one = withInFlight(NO_WRITES_IN_FLIGHT, feedback('e-1'));
    const none = withoutInFlight(one, { poolId: POOL, username: 'maria', eventId: 'e-1' });
    assert.equal(none.size, 0);
    assert.equal(one.size, 1, 'the earlier state is not changed');
    assert.equal(withoutInFlight(none, disable), none);
  });

  it('shows on rows only feedback still being sent, not one being read back', () => {
    const w = [feedback('e-1'), feedback('e-2', 'reading-back')].reduce(withInFlight, NO_WRITES_IN_FLIGHT);
    assert.deepEqual([...eventValuesBeingSent(w, POOL, 'maria')], [['e-1', 'Invalid']]);
  });
});
