import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  AdminListUserAuthEventsCommand, FeatureUnavailableInTierException, GetLogDeliveryConfigurationCommand, InvalidParameterException,
  SetLogDeliveryConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuthEventType } from '@aws-sdk/client-cognito-identity-provider';
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { activityLogGroupName } from '../../src/emulator/index.ts';
import { AUDIT_POOL_ID, EMPTY_POOL_ID, LARGE_POOL_ID, NO_ALIAS_POOL_ID, OFF_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { useEmulator } from './helpers.ts';
import { logsClient, rowsOf, runQuery } from './logs-helpers.ts';

const GROUP = activityLogGroupName(LARGE_POOL_ID);

async function allEvents(fx: ReturnType<typeof useEmulator>, username: string): Promise<AuthEventType[]> {
  const out: AuthEventType[] = [];
  let token: string | undefined;
  do {
    const page = await fx.cognito.send(new AdminListUserAuthEventsCommand({ UserPoolId: LARGE_POOL_ID, Username: username, MaxResults: 60, NextToken: token }));
    out.push(...(page.AuthEvents ?? []));
    token = page.NextToken;
  } while (token !== undefined);
  return out;
}

describe('user-activity log export', () => {
  const fx = useEmulator({ usersInLargePool: 200 });

  it('tells where each demo pool sends its user activity', async () => {
    const config = async (id: string) => (await fx.cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id }))).LogDeliveryConfiguration;
    const large = await config(LARGE_POOL_ID);
    assert.deepEqual(large?.LogConfigurations, [{
      EventSource: 'userAuthEvents', LogLevel: 'INFO',
      CloudWatchLogsConfiguration: { LogGroupArn: `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}` },
    }]);
    const groups = await logsClient(fx.emu).send(new DescribeLogGroupsCommand({}));
    assert.ok(groups.logGroups?.some((g) => g.logGroupArn === large?.LogConfigurations?.[0].CloudWatchLogsConfiguration?.LogGroupArn), 'the group it names exists');
    assert.match((await config(AUDIT_POOL_ID))?.LogConfigurations?.[0].S3Configuration?.BucketArn ?? '', /^arn:aws:s3:::/);
    assert.match((await config(NO_ALIAS_POOL_ID))?.LogConfigurations?.[0].FirehoseConfiguration?.StreamArn ?? '', /^arn:aws:firehose:us-east-1:123456789012:deliverystream\//);
    assert.deepEqual((await config(OFF_POOL_ID))?.LogConfigurations, []);
    assert.deepEqual((await config(EMPTY_POOL_ID))?.LogConfigurations, []);
  });

  it('checks SetLogDeliveryConfiguration as Cognito does', async () => {
    const set = (UserPoolId: string, LogConfigurations: unknown[]) => fx.cognito.send(new SetLogDeliveryConfigurationCommand({ UserPoolId, LogConfigurations } as never));
    await assert.rejects(set(OFF_POOL_ID, [{ EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:aws:s3:::b' } }]), FeatureUnavailableInTierException);
    await assert.rejects(set(AUDIT_POOL_ID, [{ EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:aws:s3:::b' }, FirehoseConfiguration: { StreamArn: 'arn:aws:firehose:us-east-1:1:deliverystream/x' } }]), InvalidParameterException);
    await assert.rejects(set(AUDIT_POOL_ID, [{ EventSource: 'userAuthEvents', LogLevel: 'INFO', CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/nowhere' } }]), InvalidParameterException);
    await logsClient(fx.emu).send(new CreateLogGroupCommand({ logGroupName: '/audit/activity' }));
    const arn = 'arn:aws:logs:us-east-1:123456789012:log-group:/audit/activity';
    await set(AUDIT_POOL_ID, [{ EventSource: 'userAuthEvents', LogLevel: 'INFO', CloudWatchLogsConfiguration: { LogGroupArn: arn } }]);
    const after = await fx.cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: AUDIT_POOL_ID }));
    assert.equal(after.LogDeliveryConfiguration?.LogConfigurations?.[0].CloudWatchLogsConfiguration?.LogGroupArn, arn);
  });

  it('exports the same events AdminListUserAuthEvents returns, shaped as user-activity records', async () => {
    const api = await allEvents(fx, TAKEOVER_USERNAME);
    const logs = logsClient(fx.emu);
    const t = Math.floor(Date.now() / 1000);
    const out = await runQuery(logs, GROUP, `filter message.userName = "${TAKEOVER_USERNAME}" | fields message.eventId, message.eventType, message.riskDecision, message.riskLevel, message.compromisedCredentialDetected, message.eventResponse, message.ipAddress, message.country, message.hasContextData | sort @timestamp desc`, t - 100 * 86_400, t);
    const rows = rowsOf(out);
    assert.equal(rows.length, api.length);
    const decision = { NoRisk: 'PASS', AccountTakeover: 'ACCOUNT_TAKEOVER', Block: 'BLOCK' } as Record<string, string>;
    const byId = new Map(rows.map((r) => [r['message.eventId'], r]));
    for (const e of api) {
      const r = byId.get(e.EventId ?? '');
      assert.ok(r, `event ${e.EventId} is in the log group`);
      assert.equal(r['message.eventType'], e.EventType);
      assert.equal(r['message.eventResponse'], e.EventResponse);
      assert.equal(r['message.riskDecision'], decision[e.EventRisk?.RiskDecision ?? 'NoRisk']);
      assert.equal(r['message.riskLevel'] ?? '', (e.EventRisk?.RiskLevel ?? '').toUpperCase());
      assert.equal(r['message.compromisedCredentialDetected'], String(e.EventRisk?.CompromisedCredentialsDetected === true));
      assert.equal(r['message.ipAddress'], e.EventContextData?.IpAddress);
      assert.equal(r['message.country'], e.EventContextData?.Country);
      assert.equal(r['message.hasContextData'], 'true');
    }
    const [first] = rowsOf(await runQuery(logs, GROUP, `filter message.userName = "${TAKEOVER_USERNAME}" | fields @message | limit 1`, t - 100 * 86_400, t));
    const record = JSON.parse(first['@message']) as { eventSource: string; logLevel: string; message: Record<string, unknown> };
    assert.equal(record.eventSource, 'USER_AUTH_EVENTS');
    assert.equal(record.logLevel, 'INFO');
    assert.deepEqual(Object.keys(record.message).filter((k) => k !== 'challenges'), [
      'version', 'eventId', 'eventType', 'userSub', 'userName', 'userPoolId', 'clientId', 'creationDate', 'eventResponse', 'riskLevel', 'riskDecision',
      'deviceName', 'ipAddress', 'requestId', 'idpName', 'compromisedCredentialDetected', 'city', 'country', 'eventFeedbackValue', 'hasContextData',
    ]);
    assert.match(String(record.message.creationDate), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
  });
});

describe('user-activity destinations chosen by the emulator option', () => {
  const fx = useEmulator({ usersInLargePool: 50, logDelivery: { [LARGE_POOL_ID]: 'none', [AUDIT_POOL_ID]: 'cloudwatch' } });

  it('moves the export: no group for the large pool, one for the audit pool', async () => {
    const large = await fx.cognito.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: LARGE_POOL_ID }));
    assert.deepEqual(large.LogDeliveryConfiguration?.LogConfigurations, []);
    const groups = await logsClient(fx.emu).send(new DescribeLogGroupsCommand({}));
    assert.deepEqual(groups.logGroups?.map((g) => g.logGroupName), [activityLogGroupName(AUDIT_POOL_ID)]);
  });
});

describe('CloudWatch GetMetricData for the threat-protection metrics', () => {
  const fx = useEmulator({ usersInLargePool: 200 });

  it('counts the account-takeover sign-ins of the last 24 h in 5-minute buckets, as the exported records do', async () => {
    const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: fx.emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    const end = Math.floor(Date.now() / 60_000) * 60;
    const start = end - 86_400;
    const query = (level: string) => ({
      Id: `ato${level}`,
      MetricStat: {
        Metric: { Namespace: 'AWS/Cognito', MetricName: 'AccountTakeoverRisk', Dimensions: [{ Name: 'Operation', Value: 'SignIn' }, { Name: 'UserPoolId', Value: LARGE_POOL_ID }, { Name: 'RiskLevel', Value: level }] },
        Period: 300,
        Stat: 'Sum',
      },
    });
    const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(start * 1000), EndTime: new Date(end * 1000), MetricDataQueries: ['high', 'medium', 'low'].map(query) }));
    const total = (out.MetricDataResults ?? []).reduce((sum, r) => sum + (r.Values ?? []).reduce((a, b) => a + b, 0), 0);
    const rows = rowsOf(await runQuery(logsClient(fx.emu), GROUP, 'filter message.eventType = "SignIn" and message.riskDecision = "ACCOUNT_TAKEOVER" | stats count(*) as n', start, end - 1));
    assert.equal(total, Number(rows[0].n));
    assert.ok(total > 0, 'the demo has account-takeover sign-ins in the last day');
    for (const r of out.MetricDataResults ?? []) {
      const times = (r.Timestamps ?? []).map((d) => d.getTime());
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
      assert.ok(times.every((t) => (t - start * 1000) % 300_000 === 0), '5-minute buckets');
    }
    cw.destroy();
  });
});
