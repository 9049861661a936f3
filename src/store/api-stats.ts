import type { ApiCallRecord, RetryCounts } from '../gateway/types.ts';
import { FOLLOW_PUBLISH_MS } from './follow-loader.ts';
import { listKey } from './routes.ts';
import type { ApiStats, AppState } from './state.ts';

/** API calls the log view keeps. */
const API_LOG_SIZE = 200;

/** How long API call counts are gathered before they are shown. */
const CALL_BATCH_MS = 50;

/** How long counts made while G loads wait for the list's publish before they are shown on their own (it publishes every FOLLOW_PUBLISH_MS). */
const FOLLOW_CALLS_MS = FOLLOW_PUBLISH_MS + 150;

function wasThrottled(record: ApiCallRecord): boolean {
  return (record.retries?.throttled ?? 0) > 0 || record.failedBecause === 'throttled' || record.errorName === 'TooManyRequestsException';
}

/** The attempts of one call that failed for a passing cause: its retries, and its last attempt when it gave up on one. */
export function failedAttemptsOf(record: ApiCallRecord): RetryCounts {
  const r = record.retries;
  const last = (cause: keyof RetryCounts) => (record.failedBecause === cause ? 1 : 0);
  return {
    throttled: (r?.throttled ?? 0) + last('throttled'),
    server: (r?.server ?? 0) + last('server'),
    network: (r?.network ?? 0) + last('network'),
  };
}

function sum(a: RetryCounts | undefined, b: RetryCounts): RetryCounts {
  return { throttled: (a?.throttled ?? 0) + b.throttled, server: (a?.server ?? 0) + b.server, network: (a?.network ?? 0) + b.network };
}

/** "throttled 2 · 5xx 1 · network 3": the counts that are not zero, each labelled by its cause; '' when all are. */
export function causeLabel(counts: RetryCounts | undefined): string {
  if (counts === undefined) return '';
  const parts: [string, number][] = [['throttled', counts.throttled], ['5xx', counts.server], ['network', counts.network]];
  return parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`).join(' · ');
}

/** The log view's rows: the recent calls, newest first. */
export function logRows(api: Pick<ApiStats, 'recent'>): ApiCallRecord[] {
  return [...api.recent].reverse();
}

/** The state after more API calls: the footer's counters, and the log list when it is open. */
export function withCallsRecorded(state: Pick<AppState, 'api' | 'lists'>, records: ApiCallRecord[]): Partial<AppState> {
  const api = state.api;
  const recent = [...api.recent, ...records].slice(-API_LOG_SIZE);
  const logKey = listKey({ kind: 'log' });
  const log = state.lists[logKey];
  const failedAttempts = records.map(failedAttemptsOf).reduce(sum, api.failedAttempts);
  const aborted = (api.aborted ?? 0) + records.filter((r) => r.aborted).length;
  return {
    api: {
      calls: api.calls + records.length,
      failed: api.failed + records.filter((r) => !r.ok && !r.aborted).length,
      throttled: api.throttled + records.filter(wasThrottled).length,
      ...(failedAttempts === undefined || causeLabel(failedAttempts) === '' ? {} : { failedAttempts }),
      ...(aborted > 0 ? { aborted } : {}),
      recent,
    },
    ...(log ? { lists: { ...state.lists, [logKey]: { ...log, items: logRows({ recent }) } } } : {}),
  };
}

/** True while some list follows its end (G): its publishes redraw the screen every FOLLOW_PUBLISH_MS anyway. */
function following(state: AppState): boolean {
  for (const key in state.lists) if (state.lists[key]?.followUntil !== undefined) return true;
  return false;
}

/** The store as the call recorder uses it; with `subscribe`, counts made while G loads ride on the store's own updates. */
export interface CallRecorderStore {
  getState: () => AppState;
  setState: (partial: Partial<AppState>) => void;
  subscribe?: (listener: () => void) => () => void;
}

/**
 * A listener for the gateway's calls that counts them in batches: a walk makes hundreds of calls a second, and
 * showing each would cost a frame each. While a list follows its end, the counts wait for the store's next update
 * (the list's publish) and are set as it is announced, before the screen draws it, so that one frame shows both; or
 * for FOLLOW_CALLS_MS if none comes. Otherwise they are shown every CALL_BATCH_MS.
 */
export function createCallRecorder(store: CallRecorderStore, now: () => number): (record: ApiCallRecord) => void {
  let pending: ApiCallRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) store.setState(withCallsRecorded(store.getState(), batch));
  };
  return (record) => {
    pending.push({ ...record, at: now() });
    if (timer) return;
    const ride = store.subscribe !== undefined && following(store.getState());
    if (ride) unsubscribe = store.subscribe!(flush);
    timer = setTimeout(flush, ride ? FOLLOW_CALLS_MS : CALL_BATCH_MS);
    timer.unref?.();
  };
}
