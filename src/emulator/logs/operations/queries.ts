import { ServiceError } from '../../errors.ts';
import type { LogsStore } from '../logs-store.ts';
import { statisticsOf } from '../logs-store.ts';
import { groupNameOf, logsInvalid, optionalInteger, optionalString, optionalStrings, requiredString } from '../params.ts';
import { MAX_QUERY_ROWS, startQuery as runQuery } from '../query-runner.ts';

const MAX_GROUPS_PER_QUERY = 50;

function requiredEpochSeconds(body: Record<string, unknown>, name: string): number {
  const v = body[name];
  if (v === undefined || v === null) throw logsInvalid(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ServiceError('SerializationException', `${name} must be a whole number of epoch seconds.`);
  if (v < 0) throw logsInvalid(`1 validation error detected: Value '${v}' at '${name}' failed to satisfy constraint: Member must have value greater than or equal to 0`);
  return v;
}

/** StartQuery: a Logs Insights query over up to 50 groups and [startTime, endTime] (epoch seconds). */
export function startQuery(store: LogsStore, body: Record<string, unknown>): Record<string, unknown> {
  const single = optionalString(body, 'logGroupName');
  const names = optionalStrings(body, 'logGroupNames', MAX_GROUPS_PER_QUERY);
  const identifiers = optionalStrings(body, 'logGroupIdentifiers', MAX_GROUPS_PER_QUERY);
  const given = [single, names, identifiers].filter((x) => x !== undefined).length;
  if (given > 1) throw logsInvalid('Specify only one of logGroupName, logGroupNames or logGroupIdentifiers.');
  const requested = single !== undefined ? [single] : names ?? (identifiers ?? []).map(groupNameOf);
  if (requested.length === 0) throw logsInvalid('Query must specify log groups: give logGroupName, logGroupNames or logGroupIdentifiers.');
  const queryString = requiredString(body, 'queryString', 10_000);
  const startTime = requiredEpochSeconds(body, 'startTime');
  const endTime = requiredEpochSeconds(body, 'endTime');
  if (endTime < startTime) throw logsInvalid('End time should not be before the start time.');
  const limit = optionalInteger(body, 'limit', 1, MAX_QUERY_ROWS) ?? MAX_QUERY_ROWS;
  const groups = requested.map((n) => {
    const group = store.groups.get(n);
    if (group === undefined) throw new ServiceError('ResourceNotFoundException', `Log group '${n}' does not exist for account ID '${store.account}'`);
    return group;
  });
  const record = runQuery(store, { queryString, groups, startMs: startTime * 1000, endMs: endTime * 1000 + 999, limit });
  return { queryId: record.id };
}

/** GetQueryResults: the status, the statistics so far, and the rows once Complete. */
export function getQueryResults(store: LogsStore, body: Record<string, unknown>): Record<string, unknown> {
  const id = requiredString(body, 'queryId', 256);
  const record = store.queries.get(id);
  if (record === undefined) throw new ServiceError('ResourceNotFoundException', `Query does not exist: ${id}`);
  return {
    queryLanguage: 'CWLI',
    results: record.status === 'Complete' ? record.results : [],
    statistics: statisticsOf(record.execution.statistics),
    status: record.status,
  };
}

/** StopQuery: cancels a Scheduled or Running query; `success` is false for one already finished. */
export function stopQuery(store: LogsStore, body: Record<string, unknown>): Record<string, unknown> {
  const id = requiredString(body, 'queryId', 256);
  const record = store.queries.get(id);
  if (record === undefined) throw new ServiceError('ResourceNotFoundException', `Query does not exist: ${id}`);
  if (record.status !== 'Scheduled' && record.status !== 'Running') return { success: false };
  record.stop();
  record.status = 'Cancelled';
  return { success: true };
}
