import { ServiceError } from '../../errors.ts';
import type { LogGroup } from '../log-group.ts';
import type { LogsStore } from '../logs-store.ts';
import { checkGroupName, logsInvalid, optionalInteger, optionalString, requiredString } from '../params.ts';

const MAX_GROUPS = 1_000_000;

function groupType(group: LogGroup): Record<string, unknown> {
  return {
    logGroupName: group.name,
    creationTime: group.createdAt,
    metricFilterCount: 0,
    arn: `${group.arn}:*`,
    storedBytes: group.table.storedBytes,
    logGroupClass: 'STANDARD',
    logGroupArn: group.arn,
  };
}

/** CreateLogGroup: a new, empty group; ResourceAlreadyExistsException when the name is taken. */
export function createLogGroup(store: LogsStore, body: Record<string, unknown>): Record<string, never> {
  const name = requiredString(body, 'logGroupName');
  checkGroupName(name);
  if (store.groups.has(name)) throw new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
  if (store.groups.size >= MAX_GROUPS) throw new ServiceError('LimitExceededException', 'Resource limit exceeded.');
  store.addGroup(name, store.clock());
  return {};
}

/** CreateLogStream in an existing group. */
export function createLogStream(store: LogsStore, body: Record<string, unknown>): Record<string, never> {
  const group = store.requireGroup(requiredString(body, 'logGroupName'));
  const name = requiredString(body, 'logStreamName');
  if (/[:*]/.test(name)) throw logsInvalid(`Log stream name "${name}" must not contain ':' or '*'.`);
  group.ensureFilled();
  if (group.streams.has(name)) throw new ServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists');
  group.streams.set(name, { name, createdAt: store.clock() });
  return {};
}

/** DescribeLogGroups: by name prefix or pattern, sorted by name, at most `limit` (1–50) a page. */
export function describeLogGroups(store: LogsStore, body: Record<string, unknown>): Record<string, unknown> {
  const prefix = optionalString(body, 'logGroupNamePrefix');
  const pattern = optionalString(body, 'logGroupNamePattern');
  if (prefix !== undefined && pattern !== undefined) throw logsInvalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  const limit = optionalInteger(body, 'limit', 1, 50) ?? 50;
  const token = optionalString(body, 'nextToken', 4096);
  const names = [...store.groups.keys()]
    .filter((n) => (prefix === undefined || n.startsWith(prefix)) && (pattern === undefined || n.toLowerCase().includes(pattern.toLowerCase())))
    .sort();
  let start = 0;
  if (token !== undefined) {
    const after = Buffer.from(token, 'base64url').toString('utf8');
    start = names.findIndex((n) => n > after);
    if (start < 0) start = names.length;
  }
  const page = names.slice(start, start + limit);
  const out: Record<string, unknown> = { logGroups: page.map((n) => groupType(store.groups.get(n) as LogGroup)) };
  if (start + limit < names.length) out.nextToken = Buffer.from(page[page.length - 1], 'utf8').toString('base64url');
  return out;
}
