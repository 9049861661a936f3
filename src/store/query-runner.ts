import type { LogsGateway, QueryResults } from '../gateway/logs-types.ts';
import type { QueryPlan } from '../domain/canned-queries.ts';

/** The most rows Logs Insights returns for one query (its documented limit); a query asks for all of them. */
export const QUERY_ROW_LIMIT = 10_000;

/** How GetQueryResults is polled: the first wait, the factor it grows by, the longest wait (ms). */
export interface PollPacing {
  firstMs: number;
  factor: number;
  maxMs: number;
}

/** Polls soon, then backs off to one poll every 5 s (a long query needs no more; each poll is a request). */
export const DEFAULT_POLL: PollPacing = { firstMs: 150, factor: 1.6, maxMs: 5000 };

/** How a query ended: its last answer, or why it has none. */
export interface QueryOutcome {
  queryId?: string;
  results?: QueryResults;
  cancelled: boolean;
  error?: unknown;
}

/** A query under way: cancel it (StopQuery once it has an id), or wait for how it ended. */
export interface RunningQuery {
  cancel(): void;
  readonly done: Promise<QueryOutcome>;
}

const FINAL = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout']);

/**
 * Starts a Logs Insights query and polls GetQueryResults with backoff until it is over, telling `onProgress` each
 * answer; `cancel` aborts the poll in flight and sends StopQuery (as soon as StartQuery has answered, if it has not).
 */
export function startLogsQuery(gw: LogsGateway, plan: QueryPlan, logGroup: string, onProgress: (queryId: string, r?: QueryResults) => void,
  pacing: PollPacing = DEFAULT_POLL): RunningQuery {
  const controller = new AbortController();
  let cancelled = false;
  let queryId: string | undefined;
  let stopped: Promise<unknown> | undefined;
  let wake: () => void = () => {};

  const stop = () => {
    if (queryId && !stopped) stopped = gw.stopQuery(queryId).catch(() => false);
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });

  async function run(): Promise<QueryOutcome> {
    try {
      queryId = await gw.startQuery({ logGroups: [logGroup], query: plan.query, startMs: plan.startMs, endMs: plan.endMs, limit: QUERY_ROW_LIMIT });
      onProgress(queryId);
      let delay = pacing.firstMs;
      for (;;) {
        if (cancelled) break;
        await sleep(delay);
        if (cancelled) break;
        const results = await gw.getQueryResults(queryId, { signal: controller.signal });
        onProgress(queryId, results);
        if (FINAL.has(results.status)) return { queryId, results, cancelled: false };
        delay = Math.min(pacing.maxMs, Math.round(delay * pacing.factor));
      }
    } catch (error) {
      if (!cancelled) return { ...(queryId ? { queryId } : {}), cancelled: false, error };
    }
    stop();
    await stopped;
    return { ...(queryId ? { queryId } : {}), cancelled: true };
  }

  const done = run();
  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      controller.abort();
      wake();
      stop();
    },
    done,
  };
}
