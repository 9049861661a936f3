import { randomUUID } from 'node:crypto';
import { ServiceError } from '../errors.ts';
import { QueryError } from './insights/ast.ts';
import { parseQuery } from './insights/parser.ts';
import { QueryExecution } from './insights/run-query.ts';
import type { LogGroup } from './log-group.ts';
import type { LogsStore, QueryRecord } from './logs-store.ts';

const ROWS_PER_STEP = 250_000;

/** The results limit of one query (AWS: 10,000 rows). */
export const MAX_QUERY_ROWS = 10_000;

/** MalformedQueryException with the compile error's location, as Logs Insights reports it. */
export function malformed(error: QueryError): ServiceError {
  return new ServiceError('MalformedQueryException', `Query is malformed: ${error.message}`, 400, {
    queryCompileError: { location: { startCharOffset: error.span.start, endCharOffset: error.span.end }, message: error.message },
  });
}

/** What StartQuery asks for, checked. */
export interface QueryRequest {
  queryString: string;
  groups: LogGroup[];
  startMs: number;
  endMs: number;
  limit: number;
}

/**
 * Starts a query: parsed and compiled at once (a syntax error is a MalformedQueryException), then Scheduled while
 * the groups' generated events are filled in, Running while it scans in steps, and Complete with its results.
 */
export function startQuery(store: LogsStore, request: QueryRequest): QueryRecord {
  const max = store.options.maxConcurrentQueries ?? 30;
  if (store.activeQueries() >= max) {
    throw new ServiceError('LimitExceededException', `Account maximum query concurrency limit of [${max}] reached.`);
  }
  let execution: QueryExecution | undefined;
  const prepare = (): QueryExecution => {
    try {
      return new QueryExecution(parseQuery(request.queryString), request.groups, store.account, request.startMs, request.endMs, request.limit);
    } catch (e) {
      if (e instanceof QueryError) throw malformed(e);
      throw e;
    }
  };
  execution = prepare();
  const startedAt = Date.now();
  const latency = store.options.queryLatencyMs ?? 0;
  let cancel: () => void = () => undefined;
  const record: QueryRecord = {
    id: randomUUID(),
    queryString: request.queryString,
    groupNames: request.groups.map((g) => g.name),
    status: 'Scheduled',
    createdAt: store.clock(),
    execution,
    results: [],
    stop: () => cancel(),
  };
  const fill = (): void => {
    const done = request.groups.every((g) => g.fillStep());
    if (!done) {
      cancel = store.later(0, fill);
      return;
    }
    execution = prepare();
    record.execution = execution;
    cancel = store.later(Math.floor(latency / 2), scan);
  };
  const scan = (): void => {
    record.status = 'Running';
    if (!(execution as QueryExecution).step(ROWS_PER_STEP)) {
      cancel = store.later(0, scan);
      return;
    }
    const wait = startedAt + latency - Date.now();
    cancel = store.later(Math.max(0, wait), complete);
  };
  const complete = (): void => {
    try {
      record.results = (execution as QueryExecution).finish();
      record.status = 'Complete';
    } catch {
      record.status = 'Failed';
    }
  };
  store.queries.set(record.id, record);
  cancel = store.later(0, fill);
  return record;
}
