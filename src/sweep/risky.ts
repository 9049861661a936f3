import type { AuthEvent } from '../gateway/types.ts';
import { needsAttention } from '../domain/event-risk.ts';

/**
 * Whether the sweep reports an event: the app's one "needs attention" rule (High or Medium risk, an
 * AccountTakeover or Block decision, compromised credentials, or a failed response).
 */
export function isRiskyEvent(event: AuthEvent): boolean {
  return needsAttention(event);
}
