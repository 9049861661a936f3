import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID, OFF_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { AuthEvent, CognitoGateway } from '../../src/gateway/types.ts';
import { pulseData } from '../../src/store/risk-pulse.ts';
import { withApp } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

/** Every item of a paged read. */
async function all<T>(read: (token?: string) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await read(token);
    out.push(...page.items);
    token = page.nextToken;
  } while (token);
  return out;
}

/** Account-takeover sign-ins per 5-minute period of [start, end), counted from every user's events through Cognito's API. */
async function takeoversByPeriod(gw: CognitoGateway, poolId: string, start: number, end: number): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const user of await all((t) => gw.listUsers(poolId, undefined, t))) {
    for (const e of await all((t) => gw.listAuthEvents(poolId, user.username, t))) {
      if (e.type !== 'SignIn' || e.riskDecision !== 'AccountTakeover' || e.createdAt === undefined || e.createdAt < start || e.createdAt >= end) continue;
      const period = start + Math.floor((e.createdAt - start) / 300_000) * 300_000;
      counts.set(period, (counts.get(period) ?? 0) + 1);
    }
  }
  return counts;
}

/** Events per 5-minute period of [start, end) that `counts` picks, among the metered operations, from every user's events through Cognito's API. */
async function eventsByPeriod(gw: CognitoGateway, poolId: string, start: number, end: number, counts: (e: AuthEvent) => boolean): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const user of await all((t) => gw.listUsers(poolId, undefined, t))) {
    for (const e of await all((t) => gw.listAuthEvents(poolId, user.username, t))) {
      if (!['SignIn', 'SignUp', 'PasswordChange'].includes(e.type ?? '') || !counts(e) || e.createdAt === undefined || e.createdAt < start || e.createdAt >= end) continue;
      const period = start + Math.floor((e.createdAt - start) / 300_000) * 300_000;
      out.set(period, (out.get(period) ?? 0) + 1);
    }
  }
  return out;
}

describe('risk pulse against the emulator (CloudWatch GetMetricData through the SDK)', () => {
  it('the pool line draws the account-takeover sign-ins of the last 24 h, the same counts as the users\' events; :pulse draws them wide', async () => {
    await withApp({ columns: 140, rows: 30, emulator: { usersInLargePool: 200 }, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await waitFor(() => h.store.getState().pulses[LARGE_POOL_ID]?.status === 'ready', 10_000, 'the pulse');
      const data = pulseData(h.store.getState().pulses[LARGE_POOL_ID])!;
      const gw = createSdkGateway({ region: 'us-east-1', endpoint: h.emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const expected = await takeoversByPeriod(gw, LARGE_POOL_ID, data.startMs, data.endMs);
      const ato = data.series.find((s) => s.metric === 'AccountTakeoverRisk')!;
      assert.deepEqual(new Map(ato.points.map((p) => [p.at, p.value])), expected);
      assert.ok(expected.size > 0, 'the demo pool has account-takeover sign-ins in the last day');
      const peak = Math.max(...expected.values());
      const latest = expected.get(data.endMs - 300_000) ?? 0;
      const frame = await h.waitForText(new RegExp(`ATO \\S{12} ${latest}/${peak}`));
      assert.match(frame, /CC \S{12} \d+\/\d+ blocked \S{12} \d+\/\d+/);
      assert.equal(h.count('GetMetricData'), 1, 'one call for the three metrics');
      assert.equal(h.store.getState().api.failed, 0);
      await h.submit(':', 'pulse');
      const wide = await h.waitForText(/latest \d+ · peak \d+ at/);
      assert.match(wide, new RegExp(`latest ${latest} · peak ${peak} at \\d\\d:\\d\\d`));
      await h.press('r');
      await waitFor(() => h.count('GetMetricData') === 2, 5000, 'r reads the pulse again');
    });
  });

  it('compromised credentials and blocks by the always-block IP list are two series: a compromised-credentials block is not an OverrideBlock', async () => {
    await withApp({ columns: 140, rows: 30, emulator: { usersInLargePool: 1500 }, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await waitFor(() => h.store.getState().pulses[LARGE_POOL_ID]?.status === 'ready', 20_000, 'the pulse');
      const data = pulseData(h.store.getState().pulses[LARGE_POOL_ID])!;
      const gw = createSdkGateway({ region: 'us-east-1', endpoint: h.emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const series = (metric: string) => new Map(data.series.find((s) => s.metric === metric)!.points.map((p) => [p.at, p.value]));
      const compromised = await eventsByPeriod(gw, LARGE_POOL_ID, data.startMs, data.endMs, (e) => e.compromisedCredentials === true);
      const blocked = await eventsByPeriod(gw, LARGE_POOL_ID, data.startMs, data.endMs, (e) => e.riskDecision === 'Block' && e.compromisedCredentials !== true);
      assert.ok(compromised.size > 0, 'the pool has compromised-credential sign-ins in the last day');
      assert.ok(blocked.size > 0, 'the pool has sign-ins blocked by its always-block list in the last day');
      assert.deepEqual(series('CompromisedCredentialRisk'), compromised);
      assert.deepEqual(series('OverrideBlock'), blocked);
      assert.notDeepEqual(compromised, blocked);
    });
  });

  it('a pool with threat protection off: "pulse no data"', async () => {
    await withApp({ columns: 140, rows: 30, emulator: { usersInLargePool: 200 }, deepLink: { pool: OFF_POOL_ID } }, async (h) => {
      await h.waitForText('pulse no data');
    });
  });
});
