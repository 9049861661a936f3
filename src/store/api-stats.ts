import type { ApiCallRecord } from '../gateway/types.ts';
import { listKey } from './routes.ts';
import type { AppState } from './state.ts';

/** How long API call counts are gathered before they are shown. */
const CALL_BATCH_MS = 50;

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

/**
 * A listener for the gateway's calls that counts them in batches: a walk makes hundreds of calls a second, and
 * showing each would cost a frame each.
 */
export function createCallRecorder(
  store: { getState: () => AppState; setState: (partial: Partial<AppState>) => void },
  now: () => number,
): (record: ApiCallRecord) => void {
  let pending: { record: ApiCallRecord; at: number }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (record) => {
    pending.push({ record, at: now() });
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      let state: Pick<AppState, 'api' | 'lists'> = store.getState();
      let change: Partial<AppState> = {};
      for (const { record: r, at } of batch) {
        change = { ...change, ...withCallRecorded(state, r, at) };
        state = { ...state, ...change };
      }
      store.setState(change);
    }, CALL_BATCH_MS);
    timer.unref?.();
  };
}
