import { quotaRps } from '../sweep/quotas.ts';

/** Cognito accepts at most this many writes per second on one user. */
export const WRITES_PER_USER_PER_SECOND = 10;

/** The share of the lower of the two limits (per user, the account's write quota) that a batch may use. */
export const WRITE_RATE_SHARE = 2 / 3;

/** The default pause between two writes of a batch: 150 ms, under both limits with room for other callers. */
export const DEFAULT_WRITE_INTERVAL_MS = Math.ceil(
  1000 / (Math.min(WRITES_PER_USER_PER_SECOND, quotaRps('UserResourceUpdate')) * WRITE_RATE_SHARE),
);
