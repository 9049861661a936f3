import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetLogDeliveryConfigurationCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { useEmulator } from './helpers.ts';
import { logsClient } from './logs-helpers.ts';

async function post(url: string, target: string, contentType: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': contentType, 'X-Amz-Target': target }, body: JSON.stringify(body) });
}

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).name;
  }
  return 'no error';
}

describe('one port, three services', () => {
  const fx = useEmulator({ usersInLargePool: 30 });

  it('routes by the X-Amz-Target prefix and answers in each protocol\'s content type', async () => {
    const logs = await post(fx.emu.url, 'Logs_20140328.DescribeLogGroups', 'application/x-amz-json-1.1', {});
    assert.equal(logs.status, 200);
    assert.equal(logs.headers.get('content-type'), 'application/x-amz-json-1.1');
    const cw = await post(fx.emu.url, 'GraniteServiceVersion20100801.GetMetricData', 'application/x-amz-json-1.0', { MetricDataQueries: [] });
    assert.equal(cw.status, 400);
    assert.equal(cw.headers.get('content-type'), 'application/x-amz-json-1.0');
    assert.equal(cw.headers.get('x-amzn-query-error'), 'MissingParameter;Sender');
    assert.equal(((await cw.json()) as { __type: string }).__type, 'MissingRequiredParameterException');
    const unknown = await post(fx.emu.url, 'Logs_20140328.DeleteLogGroup', 'application/x-amz-json-1.1', {});
    assert.equal(((await unknown.json()) as { __type: string }).__type, 'UnknownOperationException');
    const services = fx.emu.requests.slice(-3).map((r) => [r.service, r.operation]);
    assert.deepEqual(services, [['CloudWatch Logs', 'DescribeLogGroups'], ['CloudWatch', 'GetMetricData'], ['CloudWatch Logs', 'DeleteLogGroup']]);
  });

  it('injects a denied operation into any service, as the SDK then names it', async () => {
    fx.emu.setFaults({
      operationErrors: {
        StartQuery: { type: 'AccessDeniedException' },
        GetMetricData: { type: 'AccessDeniedException' },
        GetLogDeliveryConfiguration: { type: 'NotAuthorizedException' },
      },
    });
    const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: fx.emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    const t = Math.floor(Date.now() / 1000);
    assert.equal(await errorName(logsClient(fx.emu).send(new StartQueryCommand({ logGroupName: 'g', queryString: 'fields a', startTime: t - 1, endTime: t }))), 'AccessDeniedException');
    assert.equal(await errorName(cw.send(new GetMetricDataCommand({ StartTime: new Date(0), EndTime: new Date(), MetricDataQueries: [] }))), 'AccessDeniedException');
    assert.equal(await errorName(fx.cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: LARGE_POOL_ID }))), 'NotAuthorizedException');
    fx.emu.setFaults({ throttleRate: 1 });
    assert.equal(await errorName(logsClient(fx.emu).send(new DescribeLogGroupsCommand({}))), 'ThrottlingException');
    assert.equal(await errorName(cw.send(new GetMetricDataCommand({ StartTime: new Date(0), EndTime: new Date(), MetricDataQueries: [] }))), 'Throttling');
    assert.equal(await errorName(fx.cognito.send(new ListUserPoolsCommand({ MaxResults: 5 }))), 'TooManyRequestsException');
    fx.emu.setFaults({});
    cw.destroy();
  });

  it('plays adversarial behaviours on the new services too', async () => {
    fx.emu.setAdversary({ DescribeLogGroups: { mode: 'html-200', times: 1 } });
    const name = await errorName(logsClient(fx.emu).send(new DescribeLogGroupsCommand({})));
    assert.notEqual(name, 'no error');
    const last = fx.emu.requests.at(-1);
    assert.deepEqual([last?.service, last?.operation, last?.adversary], ['CloudWatch Logs', 'DescribeLogGroups', 'html-200']);
    const after = await logsClient(fx.emu).send(new DescribeLogGroupsCommand({}));
    assert.ok(Array.isArray(after.logGroups));
    fx.emu.setAdversary({});
  });
});
