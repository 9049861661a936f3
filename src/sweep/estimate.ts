import { quotaRps, SWEEP_CALLS } from './quotas.ts';
import { clampShare, DEFAULT_SHARE } from './token-bucket.ts';

/** What a sweep will cost: requests it sends and seconds it takes at the paced rates, retries not counted. */
export interface SweepEstimate {
  calls: number;
  seconds: number;
}

/**
 * Estimates a sweep of `users` users (the pool's EstimatedNumberOfUsers, or maxUsers when smaller): one
 * ListUsers call per page of users and one AdminListUserAuthEvents call (one page of events) per user. Both run
 * side by side, so the time is that of the slower of the two at its paced rate.
 */
export function estimateSweep(users: number, share: number = DEFAULT_SHARE): SweepEstimate {
  const n = Math.max(0, Math.floor(users));
  const paced = clampShare(share);
  const listCalls = Math.max(1, Math.ceil(n / SWEEP_CALLS.listUsers.pageSize));
  const listSeconds = listCalls / (quotaRps(SWEEP_CALLS.listUsers.category) * paced);
  const eventSeconds = n / (quotaRps(SWEEP_CALLS.listAuthEvents.category) * paced);
  return { calls: listCalls + n, seconds: Math.max(listSeconds, eventSeconds) };
}

/** The estimate as the confirmation says it: "about 20,334 calls, about 14 minutes". */
export function describeEstimate(estimate: SweepEstimate): string {
  const calls = `about ${estimate.calls.toLocaleString('en-US')} call${estimate.calls === 1 ? '' : 's'}`;
  if (estimate.seconds < 90) {
    const s = Math.max(1, Math.ceil(estimate.seconds));
    return `${calls}, about ${s} second${s === 1 ? '' : 's'}`;
  }
  const m = Math.ceil(estimate.seconds / 60);
  return `${calls}, about ${m} minutes`;
}
