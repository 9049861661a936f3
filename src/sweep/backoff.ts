/** How long to wait before retrying a throttled or otherwise retryable call. */
export interface BackoffOptions {
  /** Wait before the first retry, before jitter; default 250 ms. */
  baseMs?: number;
  /** Longest wait, before jitter; default 8000 ms. */
  maxMs?: number;
  /** Retries of one call before its failure counts; default 6. */
  maxRetries?: number;
}

/** The back-off settings with every default filled in. */
export type ResolvedBackoff = Required<BackoffOptions>;

/** Fills in the defaults. */
export function resolveBackoff(options: BackoffOptions = {}): ResolvedBackoff {
  return {
    baseMs: Math.max(0, options.baseMs ?? 250),
    maxMs: Math.max(0, options.maxMs ?? 8000),
    maxRetries: Math.max(0, Math.floor(options.maxRetries ?? 6)),
  };
}

/**
 * Milliseconds to wait before retry number `retry` (0 for the first): base × 2^retry capped at the maximum,
 * then a random point in its upper half, so retries spread out but never come back at once.
 */
export function backoffDelay(retry: number, backoff: ResolvedBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry));
  return ceiling / 2 + (ceiling / 2) * Math.min(1, Math.max(0, random()));
}
