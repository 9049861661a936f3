import type { QueryRun } from '../store/logs-state.ts';

const MB = 1024 * 1024;

/** Bytes as the progress line says them: "812 B", "4.2 MB", "1.30 GB". */
export function bytesText(n: number | undefined): string {
  if (n === undefined) return '? B';
  if (n < 1024) return `${n} B`;
  if (n < MB) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * MB) return `${(n / MB).toFixed(1)} MB`;
  return `${(n / 1024 / MB).toFixed(2)} GB`;
}

/** A figure as the query lines say it; "?" when the service has not said. */
export const count = (n: number | undefined) => (n === undefined ? '?' : Math.round(n).toLocaleString('en-US'));

/**
 * One line of where the query is: its status, records matched and scanned, bytes scanned, and when it started (the
 * screen's clock ticks too rarely to count a running query's seconds) or how long it took.
 */
export function queryProgressText(run: QueryRun): string {
  const s = run.statistics;
  const took = run.endedAt === undefined
    ? `started ${new Date(run.startedAt).toISOString().slice(11, 19)}Z`
    : `${(Math.max(0, run.endedAt - run.startedAt) / 1000).toFixed(1)}s`;
  return `${run.status} · ${count(s.recordsMatched)} records matched of ${count(s.recordsScanned)} scanned · ${bytesText(s.bytesScanned)} scanned · ${took}`;
}

/** How fresh the answer is: the newest record time in the rows ("records up to 14:02:11Z"), as far as they tell. */
export function freshnessText(run: QueryRun): string {
  if (run.endedAt === undefined || run.error !== undefined) return '';
  if (run.newestMs === undefined) return 'newest record time not in the rows (add @timestamp to see it); delivery lags a few minutes';
  return `records up to ${new Date(run.newestMs).toISOString().slice(11, 19)}Z (${new Date(run.newestMs).toISOString().slice(0, 10)}); delivery lags a few minutes`;
}
