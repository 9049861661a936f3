import type { ApiCallRecord } from '../gateway/types.ts';
import { listKey } from './routes.ts';
import type { AppState } from './state.ts';

/** API calls the log view keeps. */
export const API_LOG_SIZE = 200;

/** The state after one more API call: the footer's counters, and the log list when it is open. */
export function withCallRecorded(state: Pick<AppState, 'api' | 'lists'>, record: ApiCallRecord, at: number): Partial<AppState> {
  const api = state.api;
  const recent = [...api.recent.slice(-(API_LOG_SIZE - 1)), { ...record, at }];
  const logKey = listKey({ kind: 'log' });
  const log = state.lists[logKey];
  return {
    api: {
      calls: api.calls + 1,
      failed: api.failed + (record.ok ? 0 : 1),
      throttled: api.throttled + (record.attempts > 1 || record.errorName === 'TooManyRequestsException' ? 1 : 0),
      recent,
    },
    ...(log ? { lists: { ...state.lists, [logKey]: { ...log, items: [...recent].reverse() } } } : {}),
  };
}
