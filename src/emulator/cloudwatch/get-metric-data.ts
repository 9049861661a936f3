import { ServiceError } from '../errors.ts';
import type { MetricKey, MetricSeries } from './metric-series.ts';

/**
 * Builds a pool's series in steps: `step(until)` works until the time `until` (performance.now()) at most and returns
 * the series once it is complete.
 */
export interface SeriesBuilder {
  step(until: number): MetricSeries | undefined;
}

/** Where the metrics come from: a builder of a pool's series (from its generated auth events), or undefined for no such pool. */
export type SeriesSource = (poolId: string) => SeriesBuilder | undefined;

const STATS = new Set(['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum']);
const MAX_QUERIES = 500;

/** CloudWatch's InvalidParameterValueException. */
function invalidValue(message: string): ServiceError {
  return new ServiceError('InvalidParameterValueException', message);
}

function missing(name: string): ServiceError {
  return new ServiceError('MissingRequiredParameterException', `The parameter ${name} is required.`);
}

/** Longest step of a series' computation before other requests are answered. */
const STEP_MS = 4;

/**
 * Metric series computed once per pool, in short steps (other requests are answered meanwhile); requests that arrive
 * while a pool's series is being computed wait for the same computation.
 */
export class MetricsStore {
  private readonly pools = new Map<string, Promise<MetricSeries | undefined>>();
  private closed = false;

  constructor(private readonly source: SeriesSource) {}

  /** The pool's series, or undefined for a pool that does not exist. */
  seriesFor(poolId: string): Promise<MetricSeries | undefined> {
    let pending = this.pools.get(poolId);
    if (pending === undefined) {
      pending = this.compute(poolId);
      this.pools.set(poolId, pending);
    }
    return pending;
  }

  private async compute(poolId: string): Promise<MetricSeries | undefined> {
    const builder = this.source(poolId);
    if (builder === undefined) return undefined;
    for (;;) {
      const series = builder.step(performance.now() + STEP_MS);
      if (series !== undefined) return series;
      await new Promise((resolve) => setImmediate(resolve));
      if (this.closed) return undefined;
    }
  }

  /** Stops computations still running (the emulator is closing). */
  close(): void {
    this.closed = true;
  }
}

function epochMs(value: unknown, name: string): number {
  if (value === undefined || value === null) throw missing(name);
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  throw invalidValue(`The parameter ${name} must be a timestamp.`);
}

interface Stat {
  id: string;
  label: string;
  key: MetricKey;
  period: number;
  stat: string;
}

function readQuery(q: unknown, i: number): Stat | undefined {
  const query = (q ?? {}) as Record<string, unknown>;
  const id = query.Id;
  if (typeof id !== 'string' || !/^[a-z][a-zA-Z0-9_]*$/.test(id)) throw invalidValue(`The value ${String(id)} for parameter MetricDataQueries.member.${i + 1}.Id is not valid: it starts with a lower-case letter and holds letters, digits and _.`);
  if (query.Expression !== undefined) throw invalidValue(`MetricDataQueries.member.${i + 1}: this emulator answers MetricStat queries, not Expression.`);
  if (query.ReturnData === false) return undefined;
  const ms = query.MetricStat as Record<string, unknown> | undefined;
  if (ms === undefined) throw missing(`MetricDataQueries.member.${i + 1}.MetricStat`);
  const metric = (ms.Metric ?? {}) as Record<string, unknown>;
  if (typeof metric.MetricName !== 'string') throw missing(`MetricDataQueries.member.${i + 1}.MetricStat.Metric.MetricName`);
  const period = ms.Period;
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 60 || period % 60 !== 0) {
    throw invalidValue(`The parameter MetricDataQueries.member.${i + 1}.MetricStat.Period must be a multiple of 60.`);
  }
  if (typeof ms.Stat !== 'string' || !STATS.has(ms.Stat)) throw invalidValue(`The parameter MetricDataQueries.member.${i + 1}.MetricStat.Stat must be one of ${[...STATS].join(', ')}.`);
  const dims = Array.isArray(metric.Dimensions) ? (metric.Dimensions as Array<{ Name?: unknown; Value?: unknown }>) : [];
  const dimensions = dims.map((d) => {
    if (typeof d?.Name !== 'string' || typeof d.Value !== 'string') throw invalidValue('Each dimension needs a Name and a Value.');
    return { Name: d.Name, Value: d.Value };
  });
  const key = { namespace: typeof metric.Namespace === 'string' ? metric.Namespace : '', name: metric.MetricName, dimensions };
  return { id, label: typeof query.Label === 'string' ? query.Label : metric.MetricName, key, period, stat: ms.Stat };
}

function valueOf(stat: string, count: number): number {
  return stat === 'Sum' || stat === 'SampleCount' ? count : 1;
}

/**
 * GetMetricData for MetricStat queries: per-period values of the emulated AWS/Cognito metrics between StartTime and
 * EndTime, newest first unless ScanBy is TimestampAscending; periods without data are left out, as CloudWatch does.
 */
export async function getMetricData(store: MetricsStore, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const queries = body.MetricDataQueries;
  if (!Array.isArray(queries) || queries.length === 0) throw missing('MetricDataQueries');
  if (queries.length > MAX_QUERIES) throw invalidValue(`At most ${MAX_QUERIES} MetricDataQueries are allowed.`);
  const start = epochMs(body.StartTime, 'StartTime');
  const end = epochMs(body.EndTime, 'EndTime');
  if (end <= start) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const ascending = body.ScanBy === 'TimestampAscending';
  const stats = queries.map(readQuery).filter((s): s is Stat => s !== undefined);
  if (new Set(stats.map((s) => s.id)).size !== stats.length) throw invalidValue('The Id of each MetricDataQuery must be unique.');
  const results = [];
  for (const s of stats) {
    const poolId = s.key.dimensions.find((d) => d.Name === 'UserPoolId')?.Value;
    const series = s.key.namespace === 'AWS/Cognito' && poolId !== undefined ? await store.seriesFor(poolId) : undefined;
    const buckets = new Map<number, number>();
    const periodMs = s.period * 1000;
    for (const [minute, count] of series?.minutes(s.key) ?? []) {
      if (minute < start || minute >= end) continue;
      const bucket = start + Math.floor((minute - start) / periodMs) * periodMs;
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + count);
    }
    const times = [...buckets.keys()].sort((a, b) => (ascending ? a - b : b - a));
    results.push({ Id: s.id, Label: s.label, Timestamps: times.map((t) => t / 1000), Values: times.map((t) => valueOf(s.stat, buckets.get(t) ?? 0)), StatusCode: 'Complete' });
  }
  return { MetricDataResults: results, Messages: [] };
}
