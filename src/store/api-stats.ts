import type { ApiCallRecord } from '../gateway/types.ts';
import { listKey } from './routes.ts';
import type { ApiStats, AppState } from './state.ts';

/** API calls the log view keeps. */
const API_LOG_SIZE = 200;

/** How long API call counts are gathered before they are shown. */
const CALL_BATCH_MS = 50;

function wasThrottled(record: ApiCallRecord): boolean {
  return record.attempts > 1 || record.errorName === 'TooManyRequestsException';
}

/** The log view's rows: the recent calls, newest first. */
export function logRows(api: Pick<ApiStats, 'recent'>): ApiCallRecord[] {
  return [...api.recent].reverse();
}

/** The state after more API calls: the footer's counters, and the log list when it is open. */
function withCallsRecorded(state: Pick<AppState, 'api' | 'lists'>, records: ApiCallRecord[]): Partial<AppState> {
  const api = state.api;
  const recent = [...api.recent, ...records].slice(-API_LOG_SIZE);
  const logKey = listKey({ kind: 'log' });
  const log = state.lists[logKey];
  return {
    api: {
      calls: api.calls + records.length,
      failed: api.failed + records.filter((r) => !r.ok).length,
      throttled: api.throttled + records.filter(wasThrottled).length,
      recent,
    },
    ...(log ? { lists: { ...state.lists, [logKey]: { ...log, items: logRows({ recent }) } } } : {}),
  };
}

/**
 * A listener for the gateway's calls that counts them in batches: a walk makes hundreds of calls a second, and
 * showing each would cost a frame each.
 */
export function createCallRecorder(
  store: { getState: () => AppState; setState: (partial: Partial<AppState>) => void },
  now: () => number,
): (record: ApiCallRecord) => void {
  let pending: ApiCallRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (record) => {
    pending.push({ ...record, at: now() });
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      store.setState(withCallsRecorded(store.getState(), batch));
    }, CALL_BATCH_MS);
    timer.unref?.();
  };
}
