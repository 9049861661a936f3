import type { CallOptions, Page } from './types.ts';

/** Where one kind of a pool's logs is delivered (GetLogDeliveryConfiguration), with the level it is delivered at. */
export type LogDestination =
  | { kind: 'cloudwatch'; arn: string; logGroupName: string; level?: string }
  | { kind: 's3'; arn: string; level?: string }
  | { kind: 'firehose'; arn: string; level?: string };

/** A pool's log delivery: the destination of user activity (`userAuthEvents`) and of messaging errors (`userNotification`). */
export interface LogDelivery {
  poolId: string;
  userAuthEvents?: LogDestination;
  userNotification?: LogDestination;
}

/** A Logs Insights query to start: log groups by name, the text, and the time range in epoch milliseconds. */
export interface QueryRequest {
  logGroups: string[];
  query: string;
  startMs: number;
  endMs: number;
  /** Most rows to return; the service's default (and maximum) when absent. */
  limit?: number;
}

/** Where a query is: the service's status words. */
export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

/** What a query has read so far (GetQueryResults statistics). */
export interface QueryStatistics {
  recordsMatched?: number;
  recordsScanned?: number;
  bytesScanned?: number;
}

/** One answer of GetQueryResults: its status, the rows so far (field → value, `@ptr` left out) and their columns in order. */
export interface QueryResults {
  status: QueryStatus;
  columns: string[];
  rows: Record<string, string>[];
  statistics: QueryStatistics;
}

/** A log group as DescribeLogGroups lists it. */
export interface LogGroupSummary {
  name: string;
  arn?: string;
  storedBytes?: number;
  retentionDays?: number;
}

/** The user-activity log methods of a gateway: finding a pool's log group and asking Logs Insights. */
export interface LogsGateway {
  /** cognito-idp:GetLogDeliveryConfiguration of a pool. */
  getLogDeliveryConfiguration(poolId: string, opts?: CallOptions): Promise<LogDelivery>;
  /** logs:StartQuery; answers the query id. */
  startQuery(request: QueryRequest, opts?: CallOptions): Promise<string>;
  /** logs:GetQueryResults. */
  getQueryResults(queryId: string, opts?: CallOptions): Promise<QueryResults>;
  /** logs:StopQuery; true when the service stopped it. */
  stopQuery(queryId: string): Promise<boolean>;
  /** logs:DescribeLogGroups, optionally by name prefix. */
  describeLogGroups(prefix?: string, token?: string, opts?: CallOptions): Promise<Page<LogGroupSummary>>;
}

/** The log group name of a CloudWatch Logs ARN (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]`); the text itself when it is not one. */
export function logGroupNameOfArn(arn: string): string {
  const match = /^arn:[^:]*:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(arn);
  return match ? match[1]! : arn;
}
