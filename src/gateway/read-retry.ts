import type { RetryCounts } from './types.ts';

/** The longest wait between two attempts of a read. */
const MAX_BACKOFF_MS = 20_000;

/** A throttled attempt waits this many times longer than another retryable failure (as the SDK's standard mode does). */
const THROTTLE_FACTOR = 5;

/**
 * Milliseconds to wait before attempt `attempt + 1` of a read after attempt `attempt` failed for `cause`: exponential
 * from `baseMs`, capped, with full jitter so that many clients do not retry in step.
 */
export function retryDelayMs(attempt: number, cause: keyof RetryCounts, baseMs: number, random: () => number = Math.random): number {
  const base = cause === 'throttled' ? baseMs * THROTTLE_FACTOR : baseMs;
  return Math.floor(random() * Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1)));
}

/** No retries yet. */
export function noRetries(): RetryCounts {
  return { throttled: 0, server: 0, network: 0 };
}

/** All retries of a call, whatever their cause. */
export function totalRetries(r: RetryCounts | undefined): number {
  return r === undefined ? 0 : r.throttled + r.server + r.network;
}
