import { formatTime, type TimeZoneSetting } from '../domain/time-format.ts';
import { GatewayError } from '../gateway/errors.ts';
import type { AuthEvent, FeedbackValue } from '../gateway/types.ts';

/** A short name for an event in messages: its type, time (in the zone the screen shows) and the start of its id. */
export function shortEventLabel(event: AuthEvent, zone: TimeZoneSetting = 'utc'): string {
  const when = event.createdAt ? formatTime(event.createdAt, zone) : 'unknown time';
  return `${event.type ?? 'event'} ${when} (${event.id.slice(0, 8)})`;
}

/** What a feedback value tells Cognito, for the confirmation. */
export function describeFeedback(value: FeedbackValue, current: string | undefined): string {
  const meaning = value === 'Valid'
    ? 'Valid = you trust this session: the risk rating was too high.'
    : 'Invalid = you do not trust this session: it was not the user.';
  return current ? `${meaning} It is currently ${current}.` : meaning;
}

const READ_RETRY_HINT = /\s*(?:\u2014\s*)?(?:wait a moment and |and |then )?press r(?: to retry)?\s*\.?\s*$/i;

/**
 * Why a write failed, without the advice meant for reads ("press r to retry": r refreshes a list and never sends
 * a write again), ending with a full stop so that the retry key can follow it.
 */
export function writeFailureReason(message: string): string {
  const reason = message.replace(READ_RETRY_HINT, '').trim();
  return /[.!?)]$/.test(reason) ? reason : `${reason}.`;
}

/** What a failed write's message ends with: the key that sends it again, after asking. */
export const RETRY_HINT = 'R to retry (asks first)';

/** Whether a write failed with its outcome unknown (no answer in time, or the connection lost after sending). */
export function isOutcomeUnknown(error: unknown): error is GatewayError {
  return error instanceof GatewayError && error.kind === 'outcome-unknown';
}

/** Why a write's outcome is unknown, in a few words: the gateway's message up to "the outcome is UNKNOWN". */
export function unknownCause(error: GatewayError): string {
  const cause = error.message.split(/:\s*the outcome is UNKNOWN/i)[0].trim();
  return cause.replace(/[.\s]+$/, '') || `${error.operation} got no answer`;
}

/** What a write whose outcome is unknown says first, while it is read back. */
export function unknownOutcomeText(what: string, error: GatewayError, readingBack: string): string {
  return `${what}: outcome UNKNOWN (${unknownCause(error)}). ${readingBack}`;
}
