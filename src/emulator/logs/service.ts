import { ServiceError } from '../errors.ts';
import type { ServiceHandler, ServiceSpec } from '../service.ts';
import type { LogsStore } from './logs-store.ts';
import { filterLogEvents, putLogEvents } from './operations/events.ts';
import { createLogGroup, createLogStream, describeLogGroups } from './operations/groups.ts';
import { getQueryResults, startQuery, stopQuery } from './operations/queries.ts';

type LogsHandler = (store: LogsStore, body: Record<string, unknown>) => unknown;

/** Every CloudWatch Logs operation the emulator answers, by the name after `Logs_20140328.`. */
export const LOGS_OPERATIONS: ReadonlyMap<string, LogsHandler> = new Map<string, LogsHandler>([
  ['CreateLogGroup', createLogGroup],
  ['CreateLogStream', createLogStream],
  ['PutLogEvents', putLogEvents],
  ['DescribeLogGroups', describeLogGroups],
  ['FilterLogEvents', filterLogEvents],
  ['StartQuery', startQuery],
  ['GetQueryResults', getQueryResults],
  ['StopQuery', stopQuery],
]);

/** CloudWatch Logs (AWS JSON 1.1, `X-Amz-Target: Logs_20140328.<Operation>`) over `store`. */
export function logsService(store: LogsStore): ServiceSpec {
  const operations = new Map<string, ServiceHandler>();
  for (const [name, handler] of LOGS_OPERATIONS) operations.set(name, (body) => handler(store, body));
  return {
    name: 'CloudWatch Logs',
    targetPrefix: 'Logs_20140328.',
    contentType: 'application/x-amz-json-1.1',
    operations,
    throttle: () => new ServiceError('ThrottlingException', 'Rate exceeded'),
    internal: () => new ServiceError('ServiceUnavailableException', 'The service cannot complete the request.', 500),
  };
}
