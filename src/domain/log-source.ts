import type { LogDelivery } from '../gateway/logs-types.ts';

/** Where a pool's user activity can be asked, as far as the app found out. */
export type LogSource =
  | { state: 'finding' }
  /** A CloudWatch Logs group: from the pool's log delivery, the config file (`pools.<id>.logGroup`), `--log-group`, or `:log-group`. */
  | { state: 'group'; logGroup: string; from: 'delivery' | 'config' | 'flag' | 'command'; level?: string }
  | { state: 's3' | 'firehose'; arn: string }
  | { state: 'none' }
  /** The IAM action that was denied. */
  | { state: 'denied'; message: string }
  | { state: 'failed'; message: string }
  /** The connection cannot ask CloudWatch Logs. */
  | { state: 'unsupported' };

/** What GetLogDeliveryConfiguration says about user activity, as a log source. */
export function sourceOfDelivery(delivery: LogDelivery): LogSource {
  const d = delivery.userAuthEvents;
  if (!d) return { state: 'none' };
  if (d.kind === 'cloudwatch') return { state: 'group', logGroup: d.logGroupName, from: 'delivery', ...(d.level ? { level: d.level } : {}) };
  return { state: d.kind, arn: d.arn };
}

/** How to turn user-activity export on, in one line. */
export const HOW_TO_EXPORT = 'turn it on: the pool needs the Plus feature plan with threat protection active (audit or full-function), '
  + 'then export user activity (userAuthEvents, INFO) to a CloudWatch Logs group in the same account (console: Settings → Log streaming, '
  + 'or SetLogDeliveryConfiguration); or name a group with --log-group / :log-group NAME';

/** The one line that says where a pool's user activity is and what that means for a query; undefined when a group is known. */
export function describeLogSource(source: LogSource): string {
  switch (source.state) {
    case 'finding':
      return 'Looking up where this pool\'s user activity goes (GetLogDeliveryConfiguration)…';
    case 'group':
      return `User activity: CloudWatch Logs group ${source.logGroup}`;
    case 's3':
      return 'User activity goes to S3: not queryable here; the sweep can still look (s on the users list).';
    case 'firehose':
      return 'User activity goes to Firehose: not queryable here; the sweep can still look (s on the users list).';
    case 'none':
      return `This pool exports no user activity: ${HOW_TO_EXPORT}. The sweep can still look (s on the users list).`;
    case 'denied':
      return `Not allowed to read where user activity goes (${source.message} is denied) — name the log group with --log-group or :log-group NAME.`;
    case 'failed':
      return `Could not read where user activity goes: ${source.message} Name the log group with :log-group NAME, or press r.`;
    case 'unsupported':
      return 'This connection cannot query CloudWatch Logs; the sweep can still look (s on the users list).';
  }
}
