import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { riskKey } from '../../../src/store/routes.ts';
import { resourcesSlice } from '../../../src/store/slices/resources-slice.ts';
import { FakeGateway } from '../../helpers/fake-gateway.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';
import { waitFor } from '../../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';

/** A fake whose pools have threat protection OFF. */
function offGateway(): FakeGateway {
  const gw = new FakeGateway();
  const describe = gw.describeUserPool.bind(gw);
  return Object.assign(gw, { describeUserPool: (id: string) => describe(id).then((p) => ({ ...p, threatProtection: 'OFF' })) }) as FakeGateway;
}

describe('the resources slice', () => {
  it('reads a pool\'s details once however often it is asked, and again only when forced', async () => {
    const h = sliceHarness(resourcesSlice);
    const { ensurePool } = h.store.getState().actions;
    ensurePool(POOL);
    ensurePool(POOL);
    await waitFor(() => h.store.getState().pools[POOL]?.value !== undefined);
    ensurePool(POOL);
    assert.equal(h.gw.count('DescribeUserPool'), 1);
    ensurePool(POOL, true);
    await waitFor(() => h.gw.count('DescribeUserPool') === 2);
  });

  it('asks for a risk configuration after the pool\'s details, and never with threat protection OFF', async () => {
    const on = sliceHarness(resourcesSlice, { state: { stack: [{ view: 'risk', poolId: POOL }] } });
    on.store.getState().actions.ensureRisk(POOL);
    await waitFor(() => on.store.getState().risk[riskKey(POOL, undefined)]?.value !== undefined);
    const off = sliceHarness(resourcesSlice, { gateway: offGateway(), state: { stack: [{ view: 'risk', poolId: POOL }] } });
    off.store.getState().actions.ensureRisk(POOL);
    await waitFor(() => off.store.getState().pools[POOL]?.value !== undefined);
    off.store.getState().actions.ensureRisk(POOL);
    assert.equal(off.gw.count('DescribeRiskConfiguration'), 0);
  });

  it('c opens the pool\'s risk view', () => {
    const h = sliceHarness(resourcesSlice);
    h.store.getState().actions.openRisk(POOL);
    assert.deepEqual(h.stubCalls, [`push({"view":"risk","poolId":"${POOL}"})`]);
  });
});
