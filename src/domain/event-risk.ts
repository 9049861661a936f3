import type { AuthEvent } from '../gateway/types.ts';

/** High risk, a takeover or block decision, or compromised credentials: what turns a row red. */
export function isHighRisk(e: AuthEvent): boolean {
  return e.riskLevel === 'High' || e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block' || e.compromisedCredentials === true;
}

/** How bad one event is, 1 to 5: a takeover or block, High risk, compromised credentials, Medium risk, anything else. */
export function eventSeverity(e: AuthEvent): number {
  if (e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block') return 5;
  if (e.riskLevel === 'High') return 4;
  if (e.compromisedCredentials) return 3;
  if (e.riskLevel === 'Medium') return 2;
  return 1;
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
