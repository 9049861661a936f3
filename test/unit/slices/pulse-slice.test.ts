import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../src/gateway/errors.ts';
import type { RiskPulseData, RiskPulseRequest } from '../../../src/gateway/types.ts';
import { pulseData, pulseWord } from '../../../src/store/risk-pulse.ts';
import { pulseSlice } from '../../../src/store/slices/pulse-slice.ts';
import { FakeGateway } from '../../helpers/fake-gateway.ts';
import { sliceHarness } from '../../helpers/slice-harness.ts';
import { waitFor } from '../../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const NOW = Date.UTC(2026, 10, 28, 12, 3, 20);

/** A fake gateway whose riskPulse answers `answer` and records each request. */
function withPulse(answer: (r: RiskPulseRequest) => Promise<RiskPulseData>) {
  const gw = new FakeGateway();
  const asked: RiskPulseRequest[] = [];
  Object.assign(gw, { riskPulse: (r: RiskPulseRequest) => { asked.push(r); return answer(r); } });
  return { gw, asked };
}

const series = (ato: number[]) => (r: RiskPulseRequest): Promise<RiskPulseData> => Promise.resolve({
  startMs: r.startMs, endMs: r.endMs, periodSeconds: r.periodSeconds,
  series: [
    { metric: 'AccountTakeoverRisk', points: ato.map((value, i) => ({ at: r.endMs - (ato.length - i) * 300_000, value })) },
    { metric: 'CompromisedCredentialRisk', points: [] },
    { metric: 'OverrideBlock', points: [] },
  ],
});

describe('pulse slice', () => {
  it('with data: asks for the 24 h ending at the start of the current 5-minute period, and keeps the answer', async () => {
    const { gw, asked } = withPulse(series([0, 3, 9]));
    const h = sliceHarness(pulseSlice, { gateway: gw, deps: { now: () => NOW } });
    h.store.getState().actions.loadPulse(POOL);
    assert.equal(h.store.getState().pulses[POOL].status, 'loading');
    await waitFor(() => h.store.getState().pulses[POOL].status === 'ready');
    const end = Date.UTC(2026, 10, 28, 12, 0, 0);
    assert.deepEqual(asked, [{ poolId: POOL, startMs: end - 86_400_000, endMs: end, periodSeconds: 300 }]);
    const pulse = h.store.getState().pulses[POOL];
    assert.equal(pulseWord(pulse), undefined);
    assert.deepEqual(pulseData(pulse)!.series[0].points.map((p) => p.value), [0, 3, 9]);
  });

  it('asks once while fresh, again after 5 minutes or when forced (r in :pulse)', async () => {
    let now = NOW;
    const { gw, asked } = withPulse(series([1]));
    const h = sliceHarness(pulseSlice, { gateway: gw, deps: { now: () => now } });
    const { loadPulse } = h.store.getState().actions;
    loadPulse(POOL);
    loadPulse(POOL);
    await waitFor(() => h.store.getState().pulses[POOL].status === 'ready');
    loadPulse(POOL);
    assert.equal(asked.length, 1);
    loadPulse(POOL, true);
    assert.equal(asked.length, 2);
    assert.ok(pulseData(h.store.getState().pulses[POOL]), 'the old answer stays drawn while the new one loads');
    await waitFor(() => h.store.getState().pulses[POOL].status === 'ready');
    now += 5 * 60_000;
    loadPulse(POOL);
    assert.equal(asked.length, 3);
  });

  it('without data: the header word is "no data"', async () => {
    const { gw } = withPulse(series([0, 0]));
    const h = sliceHarness(pulseSlice, { gateway: gw, deps: { now: () => NOW } });
    h.store.getState().actions.loadPulse(POOL);
    await waitFor(() => h.store.getState().pulses[POOL].status === 'ready');
    assert.equal(pulseWord(h.store.getState().pulses[POOL]), 'no data');
  });

  it('denied: the header word is "denied" and the message names cloudwatch:GetMetricData; nothing is flashed', async () => {
    const denied = new GatewayError({ kind: 'permission', retryable: false, operation: 'GetMetricData', message: 'Not allowed to call GetMetricData: add cloudwatch:GetMetricData to your IAM policy.' });
    const { gw } = withPulse(() => Promise.reject(denied));
    const h = sliceHarness(pulseSlice, { gateway: gw, deps: { now: () => NOW } });
    h.store.getState().actions.loadPulse(POOL);
    await waitFor(() => h.store.getState().pulses[POOL].status !== 'loading');
    const pulse = h.store.getState().pulses[POOL];
    assert.equal(pulseWord(pulse), 'denied');
    assert.match((pulse as { message: string }).message, /cloudwatch:GetMetricData/);
    assert.deepEqual(h.flashes, []);
  });

  it('an endpoint without CloudWatch is "unavailable", a gateway without riskPulse too', async () => {
    const unknown = new GatewayError({ kind: 'unknown', retryable: false, operation: 'GetMetricData', awsName: 'UnknownOperationException', message: 'GetMetricData failed: UnknownOperationException' });
    const { gw } = withPulse(() => Promise.reject(unknown));
    const h = sliceHarness(pulseSlice, { gateway: gw, deps: { now: () => NOW } });
    h.store.getState().actions.loadPulse(POOL);
    await waitFor(() => h.store.getState().pulses[POOL].status !== 'loading');
    assert.equal(pulseWord(h.store.getState().pulses[POOL]), 'unavailable');
    const bare = sliceHarness(pulseSlice, { deps: { now: () => NOW } });
    bare.store.getState().actions.loadPulse(POOL);
    assert.equal(pulseWord(bare.store.getState().pulses[POOL]), 'unavailable');
  });
});
