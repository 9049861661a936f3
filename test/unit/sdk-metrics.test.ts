import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { ApiCallRecord } from '../../src/gateway/types.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const POOL = 'us-east-1_Qm7Rk2Tz9';
const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

interface Seen { headers: IncomingHttpHeaders; body: Record<string, unknown> }

/** A CloudWatch stand-in speaking what the installed client sends (AWS JSON 1.0, GraniteServiceVersion20100801). */
async function fakeCloudWatch(answer: (body: Record<string, unknown>) => { status: number; body: unknown; headers?: Record<string, string> }) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      seen.push({ headers: req.headers, body });
      const out = answer(body);
      res.writeHead(out.status, { 'Content-Type': 'application/x-amz-json-1.0', ...(out.headers ?? {}) });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const request = { poolId: POOL, startMs: T0 - 3_600_000, endMs: T0, periodSeconds: 300 };

describe('gateway: risk pulse (cloudwatch:GetMetricData)', () => {
  it('asks CloudWatch at --endpoint-url for every series of the three metrics of the pool, sums them per metric, and records the call', async () => {
    const cw = await fakeCloudWatch((body) => ({
      status: 200,
      body: {
        MetricDataResults: (body.MetricDataQueries as { Id: string }[]).map((q) => ({
          Id: q.Id, StatusCode: 'Complete',
          Timestamps: q.Id === 'ato_signin_high' ? [(T0 - 600_000) / 1000, (T0 - 300_000) / 1000] : q.Id === 'ato_signup_low' ? [(T0 - 300_000) / 1000] : [],
          Values: q.Id === 'ato_signin_high' ? [2, 7] : q.Id === 'ato_signup_low' ? [1] : [],
        })),
      },
    }));
    try {
      const gateway = createSdkGateway({ region: 'us-east-1', endpoint: cw.url, credentials });
      const records: ApiCallRecord[] = [];
      gateway.subscribeCalls((r) => records.push(r));
      const pulse = await gateway.riskPulse!(request);
      assert.equal(cw.seen.length, 1);
      assert.equal(cw.seen[0].headers['x-amz-target'], 'GraniteServiceVersion20100801.GetMetricData');
      const queries = cw.seen[0].body.MetricDataQueries as { Id: string; MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string } }[];
      assert.equal(queries.length, 30);
      assert.deepEqual(queries[0], {
        Id: 'ato_signin_high', ReturnData: true,
        MetricStat: {
          Metric: { Namespace: 'AWS/Cognito', MetricName: 'AccountTakeoverRisk', Dimensions: [{ Name: 'Operation', Value: 'SignIn' }, { Name: 'UserPoolId', Value: POOL }, { Name: 'RiskLevel', Value: 'high' }] },
          Period: 300, Stat: 'Sum',
        },
      });
      assert.deepEqual([...new Set(queries.map((q) => q.MetricStat.Metric.MetricName))], ['AccountTakeoverRisk', 'CompromisedCredentialRisk', 'OverrideBlock']);
      assert.deepEqual([...new Set(queries.map((q) => q.MetricStat.Metric.Dimensions[0].Value))], ['SignIn', 'SignUp', 'PasswordChange']);
      assert.equal(cw.seen[0].body.StartTime, (T0 - 3_600_000) / 1000);
      assert.deepEqual(pulse.series.map((s) => s.metric), ['AccountTakeoverRisk', 'CompromisedCredentialRisk', 'OverrideBlock']);
      assert.deepEqual(pulse.series[0].points, [{ at: T0 - 600_000, value: 2 }, { at: T0 - 300_000, value: 8 }]);
      assert.deepEqual(pulse.series[1].points, []);
      assert.deepEqual(records.map((r) => [r.operation, r.ok]), [['GetMetricData', true]]);
    } finally {
      await cw.close();
    }
  });

  it('turns a refusal into a permission error naming cloudwatch:GetMetricData, recorded as failed', async () => {
    const cw = await fakeCloudWatch(() => ({
      status: 400,
      body: { __type: 'AccessDeniedException', message: 'User: arn:aws:iam::1:user/x is not authorized to perform: cloudwatch:GetMetricData' },
      headers: { 'x-amzn-query-error': 'AccessDenied;Sender' },
    }));
    try {
      const gateway = createSdkGateway({ region: 'us-east-1', endpoint: cw.url, credentials });
      const records: ApiCallRecord[] = [];
      gateway.subscribeCalls((r) => records.push(r));
      const failure = await gateway.riskPulse!(request).then(() => undefined, (e: unknown) => e);
      assert.ok(failure instanceof GatewayError);
      assert.equal(failure.kind, 'permission');
      assert.match(failure.message, /add cloudwatch:GetMetricData to your IAM policy/);
      assert.equal(records.length, 1);
      assert.equal(records[0].ok, false);
    } finally {
      await cw.close();
    }
  });

  it('says a malformed answer is one, never a stack trace', async () => {
    const cw = await fakeCloudWatch(() => ({ status: 200, body: { MetricDataResults: [{ Id: 'ato_signin_high', Timestamps: [T0 / 1000], Values: [] }] } }));
    try {
      const gateway = createSdkGateway({ region: 'us-east-1', endpoint: cw.url, credentials });
      const failure = await gateway.riskPulse!(request).then(() => undefined, (e: unknown) => e);
      assert.ok(failure instanceof GatewayError);
      assert.equal(failure.kind, 'malformed');
      assert.match(failure.message, /^GetMetricData: the data points of ato_signin_high do not pair timestamps with values/);
    } finally {
      await cw.close();
    }
  });
});
