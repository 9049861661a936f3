import type { GatewayError } from '../gateway/errors.ts';
import type { AuthEvent, CognitoGateway, User } from '../gateway/types.ts';
import type { Clock, Sleep } from './abort.ts';
import type { BackoffOptions } from './backoff.ts';
import type { QuotaOverrides } from './quotas.ts';

/** Why a call was retried: Cognito throttled it, the server failed (5xx), the network failed, or something else. */
export type RetryCause = 'throttled' | 'server' | 'network' | 'other';

/** Where a sweep is: running, waiting out a throttle, or over in one of three ways. */
export type SweepPhase = 'running' | 'backing-off' | 'done' | 'cancelled' | 'failed';

/** The running counts of a sweep, sent after every call and on every change of phase. */
export interface SweepProgress {
  phase: SweepPhase;
  /** Users ListUsers has returned so far. */
  usersListed: number;
  /** Users whose events were read, or whose read failed. */
  usersScanned: number;
  /** Users the sweep expects to read: the exact count once listing is over, before that the estimate or maxUsers. */
  usersEstimated?: number;
  eventsRead: number;
  riskyEvents: number;
  /** Users with at least one risky event (one finding each). */
  riskyUsers: number;
  /** Requests sent, retries included. */
  calls: number;
  /** Requests Cognito throttled. */
  throttled: number;
  /** Requests that failed with a server error (5xx). */
  serverErrors: number;
  /** Requests that failed on the network (refused, reset, timed out). */
  networkErrors: number;
  /** While backing off: the cause of the failure being waited out. */
  backoffCause?: RetryCause;
  /** Users whose events could not be read. */
  errors: number;
  /** The message of the latest failure, a person-readable sentence. */
  lastError?: string;
  elapsedMs: number;
}

/** A user with at least one risky event among the events the sweep read. */
export interface SweepFinding {
  user: User;
  /** The user's risky events, newest first. */
  events: AuthEvent[];
  /** How many of the user's events the sweep read. */
  eventsRead: number;
}

/** How a sweep ended: the final counts, every finding, and why it stopped when it did not finish. */
export interface SweepSummary extends SweepProgress {
  phase: 'done' | 'cancelled' | 'failed';
  /** Why the sweep stopped early: a ListUsers failure, threat protection off, missing permission or credentials. */
  error?: GatewayError;
  findings: SweepFinding[];
}

/** A running sweep. */
export interface SweepHandle {
  /** Stops the sweep: nothing is sent after this, answers still in flight are dropped, `done` resolves with phase cancelled. */
  cancel(): void;
  /** Resolves when the sweep ends, whichever way; never rejects. */
  done: Promise<SweepSummary>;
}

/** What to sweep and how. */
export interface SweepOptions {
  gateway: CognitoGateway;
  poolId: string;
  /** A ListUsers filter (`email ^= "a"`); absent or empty sweeps every user. */
  filter?: string;
  /** Newest events to read per user; default 60, one page. More than 60 costs a call per further page. */
  eventsPerUser?: number;
  /** Stop after this many users. */
  maxUsers?: number;
  /** The pool's EstimatedNumberOfUsers, for the progress bar until listing is over. */
  estimatedUsers?: number;
  /** Fraction of each quota to use, in (0, 1]; default 0.5. */
  share?: number;
  /** Quotas AWS raised for this account (UserResourceRead is adjustable). */
  quotaOverrides?: QuotaOverrides;
  /** Event reads in flight at once; default 8. Pacing, not this, sets the rate; this only covers latency. */
  concurrency?: number;
  backoff?: BackoffOptions;
  /** Failed users in a row, or failed calls in a row (throttles aside), after which the sweep stops, since everything is then failing; default 10. */
  maxConsecutiveErrors?: number;
  clock?: Clock;
  sleep?: Sleep;
  /** Source of jitter in 0..1; default Math.random. */
  random?: () => number;
  onProgress?: (progress: SweepProgress) => void;
  onFinding?: (finding: SweepFinding) => void;
}
