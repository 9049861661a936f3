import type { AuthEvent } from '../gateway/types.ts';

/** High risk, a takeover or block decision, or compromised credentials: what turns a row red. */
export function isHighRisk(e: AuthEvent): boolean {
  return e.riskLevel === 'High' || e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block' || e.compromisedCredentials === true;
}

const LEVEL_RANK: Record<string, number> = { High: 3, Medium: 2, Low: 1 };

/**
 * How bad one event is, higher is worse: the risk level first (High > Medium > Low > none), then a takeover or block
 * decision, then compromised credentials. The one order for the sweep's sort and its WORST column.
 */
export function eventSeverity(e: AuthEvent): number {
  const level = LEVEL_RANK[e.riskLevel ?? ''] ?? 0;
  const decision = e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block' ? 1 : 0;
  const compromised = e.compromisedCredentials === true ? 1 : 0;
  return level * 4 + decision * 2 + compromised;
}

/**
 * Worth a look during an incident: High or Medium risk, a takeover or block decision, compromised credentials,
 * or a failed attempt (a Low-risk failed sign-in included). The one definition of "needs attention": the `a` filter,
 * n / N, the events header's count and the sweep's findings all use it.
 */
export function needsAttention(e: AuthEvent): boolean {
  return isHighRisk(e) || e.riskLevel === 'Medium' || e.response === 'Fail';
}

/** A text marker for a risk level, so it reads without colour. */
export function riskLevelMarker(level: string | undefined): string {
  if (level === 'High') return '▲▲ High';
  if (level === 'Medium') return '▲ Medium';
  if (level === 'Low') return '· Low';
  return '–';
}

/** A text marker for a risk decision, so it reads without colour. */
export function riskDecisionMarker(decision: string | undefined): string {
  if (decision === 'AccountTakeover') return '✖ AccountTakeover';
  if (decision === 'Block') return '✖ Block';
  if (decision === 'NoRisk') return 'NoRisk';
  return decision ?? '–';
}
