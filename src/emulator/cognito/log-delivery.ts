import { DEMO_ACCOUNT_ID, DEMO_REGION, LARGE_POOL_ID, AUDIT_POOL_ID, NO_ALIAS_POOL_ID } from '../well-known-ids.ts';

/** Where a pool's `userAuthEvents` go, as an emulator option: a CloudWatch Logs group, S3, Firehose, or nowhere. */
export type ActivityDestination = 'cloudwatch' | 's3' | 'firehose' | 'none';

/** One `LogConfigurationType` as Cognito returns it. */
export interface LogConfiguration {
  EventSource: 'userNotification' | 'userAuthEvents';
  LogLevel: 'ERROR' | 'INFO';
  CloudWatchLogsConfiguration?: { LogGroupArn: string };
  S3Configuration?: { BucketArn: string };
  FirehoseConfiguration?: { StreamArn: string };
}

/** The log group a pool's user activity is exported to in the demo. */
export function activityLogGroupName(poolId: string): string {
  return `/aws/vendedlogs/cognito/${poolId}/user-activity`;
}

/** The ARN of a log group in the demo account (no trailing `:*`, as Cognito expects it). */
export function logGroupArn(name: string): string {
  return `arn:aws:logs:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:log-group:${name}`;
}

/** The demo's destinations: the large pool to CloudWatch Logs, the audit pool to S3, the no-alias pool to Firehose. */
export const DEMO_DESTINATIONS: Readonly<Record<string, ActivityDestination>> = {
  [LARGE_POOL_ID]: 'cloudwatch',
  [AUDIT_POOL_ID]: 's3',
  [NO_ALIAS_POOL_ID]: 'firehose',
};

/** The `userAuthEvents` configuration for a destination, or none. */
export function activityConfiguration(poolId: string, destination: ActivityDestination): LogConfiguration[] {
  const base = { EventSource: 'userAuthEvents' as const, LogLevel: 'INFO' as const };
  switch (destination) {
    case 'cloudwatch':
      return [{ ...base, CloudWatchLogsConfiguration: { LogGroupArn: logGroupArn(activityLogGroupName(poolId)) } }];
    case 's3':
      return [{ ...base, S3Configuration: { BucketArn: `arn:aws:s3:::cognito-activity-${poolId.toLowerCase().replace('_', '-')}` } }];
    case 'firehose':
      return [{ ...base, FirehoseConfiguration: { StreamArn: `arn:aws:firehose:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:deliverystream/cognito-activity-${poolId}` } }];
    case 'none':
      return [];
  }
}
