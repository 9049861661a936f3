import { CallGuard } from './call-guard.ts';
import { classifyFailure, failureFacts, GatewayError, MalformedAnswerError, readDeadlineError, type FailureFacts } from './errors.ts';
import type { ApiCallRecord, MetricsGateway, RiskMetricName, RiskMetricSeries, RiskPulseData, RiskPulseRequest } from './types.ts';

/** How to reach CloudWatch: the same region, profile, endpoint and credentials as the Cognito client. */
export interface MetricsOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Overall deadline of one GetMetricData call (every page), ms. */
  deadlineMs: number;
}

/** The metrics the pulse shows, by the prefix of the ids of their queries. */
export const RISK_METRIC_IDS: Readonly<Record<string, RiskMetricName>> = {
  ato: 'AccountTakeoverRisk',
  cc: 'CompromisedCredentialRisk',
  blocked: 'OverrideBlock',
};

/** The operations threat protection rates (the Operation dimension) and the RiskLevel dimension's values. */
const OPERATIONS = ['SignIn', 'SignUp', 'PasswordChange'] as const;
const LEVELS = ['high', 'medium', 'low'] as const;

/** Pages of one GetMetricData answer read at most (a day of 5-minute sums for three metrics fits in one). */
const MAX_PAGES = 5;

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

const OPERATION = 'GetMetricData';

/** One GetMetricData query of the pulse: one series (metric, operation, risk level) of the pool, summed per period. */
export interface PulseQuery {
  Id: string;
  ReturnData: true;
  MetricStat: {
    Metric: { Namespace: 'AWS/Cognito'; MetricName: RiskMetricName; Dimensions: { Name: string; Value: string }[] };
    Period: number;
    Stat: 'Sum';
  };
}

/**
 * The queries of the pulse: Cognito publishes each metric once per Operation and RiskLevel (exact dimension sets, so
 * each is asked for by name), and the pulse adds them up per metric. OverrideBlock is also asked without RiskLevel,
 * in case a block carries no level; a series without data answers nothing, so nothing is counted twice.
 */
export function pulseQueries(poolId: string, periodSeconds: number): PulseQuery[] {
  const query = (prefix: string, metric: RiskMetricName, operation: string, level?: string): PulseQuery => ({
    Id: `${prefix}_${operation.toLowerCase()}_${level ?? 'any'}`,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/Cognito', MetricName: metric,
        Dimensions: [{ Name: 'Operation', Value: operation }, { Name: 'UserPoolId', Value: poolId }, ...(level ? [{ Name: 'RiskLevel', Value: level }] : [])],
      },
      Period: periodSeconds,
      Stat: 'Sum',
    },
  });
  return Object.entries(RISK_METRIC_IDS).flatMap(([prefix, metric]) => OPERATIONS.flatMap((operation) => [
    ...LEVELS.map((level) => query(prefix, metric, operation, level)),
    ...(metric === 'OverrideBlock' ? [query(prefix, metric, operation)] : []),
  ]));
}

/** The metric a query id belongs to (`ato_signin_high` → AccountTakeoverRisk). */
function metricPrefix(id: string): string {
  return id.split('_')[0];
}

type CloudWatchModule = typeof import('@aws-sdk/client-cloudwatch');

/**
 * The risk pulse's reader over `@aws-sdk/client-cloudwatch`, loaded on its first call; each call is reported to
 * `notify` like a Cognito call, and every failure becomes a GatewayError naming `cloudwatch:GetMetricData`.
 */
export function sdkRiskPulse(options: MetricsOptions, notify: (record: ApiCallRecord) => void): MetricsGateway['riskPulse'] {
  let loaded: Promise<{ sdk: CloudWatchModule; client: InstanceType<CloudWatchModule['CloudWatchClient']> }> | undefined;
  const client = () => {
    loaded ??= import('@aws-sdk/client-cloudwatch').then((sdk) => ({
      sdk,
      client: new sdk.CloudWatchClient({
        ...(options.region ? { region: options.region } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        maxAttempts: 1,
        logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {} },
      }),
    }));
    return loaded;
  };

  return async (request, opts) => {
    const started = performance.now();
    const guard = new CallGuard(options.deadlineMs, opts?.signal);
    let attempts = 0;
    const report = (ok: boolean, errorName?: string) =>
      notify({ operation: OPERATION, ms: performance.now() - started, ok, attempts, ...(errorName ? { errorName } : {}), ...(errorName === 'aborted' ? { aborted: true } : {}) });
    try {
      if (!POOL_ID.test(request.poolId)) throw new GatewayError({ kind: 'invalid-input', retryable: false, operation: OPERATION, message: `Not a user pool id: ${request.poolId}` });
      const { sdk, client: cw } = await guard.race(client());
      const values = new Map<string, Map<number, number>>();
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        attempts++;
        const out = await guard.race(cw.send(new sdk.GetMetricDataCommand({
          StartTime: new Date(request.startMs),
          EndTime: new Date(request.endMs),
          ScanBy: 'TimestampAscending',
          NextToken: token,
          MetricDataQueries: pulseQueries(request.poolId, request.periodSeconds),
        }), { abortSignal: guard.signal }));
        readResults(out.MetricDataResults, values);
        token = typeof out.NextToken === 'string' && out.NextToken ? out.NextToken : undefined;
        if (!token) break;
      }
      report(true);
      return toPulse(request, values);
    } catch (error) {
      if (guard.reason === 'aborted') {
        report(false, 'aborted');
        throw new GatewayError({ kind: 'aborted', retryable: false, operation: OPERATION, message: `${OPERATION} was cancelled.` });
      }
      const failure = guard.reason === 'deadline'
        ? readDeadlineError(OPERATION, options.deadlineMs, 'cloudwatch')
        : error instanceof GatewayError ? error : classifyMetricsFailure(failureFacts(error), options);
      report(false, failure.awsName ?? failure.kind);
      throw failure;
    } finally {
      guard.dispose();
    }
  };
}

/** A CloudWatch failure in the terms a person acts on: a refusal names the IAM action to add. */
export function classifyMetricsFailure(facts: FailureFacts, where: { region?: string; endpoint?: string; profile?: string }): GatewayError {
  const name = facts.name ?? '';
  if (/^AccessDenied/.test(name) || name === 'NotAuthorized' || facts.httpStatus === 403) {
    return new GatewayError({
      kind: 'permission', retryable: false, operation: OPERATION, awsName: name || 'AccessDenied',
      message: `Not allowed to call ${OPERATION}: add cloudwatch:${OPERATION} to your IAM policy.`,
    });
  }
  const endpoint = where.endpoint ?? `monitoring.${where.region ?? '?'}.amazonaws.com`;
  return classifyFailure(facts, { operation: OPERATION, endpoint, region: where.region, profile: where.profile });
}

/** Adds one page's results to the sums of their metric, checking their shape; a result CloudWatch refused is a permission failure. */
function readResults(results: unknown, into: Map<string, Map<number, number>>): void {
  if (results === undefined) return;
  if (!Array.isArray(results)) throw new MalformedAnswerError('MetricDataResults is not a list');
  for (const r of results as { Id?: unknown; StatusCode?: unknown; Timestamps?: unknown; Values?: unknown }[]) {
    if (typeof r !== 'object' || r === null || typeof r.Id !== 'string' || !(metricPrefix(r.Id) in RISK_METRIC_IDS)) continue;
    if (r.StatusCode === 'Forbidden') throw Object.assign(new Error('CloudWatch refused the metric data'), { name: 'AccessDenied' });
    const times = r.Timestamps ?? [];
    const values = r.Values ?? [];
    if (!Array.isArray(times) || !Array.isArray(values) || times.length !== values.length) {
      throw new MalformedAnswerError(`the data points of ${r.Id} do not pair timestamps with values`);
    }
    const metric = metricPrefix(r.Id);
    let sums = into.get(metric);
    if (!sums) into.set(metric, (sums = new Map()));
    times.forEach((t: unknown, i) => {
      const at = t instanceof Date ? t.getTime() : Number.NaN;
      const value = values[i];
      if (!Number.isFinite(at) || typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedAnswerError(`a data point of ${r.Id} is not a time and a number`);
      sums.set(at, (sums.get(at) ?? 0) + value);
    });
  }
}

function toPulse(request: RiskPulseRequest, values: Map<string, Map<number, number>>): RiskPulseData {
  const series: RiskMetricSeries[] = Object.entries(RISK_METRIC_IDS).map(([id, metric]) => ({
    metric,
    points: [...(values.get(id) ?? new Map<number, number>()).entries()].sort((a, b) => a[0] - b[0]).map(([at, value]) => ({ at, value })),
  }));
  return { startMs: request.startMs, endMs: request.endMs, periodSeconds: request.periodSeconds, series };
}
