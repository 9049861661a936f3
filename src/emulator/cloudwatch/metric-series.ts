/** One threat-protection observation the metrics are counted from. */
export interface RiskObservation {
  at: number;
  eventType: string;
  decision: string;
  level?: string;
  compromised: boolean;
}

/** A metric's identity: namespace, name and its exact dimension set. */
export interface MetricKey {
  namespace: string;
  name: string;
  dimensions: ReadonlyArray<{ Name: string; Value: string }>;
}

const MINUTE = 60_000;

/** The key CloudWatch matches a metric by: the same namespace, name and dimensions (in any order). */
export function metricId(key: MetricKey): string {
  const dims = [...key.dimensions].map((d) => `${d.Name}=${d.Value}`).sort().join(',');
  return `${key.namespace}|${key.name}|${dims}`;
}

const OPERATIONS: Record<string, string> = { SignIn: 'SignIn', SignUp: 'SignUp', PasswordChange: 'PasswordChange' };

/**
 * The AWS/Cognito threat-protection metrics one observation counts towards, with the documented dimensions:
 * AccountTakeoverRisk, CompromisedCredentialRisk and OverrideBlock by Operation, UserPoolId and RiskLevel (high,
 * medium, low); Risk and NoRisk by Operation and UserPoolId. Only SignIn, SignUp and PasswordChange are counted.
 * OverrideBlock counts what AWS says it counts, blocks because of the developer's configuration (the pool's always-block
 * IP ranges): a Block decision without compromised credentials; a block for compromised credentials is CompromisedCredentialRisk.
 */
export function metricsOf(poolId: string, o: RiskObservation): MetricKey[] {
  const operation = OPERATIONS[o.eventType];
  if (operation === undefined) return [];
  const level = (o.level ?? 'high').toLowerCase();
  const byLevel = (name: string): MetricKey => ({
    namespace: 'AWS/Cognito',
    name,
    dimensions: [{ Name: 'Operation', Value: operation }, { Name: 'UserPoolId', Value: poolId }, { Name: 'RiskLevel', Value: level }],
  });
  const byOperation = (name: string): MetricKey => ({
    namespace: 'AWS/Cognito',
    name,
    dimensions: [{ Name: 'Operation', Value: operation }, { Name: 'UserPoolId', Value: poolId }],
  });
  const out: MetricKey[] = [];
  if (o.decision === 'AccountTakeover') out.push(byLevel('AccountTakeoverRisk'));
  if (o.compromised) out.push(byLevel('CompromisedCredentialRisk'));
  if (o.decision === 'Block' && !o.compromised) out.push(byLevel('OverrideBlock'));
  const risky = o.decision !== 'NoRisk' || o.compromised || level === 'medium' || level === 'high';
  out.push(byOperation(risky ? 'Risk' : 'NoRisk'));
  return out;
}

/** Per-minute sums of each metric (every observation has the value 1, unit Count). */
export class MetricSeries {
  /** By metric id: counts by minute number (epoch ms / 60,000). */
  private readonly series = new Map<string, Map<number, number>>();
  /** By the shape of an observation (type, decision, level, compromised): the per-minute counts it adds to. */
  private readonly shapes = new Map<string, Array<Map<number, number>>>();

  private countsOf(id: string): Map<number, number> {
    let minutes = this.series.get(id);
    if (minutes === undefined) {
      minutes = new Map();
      this.series.set(id, minutes);
    }
    return minutes;
  }

  add(key: MetricKey, at: number): void {
    const minutes = this.countsOf(metricId(key));
    const minute = Math.floor(at / MINUTE);
    minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
  }

  /** Counts one observation towards every metric {@link metricsOf} says it belongs to. */
  observe(poolId: string, o: RiskObservation): void {
    const shape = `${o.eventType}\u0000${o.decision}\u0000${o.level ?? '\u0001'}\u0000${o.compromised ? 1 : 0}`;
    let targets = this.shapes.get(shape);
    if (targets === undefined) {
      targets = metricsOf(poolId, o).map((key) => this.countsOf(metricId(key)));
      this.shapes.set(shape, targets);
    }
    const minute = Math.floor(o.at / MINUTE);
    for (const minutes of targets) minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
  }

  /** The per-minute counts of one metric, as [minute start (epoch ms), count] (none when it has no data). */
  *minutes(key: MetricKey): Iterable<[number, number]> {
    const minutes = this.series.get(metricId(key));
    if (minutes === undefined) return;
    for (const [minute, count] of minutes) yield [minute * MINUTE, count];
  }
}
