import type { AuthEvent } from '../gateway/types.ts';

/**
 * Whether an event needs attention: High or Medium risk, an AccountTakeover or Block decision, compromised
 * credentials, or a failed response.
 */
export function isRiskyEvent(event: AuthEvent): boolean {
  return event.riskLevel === 'High'
    || event.riskLevel === 'Medium'
    || event.riskDecision === 'AccountTakeover'
    || event.riskDecision === 'Block'
    || event.compromisedCredentials === true
    || event.response === 'Fail';
}
