import type * as CognitoSdk from '@aws-sdk/client-cognito-identity-provider';
import { list, num, obj, text } from './answer-checks.ts';
import { MalformedAnswerError } from './errors.ts';
import {
  logGroupNameOfArn, type LogDelivery, type LogDestination, type LogsGateway, type QueryResults, type QueryStatus,
} from './logs-types.ts';
import { checkAnswersOf } from './sdk-answer-check.ts';
import type { CallOptions, Page } from './types.ts';

type LogsModule = typeof import('./sdk-logs-client.ts');

/** The CloudWatch Logs SDK module and its one client. */
interface LogsClients {
  sdk: LogsModule;
  client: InstanceType<LogsModule['CloudWatchLogsClient']>;
}

/** The Cognito client the gateway already has, with the command module it was loaded with. */
interface CognitoClients {
  sdk: { GetLogDeliveryConfigurationCommand: typeof CognitoSdk.GetLogDeliveryConfigurationCommand };
  client: CognitoSdk.CognitoIdentityProviderClient;
}

/** Runs one gateway call (retries, deadline, typed errors, call records) through a lazily loaded client. */
export type CallOn = <C, T>(
  operation: string, kind: 'read' | 'write', load: () => Promise<C>, run: (c: C, abortSignal: AbortSignal) => Promise<T>,
  opts?: { signal?: AbortSignal; service?: string },
) => Promise<T>;

/** What the logs methods are built from: the gateway's call runner, its Cognito client, and the settings every client shares. */
export interface SdkLogsDeps {
  callOn: CallOn;
  cognito: () => Promise<CognitoClients>;
  /** Region, profile, endpoint (`--endpoint-url` for every service), credentials and the request handler of the Cognito client. */
  clientConfig: Record<string, unknown>;
}

const STATUSES: readonly QueryStatus[] = ['Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown'];
const MAX_CELL = 4096;
const MAX_COLUMNS = 64;

function destination(config: CognitoSdk.LogConfigurationType): LogDestination | undefined {
  const level = text(config.LogLevel, 'LogLevel');
  const cw = text(config.CloudWatchLogsConfiguration?.LogGroupArn, 'LogGroupArn');
  if (cw) return { kind: 'cloudwatch', arn: cw, logGroupName: logGroupNameOfArn(cw), ...(level ? { level } : {}) };
  const s3 = text(config.S3Configuration?.BucketArn, 'BucketArn');
  if (s3) return { kind: 's3', arn: s3, ...(level ? { level } : {}) };
  const firehose = text(config.FirehoseConfiguration?.StreamArn, 'StreamArn');
  if (firehose) return { kind: 'firehose', arn: firehose, ...(level ? { level } : {}) };
  return undefined;
}

/** A GetLogDeliveryConfiguration answer, reduced to the destination of each event source. */
export function toLogDelivery(answer: CognitoSdk.LogDeliveryConfigurationType | undefined, poolId: string): LogDelivery {
  const out: LogDelivery = { poolId };
  for (const config of list(answer?.LogConfigurations, 'LogConfigurations')) {
    const source = text(config.EventSource, 'EventSource');
    const where = destination(config);
    if (!where) continue;
    if (source === 'userAuthEvents') out.userAuthEvents = where;
    else if (source === 'userNotification') out.userNotification = where;
  }
  return out;
}

/** A GetQueryResults answer: rows as field → value (without `@ptr`), columns in the order first seen, statistics. */
export function toQueryResults(answer: { status?: unknown; results?: unknown; statistics?: unknown }): QueryResults {
  const status = STATUSES.find((s) => s === answer.status) ?? 'Unknown';
  const columns: string[] = [];
  const rows: Record<string, string>[] = [];
  for (const fields of list(answer.results as unknown[][] | undefined, 'results')) {
    const row: Record<string, string> = {};
    for (const cell of list(fields as { field?: unknown; value?: unknown }[], 'results[]')) {
      const field = text(cell.field, 'field');
      if (!field || field === '@ptr') continue;
      if (!columns.includes(field)) {
        if (columns.length >= MAX_COLUMNS) continue;
        columns.push(field);
      }
      row[field] = (text(cell.value, 'value') ?? '').slice(0, MAX_CELL);
    }
    rows.push(row);
  }
  const stats = obj(answer.statistics as Record<string, unknown> | undefined, 'statistics') ?? {};
  return {
    status, columns, rows,
    statistics: {
      recordsMatched: num(stats.recordsMatched, 'recordsMatched'),
      recordsScanned: num(stats.recordsScanned, 'recordsScanned'),
      bytesScanned: num(stats.bytesScanned, 'bytesScanned'),
    },
  };
}

/**
 * The gateway's CloudWatch Logs methods and Cognito's GetLogDeliveryConfiguration. The Logs SDK is imported on the
 * first query only, so start-up does not load it; every call goes through the gateway's call runner (call records,
 * typed errors naming the `logs:` IAM action).
 */
export function sdkLogsMethods({ callOn, cognito, clientConfig }: SdkLogsDeps): LogsGateway {
  let loaded: Promise<LogsClients> | undefined;
  const logs = (): Promise<LogsClients> => {
    loaded ??= import('./sdk-logs-client.ts').then((sdk) => {
      const client = new sdk.CloudWatchLogsClient({ ...clientConfig, maxAttempts: 1 });
      checkAnswersOf(client as unknown as CognitoSdk.CognitoIdentityProviderClient);
      return { sdk, client };
    });
    return loaded;
  };
  const service = { service: 'logs' };
  return {
    getLogDeliveryConfiguration: (poolId, opts?: CallOptions) => callOn('GetLogDeliveryConfiguration', 'read', cognito, async ({ sdk, client }, abortSignal) => {
      const out = await client.send(new sdk.GetLogDeliveryConfigurationCommand({ UserPoolId: poolId }), { abortSignal });
      return toLogDelivery(obj(out.LogDeliveryConfiguration, 'LogDeliveryConfiguration'), poolId);
    }, { signal: opts?.signal }),
    startQuery: (request, opts) => callOn('StartQuery', 'read', logs, async ({ sdk, client }, abortSignal) => {
      const out = await client.send(new sdk.StartQueryCommand({
        logGroupNames: request.logGroups, queryString: request.query,
        startTime: Math.floor(request.startMs / 1000), endTime: Math.ceil(request.endMs / 1000),
        ...(request.limit ? { limit: request.limit } : {}),
      }), { abortSignal });
      const id = text(out.queryId, 'queryId');
      if (!id) throw new MalformedAnswerError('StartQuery answered without a queryId');
      return id;
    }, { signal: opts?.signal, ...service }),
    getQueryResults: (queryId, opts) => callOn('GetQueryResults', 'read', logs, async ({ sdk, client }, abortSignal) =>
      toQueryResults(await client.send(new sdk.GetQueryResultsCommand({ queryId }), { abortSignal })), { signal: opts?.signal, ...service }),
    stopQuery: (queryId) => callOn('StopQuery', 'read', logs, async ({ sdk, client }, abortSignal) =>
      (await client.send(new sdk.StopQueryCommand({ queryId }), { abortSignal })).success === true, service),
    describeLogGroups: (prefix, token, opts): Promise<Page<{ name: string; arn?: string; storedBytes?: number; retentionDays?: number }>> =>
      callOn('DescribeLogGroups', 'read', logs, async ({ sdk, client }, abortSignal) => {
        const out = await client.send(new sdk.DescribeLogGroupsCommand({ ...(prefix ? { logGroupNamePrefix: prefix } : {}), nextToken: token, limit: 50 }), { abortSignal });
        const items = list(out.logGroups, 'logGroups').flatMap((g) => {
          const name = text(g.logGroupName, 'logGroupName');
          if (!name) return [];
          const arn = text(g.arn, 'arn');
          const storedBytes = num(g.storedBytes, 'storedBytes');
          const retentionDays = num(g.retentionInDays, 'retentionInDays');
          return [{ name, ...(arn ? { arn } : {}), ...(storedBytes !== undefined ? { storedBytes } : {}), ...(retentionDays !== undefined ? { retentionDays } : {}) }];
        });
        const next = text(out.nextToken, 'nextToken');
        return { items, ...(next ? { nextToken: next } : {}) };
      }, { signal: opts?.signal, ...service }),
  };
}
