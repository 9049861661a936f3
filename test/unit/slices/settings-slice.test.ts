import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingsSlice } from '../../../src/store/slices/settings-slice.ts';
import { FakeGateway } from '../../helpers/fake-gateway.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';
import { waitFor } from '../../helpers/wait-for.ts';

describe('the settings slice', () => {
  it('starts from the session\'s switches and the gateway\'s target', () => {
    const h = sliceHarness(settingsSlice, { deps: { readOnly: true, timeZone: 'local' } });
    assert.equal(h.store.getState().readOnly, true);
    assert.equal(h.store.getState().timeZone, 'local');
    assert.deepEqual(h.store.getState().target, { region: 'us-test-1' });
  });

  it('counts the calls of the gateway in use, and after a switch those of the new one only', async () => {
    const next = new FakeGateway();
    const h = sliceHarness(settingsSlice, { deps: { connect: () => next }, state: { lists: {} } });
    await h.gw.listUserPools();
    await waitFor(() => h.store.getState().api.calls === 1);
    assert.equal(h.env.shared.switchTarget({ region: 'eu-west-1' }), undefined);
    assert.ok(h.stubCalls.includes('stopLeftLoads(true)') && h.stubCalls.includes('reset([{"view":"pools"}])'), h.stubCalls.join(' '));
    await h.gw.listUserPools();
    await next.listUserPools();
    await waitFor(() => h.store.getState().api.calls === 2);
    assert.equal(h.env.kit.gw, next);
  });

  it('a session that cannot switch says why', () => {
    const h = sliceHarness(settingsSlice);
    assert.match(h.env.shared.switchTarget({ region: 'eu-west-1' }) ?? '', /cannot switch/);
  });
});
