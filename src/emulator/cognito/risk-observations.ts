import type { RiskObservation } from '../cloudwatch/metric-series.ts';
import { generateAuthEvents } from './auth-event-generator.ts';
import type { PoolStore } from './pool-store.ts';

const METRIC_DAYS = 15;

/** The pool's generated auth events of the last 15 days (CloudWatch's one-minute retention), as metric observations. */
export function* riskObservations(seed: number, now: number, pool: PoolStore): Iterable<RiskObservation> {
  if (pool.def.mode === 'OFF') return;
  const since = now - METRIC_DAYS * 86_400_000;
  for (const user of pool.users()) {
    for (const e of generateAuthEvents(seed, pool.def, user, now)) {
      if (e.createdAt < since) break;
      yield { at: e.createdAt, eventType: e.EventType, decision: e.EventRisk.RiskDecision ?? 'NoRisk', level: e.EventRisk.RiskLevel, compromised: e.EventRisk.CompromisedCredentialsDetected === true };
    }
  }
}
