import { GatewayError } from '../../src/gateway/errors.ts';
import type { LogDelivery, LogGroupSummary, LogsGateway, QueryRequest, QueryResults } from '../../src/gateway/logs-types.ts';
import type { CallOptions, Page } from '../../src/gateway/types.ts';
import { FakeGateway, fakeAbortError } from './fake-gateway.ts';

/** A FakeGateway that also answers the log delivery configuration and Logs Insights, from scripts. */
export class FakeLogsGateway extends FakeGateway implements LogsGateway {
  /** What GetLogDeliveryConfiguration answers (or the error it fails with). */
  delivery: LogDelivery | GatewayError = { poolId: '' };
  /** Queries started, in order. */
  started: QueryRequest[] = [];
  /** Query ids StopQuery was sent for. */
  stopped: string[] = [];
  /** What StartQuery fails with, if anything. */
  startFailure?: GatewayError;
  /** The answers of GetQueryResults for each query, in order; the last one repeats. */
  script: QueryResults[] = [{ status: 'Complete', columns: [], rows: [], statistics: {} }];
  /** Answers for a query whose text contains the key, instead of `script`. */
  scripts = new Map<string, QueryResults[]>();
  private polls = new Map<string, number>();

  getLogDeliveryConfiguration(poolId: string, opts?: CallOptions): Promise<LogDelivery> {
    this.calls.push({ op: 'GetLogDeliveryConfiguration', args: [poolId], ...(opts?.signal ? { signal: opts.signal } : {}) });
    return this.delivery instanceof GatewayError ? Promise.reject(this.delivery) : Promise.resolve({ ...this.delivery, poolId });
  }

  startQuery(request: QueryRequest): Promise<string> {
    this.calls.push({ op: 'StartQuery', args: [request] });
    if (this.startFailure) return Promise.reject(this.startFailure);
    this.started.push(request);
    return Promise.resolve(`query-${this.started.length}`);
  }

  getQueryResults(queryId: string, opts?: CallOptions): Promise<QueryResults> {
    this.calls.push({ op: 'GetQueryResults', args: [queryId] });
    if (opts?.signal?.aborted) return Promise.reject(fakeAbortError());
    const request = this.started[Number(queryId.split('-')[1]) - 1]!;
    const own = [...this.scripts.entries()].find(([key]) => request.query.includes(key))?.[1] ?? this.script;
    const n = this.polls.get(queryId) ?? 0;
    this.polls.set(queryId, n + 1);
    return Promise.resolve(own[Math.min(n, own.length - 1)]!);
  }

  stopQuery(queryId: string): Promise<boolean> {
    this.calls.push({ op: 'StopQuery', args: [queryId] });
    this.stopped.push(queryId);
    return Promise.resolve(true);
  }

  /** The groups DescribeLogGroups lists. */
  logGroups: LogGroupSummary[] = [];

  describeLogGroups(prefix?: string): Promise<Page<LogGroupSummary>> {
    this.calls.push({ op: 'DescribeLogGroups', args: [prefix] });
    return Promise.resolve({ items: this.logGroups.filter((g) => !prefix || g.name.startsWith(prefix)) });
  }
}

/** Query results as the gateway answers them: complete, with these rows (columns in the order first seen). */
export function complete(rows: Record<string, string>[], statistics: QueryResults['statistics'] = { recordsMatched: rows.length, recordsScanned: 1000, bytesScanned: 204_800 }): QueryResults {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { status: 'Complete', columns, rows, statistics };
}
