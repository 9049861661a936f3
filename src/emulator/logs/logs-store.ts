import { DEMO_ACCOUNT_ID } from '../well-known-ids.ts';
import { ServiceError } from '../errors.ts';
import { LogGroup } from './log-group.ts';
import type { GroupFiller } from './log-group.ts';
import type { QueryExecution, QueryStatistics, ResultField } from './insights/run-query.ts';

/** Logs Insights query states, as GetQueryResults reports them. */
export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout';

/** One query the account started. */
export interface QueryRecord {
  id: string;
  queryString: string;
  groupNames: string[];
  status: QueryStatus;
  createdAt: number;
  execution: QueryExecution;
  results: ResultField[][];
  /** Cancels the query's pending work. */
  stop(): void;
}

/** Options of the CloudWatch Logs side of the emulator. */
export interface LogsOptions {
  /** Milliseconds a query stays Scheduled/Running at least, so progress and cancelling can be seen; default 0. */
  queryLatencyMs?: number;
  /** Concurrent (Scheduled or Running) queries allowed; default 30, as AWS's default quota. */
  maxConcurrentQueries?: number;
}

/** Every log group and query of the emulated account. */
export class LogsStore {
  readonly groups = new Map<string, LogGroup>();
  readonly queries = new Map<string, QueryRecord>();
  readonly account = DEMO_ACCOUNT_ID;
  private readonly timers = new Set<NodeJS.Timeout | NodeJS.Immediate>();

  constructor(
    readonly clock: () => number,
    readonly options: LogsOptions = {},
  ) {}

  /** Adds a group; its filler (if any) runs when its events are first needed. */
  addGroup(name: string, createdAt: number, filler?: GroupFiller): LogGroup {
    const group = new LogGroup(name, createdAt, filler);
    this.groups.set(name, group);
    return group;
  }

  /** The group, or ResourceNotFoundException as CloudWatch Logs words it. */
  requireGroup(name: string): LogGroup {
    const group = this.groups.get(name);
    if (group === undefined) throw new ServiceError('ResourceNotFoundException', `The specified log group does not exist.`);
    return group;
  }

  /** Queries still Scheduled or Running. */
  activeQueries(): number {
    let n = 0;
    for (const q of this.queries.values()) if (q.status === 'Scheduled' || q.status === 'Running') n += 1;
    return n;
  }

  /** Runs `fn` after `ms` (0: on the next turn), cancelled by close(). */
  later(ms: number, fn: () => void): () => void {
    if (ms <= 0) {
      const handle = setImmediate(() => {
        this.timers.delete(handle);
        fn();
      });
      this.timers.add(handle);
      return () => {
        clearImmediate(handle);
        this.timers.delete(handle);
      };
    }
    const handle = setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, ms);
    this.timers.add(handle);
    return () => {
      clearTimeout(handle);
      this.timers.delete(handle);
    };
  }

  /** Generates every group's pending events in the background, a short step a turn; resolves when all are there. */
  prefill(): Promise<void> {
    const pending = [...this.groups.values()].filter((g) => g.pending);
    return new Promise((resolve) => {
      const step = (): void => {
        const group = pending[0];
        if (group === undefined) {
          resolve();
          return;
        }
        if (group.fillStep()) pending.shift();
        this.later(0, step);
      };
      this.later(0, step);
    });
  }

  /** Cancels every pending timer (the emulator is closing). */
  close(): void {
    for (const t of this.timers) {
      clearTimeout(t as NodeJS.Timeout);
      clearImmediate(t as NodeJS.Immediate);
    }
    this.timers.clear();
  }
}

/** Statistics as GetQueryResults returns them. */
export function statisticsOf(s: QueryStatistics): Record<string, number> {
  return { recordsMatched: s.recordsMatched, recordsScanned: s.recordsScanned, estimatedRecordsSkipped: 0, bytesScanned: s.bytesScanned };
}
