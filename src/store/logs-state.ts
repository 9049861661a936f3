import type { LogSource } from '../domain/log-source.ts';
import type { QueryAsked, QuestionName } from '../domain/canned-queries.ts';
import type { IpPivotRow } from '../domain/ip-pivot.ts';
import type { TimeRange } from '../domain/time-range.ts';
import type { QueryStatistics, QueryStatus } from '../gateway/logs-types.ts';

/** One row of a query's results: its cells by column, and the user and IP address it names, if any. */
export interface QueryRow {
  /** Row number in the results, from 0: what a row is marked and found by when it names no user. */
  n: number;
  cells: Record<string, string>;
  user?: string;
  ip?: string;
}

/** A Logs Insights query of the app: what was asked, where it is, what it read and what it found. */
export interface QueryRun extends QueryAsked {
  id: string;
  title: string;
  queryId?: string;
  status: QueryStatus | 'Starting';
  statistics: QueryStatistics;
  columns: string[];
  /** Rows the service answered (before the app grouped them). */
  returned: number;
  /** The service's row limit was reached: there may be more. */
  truncated: boolean;
  /** The newest record time in the results (epoch ms), when they carry one. */
  newestMs?: number;
  startedAt: number;
  endedAt?: number;
  /** One line naming the query and the cause, when it failed. */
  error?: string;
  /** The first column shown, while the table is scrolled sideways ([ and ]). */
  firstColumn?: number;
}

/** The IP pivot's pool-wide answer for one address: the users the logs name, while and after it is asked. */
export interface IpPivotQuery {
  runId: string;
  rows: IpPivotRow[];
  done: boolean;
  error?: string;
}

/** The user-activity logs of each pool: where they are, the range asked, the queries run. */
export interface LogsState {
  sources: Record<string, LogSource>;
  /** Groups named with `:log-group`, by pool. */
  groups: Record<string, string>;
  ranges: Record<string, TimeRange>;
  runs: Record<string, QueryRun>;
  /** By tupleKey(pool, address). */
  ipPivots: Record<string, IpPivotQuery>;
}

/** The actions of the pool-wide query path. */
export interface LogsActions {
  /** Finds where a pool's user activity goes (once; again when `force`). */
  findLogSource(poolId: string, force?: boolean): void;
  /** `:log-group NAME`: the current pool's user activity is in this group. */
  setLogGroup(name: string): void;
  /** `:since RANGE`: the current pool's range. */
  setTimeRange(text: string): void;
  /** `:ask NAME [ARG] [RANGE]` and the users view's keys: a canned question over the pool's range (or RANGE). */
  askQuestion(name: QuestionName, arg?: string, range?: string): void;
  /** `:query QUERY`: a raw Logs Insights query over the pool's range; none opens the command line with `query `. */
  runRawQuery(query?: string): void;
  /** Esc on a running query: StopQuery; false when none is running on screen. */
  cancelQuery(): boolean;
  /**
   * At the end of a session: stops every Logs Insights query still running (StopQuery, so the service scans and bills
   * no more) and waits at most `waitMs` for the answers and their journal lines; resolves with how many it stopped.
   */
  stopQueries(waitMs: number): Promise<number>;
  /** Writes the query results on screen to a JSON or CSV file. */
  exportQuery(format: 'json' | 'csv'): void;
  /** Scrolls the results table sideways by `delta` columns. */
  shiftQueryColumns(delta: number): void;
  /** Opens the IP pivot of the selected result row's address. */
  pivotQueryRow(): void;
  /** Asks the logs for the users of an address in the IP pivot (when the pool's log group is known). */
  askIpPivot(poolId: string, address: string): void;
}
