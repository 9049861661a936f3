import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDeadlineError } from '../../src/gateway/errors.ts';
import type { QueryRun } from '../../src/store/logs-state.ts';
import { freshnessText, queryProgressText } from '../../src/ui/query-text.ts';

const run = (change: Partial<QueryRun> = {}): QueryRun => ({
  id: 'q1', poolId: 'us-east-1_Abc', name: 'attention', title: 'users needing attention', query: 'fields @timestamp', logGroup: '/g',
  startMs: 0, endMs: 86_400_000, status: 'Scheduled', statistics: {}, columns: [], returned: 0, truncated: false, startedAt: 10_000, ...change,
});

describe('a query run as its view says it', () => {
  it('says when a running query started, and how long a finished one took (never a negative time)', () => {
    assert.match(queryProgressText(run()), / · started 00:00:10Z$/);
    assert.match(queryProgressText(run({ endedAt: 12_500, status: 'Complete' })), / · 2\.5s$/);
  });
  it('says nothing of freshness for a query that failed', () => {
    assert.equal(freshnessText(run({ endedAt: 40_000, status: 'Failed', error: ':ask attention failed: …' })), '');
    assert.match(freshnessText(run({ endedAt: 40_000, status: 'Complete' })), /newest record time not in the rows/);
  });
});

describe('a read past its deadline names the service that did not answer', () => {
  it('Cognito, CloudWatch Logs, CloudWatch', () => {
    assert.match(readDeadlineError('ListUsers', 30_000).message, /^Cognito did not answer in 30 s \(ListUsers\)/);
    assert.match(readDeadlineError('GetQueryResults', 30_000, 'logs').message, /^CloudWatch Logs did not answer in 30 s \(GetQueryResults\)/);
    assert.match(readDeadlineError('GetMetricData', 30_000, 'cloudwatch').message, /^CloudWatch did not answer/);
  });
});
