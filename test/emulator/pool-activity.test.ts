import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAuthEvents } from '../../src/emulator/cognito/auth-event-generator.ts';
import { PoolActivity } from '../../src/emulator/cognito/pool-activity.ts';
import { seedWorld } from '../../src/emulator/cognito/seed.ts';
import type { MetricSeries } from '../../src/emulator/cloudwatch/metric-series.ts';
import type { SeriesBuilder } from '../../src/emulator/cloudwatch/get-metric-data.ts';
import { LogGroup } from '../../src/emulator/logs/log-group.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';

const SEED = 7;
const NOW = Date.UTC(2026, 0, 15, 12);
const KEYS = ['AccountTakeoverRisk', 'CompromisedCredentialRisk', 'OverrideBlock'].flatMap((name) => ['high', 'medium', 'low'].map((level) => ({
  namespace: 'AWS/Cognito', name, dimensions: [{ Name: 'Operation', Value: 'SignIn' }, { Name: 'UserPoolId', Value: LARGE_POOL_ID }, { Name: 'RiskLevel', Value: level }],
}))).concat(['Risk', 'NoRisk'].map((name) => ({ namespace: 'AWS/Cognito', name, dimensions: [{ Name: 'Operation', Value: 'SignIn' }, { Name: 'UserPoolId', Value: LARGE_POOL_ID }] })));

/** A large pool of `users` users and its activity, counting the users whose events are generated. */
function activityOf(users: number): { activity: PoolActivity; generatedFor: string[]; userCount: number } {
  const pool = seedWorld({ seed: SEED, now: NOW, hostile: false, usersInLargePool: users }).byId.get(LARGE_POOL_ID)!;
  const generatedFor: string[] = [];
  const counting: typeof generateAuthEvents = (...args) => {
    generatedFor.push(args[2].username);
    return generateAuthEvents(...args);
  };
  return { activity: new PoolActivity(SEED, NOW, pool, counting), generatedFor, userCount: pool.users().length };
}

function seriesOf(builder: SeriesBuilder): MetricSeries {
  const series = builder.step(Infinity);
  assert.ok(series !== undefined, 'the series is complete');
  return series;
}

const counts = (series: MetricSeries) => KEYS.map((k) => [...series.minutes(k)].sort((a, b) => a[0] - b[0]));
const rows = (group: LogGroup) => Array.from({ length: group.table.length }, (_, r) => `${group.table.timestamps.get(r)} ${group.table.messageOf(r)}`);

describe('one walk of a pool\'s generated events for the risk metrics and the user-activity export', () => {
  it('generates each user\'s events once when both are asked for together, with the same results as each alone', () => {
    const both = activityOf(300);
    const group = new LogGroup('/activity', 0, both.activity.exportFiller());
    const metrics = both.activity.metricSeries();
    group.fillSome(-Infinity);
    const series = seriesOf(metrics);
    group.ensureFilled();
    assert.equal(both.generatedFor.length, both.userCount);
    assert.equal(new Set(both.generatedFor).size, both.userCount);

    const metricsAlone = activityOf(300);
    assert.deepEqual(counts(series), counts(seriesOf(metricsAlone.activity.metricSeries())));
    const exportAlone = activityOf(300);
    const alone = new LogGroup('/activity', 0, exportAlone.activity.exportFiller());
    alone.ensureFilled();
    assert.ok(group.table.length > 1000);
    assert.deepEqual(rows(group), rows(alone));
    assert.deepEqual([...group.streams.values()], [...alone.streams.values()]);
  });

  it('lets an export that starts late catch up on the users it missed, then share the walk', () => {
    const { activity, generatedFor, userCount } = activityOf(300);
    const metrics = activity.metricSeries();
    for (let i = 0; i < 100; i += 1) assert.equal(metrics.step(-Infinity), undefined);
    assert.equal(generatedFor.length, 100);
    const group = new LogGroup('/activity', 0, activity.exportFiller());
    group.ensureFilled();
    seriesOf(metrics);
    assert.equal(generatedFor.length, userCount + 100);
  });
});
