import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { ApiCallRecord } from '../../src/gateway/types.ts';

interface Seen {
  target: string;
  body: Record<string, unknown>;
}

/** A tiny stand-in for CloudWatch Logs and Cognito: answers by X-Amz-Target from `answers`, records what it saw. */
function fakeAws(answers: Record<string, (body: Record<string, unknown>) => [number, unknown]>): { server: Server; seen: Seen[] } {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const body = raw ? JSON.parse(raw) as Record<string, unknown> : {};
      seen.push({ target, body });
      const answer = answers[target.split('.')[1] ?? ''];
      const [status, out] = answer ? answer(body) : [400, { __type: 'UnknownOperationException', message: target }];
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(out));
    });
  });
  return { server, seen };
}

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

describe('gateway: CloudWatch Logs and the log delivery configuration', () => {
  let denyStart = false;
  const { server, seen } = fakeAws({
    StartQuery: () => (denyStart
      ? [400, { __type: 'AccessDeniedException', message: 'User is not authorized to perform: logs:StartQuery' }]
      : [200, { queryId: 'q-1' }]),
    GetQueryResults: () => [200, {
      status: 'Complete',
      statistics: { recordsMatched: 2, recordsScanned: 10, bytesScanned: 2048 },
      results: [
        [{ field: 'message.userName', value: 'maria' }, { field: 'n', value: '3' }, { field: '@ptr', value: 'xyz' }],
        [{ field: 'message.userName', value: 'li' }, { field: 'n', value: '1' }, { field: 'extra', value: 'e' }],
      ],
    }],
    StopQuery: () => [200, { success: true }],
    DescribeLogGroups: () => [200, { logGroups: [{ logGroupName: '/aws/cognito/userpool', arn: 'arn:aws:logs:us-east-1:1:log-group:/aws/cognito/userpool:*', storedBytes: 10 }] }],
    GetLogDeliveryConfiguration: (body) => [200, {
      LogDeliveryConfiguration: {
        UserPoolId: body.UserPoolId,
        LogConfigurations: [
          { EventSource: 'userNotification', LogLevel: 'ERROR', S3Configuration: { BucketArn: 'arn:aws:s3:::bucket' } },
          { EventSource: 'userAuthEvents', LogLevel: 'INFO', CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/cognito/pool-a:*' } },
        ],
      },
    }],
  });
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('runs a query through the endpoint given: StartQuery in seconds, results without @ptr, StopQuery, call records', async () => {
    const gw = createSdkGateway({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS });
    const records: ApiCallRecord[] = [];
    gw.subscribeCalls((r) => records.push(r));
    const id = await gw.startQuery!({ logGroups: ['/aws/cognito/pool-a'], query: 'fields @timestamp', startMs: 1_700_000_000_500, endMs: 1_700_000_100_000 });
    assert.equal(id, 'q-1');
    const start = seen.find((s) => s.target === 'Logs_20140328.StartQuery')!;
    assert.deepEqual(start.body.logGroupNames, ['/aws/cognito/pool-a']);
    assert.equal(start.body.startTime, 1_700_000_000);
    assert.equal(start.body.endTime, 1_700_000_100);
    const results = await gw.getQueryResults!('q-1');
    assert.equal(results.status, 'Complete');
    assert.deepEqual(results.columns, ['message.userName', 'n', 'extra']);
    assert.deepEqual(results.rows, [{ 'message.userName': 'maria', n: '3' }, { 'message.userName': 'li', n: '1', extra: 'e' }]);
    assert.deepEqual(results.statistics, { recordsMatched: 2, recordsScanned: 10, bytesScanned: 2048 });
    assert.equal(await gw.stopQuery!('q-1'), true);
    const groups = await gw.describeLogGroups!('/aws/cognito');
    assert.deepEqual(groups.items, [{ name: '/aws/cognito/userpool', arn: 'arn:aws:logs:us-east-1:1:log-group:/aws/cognito/userpool:*', storedBytes: 10 }]);
    assert.deepEqual(records.map((r) => [r.operation, r.ok]), [['StartQuery', true], ['GetQueryResults', true], ['StopQuery', true], ['DescribeLogGroups', true]]);
  });

  it('reads where user activity goes from GetLogDeliveryConfiguration (Cognito, same endpoint)', async () => {
    const gw = createSdkGateway({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS });
    const delivery = await gw.getLogDeliveryConfiguration!('us-east-1_Abc');
    assert.deepEqual(delivery, {
      poolId: 'us-east-1_Abc',
      userNotification: { kind: 's3', arn: 'arn:aws:s3:::bucket', level: 'ERROR' },
      userAuthEvents: { kind: 'cloudwatch', arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/cognito/pool-a:*', logGroupName: '/aws/cognito/pool-a', level: 'INFO' },
    });
    assert.equal(seen.at(-1)!.target, 'AWSCognitoIdentityProviderService.GetLogDeliveryConfiguration');
  });

  it('access denied is a permission error naming the logs: IAM action, and is in the call records', async () => {
    denyStart = true;
    try {
      const gw = createSdkGateway({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS });
      const records: ApiCallRecord[] = [];
      gw.subscribeCalls((r) => records.push(r));
      await assert.rejects(gw.startQuery!({ logGroups: ['g'], query: 'x', startMs: 0, endMs: 1000 }), (e: unknown) =>
        e instanceof GatewayError && e.kind === 'permission' && /logs:StartQuery/.test(e.message));
      assert.deepEqual(records.map((r) => [r.operation, r.ok, r.errorName]), [['StartQuery', false, 'AccessDeniedException']]);
    } finally {
      denyStart = false;
    }
  });

  it('without --endpoint-url, the SDK\'s own AWS_ENDPOINT_URL_CLOUDWATCH_LOGS applies to the logs client', async () => {
    const before = seen.length;
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = url;
    try {
      const gw = createSdkGateway({ region: 'us-east-1', credentials: CREDENTIALS });
      assert.equal(await gw.startQuery!({ logGroups: ['g'], query: 'x', startMs: 0, endMs: 1000 }), 'q-1');
      assert.equal(seen.length, before + 1);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;
    }
  });
});
