import type { ActivityDestination } from './cognito/log-delivery.ts';
import type { AdvancedSecurityMode, UserPoolTier } from './cognito/model.ts';
import type { SyntheticActivity } from './logs/synthetic-activity.ts';

/** A Cognito error that one operation is answered with every time, e.g. NotAuthorizedException for a missing permission. */
export interface OperationErrorFault {
  /** The exception name, e.g. 'NotAuthorizedException' or 'AccessDeniedException'. */
  type: string;
  message?: string;
  /** HTTP status; 400 unless given. */
  status?: number;
}

/** Fault injection: probabilities in 0..1, latency in ms added to every response, errors by operation name. */
export interface EmulatorFaults {
  throttleRate?: number;
  latencyMs?: number;
  errorRate?: number;
  dropRate?: number;
  operationErrors?: Readonly<Record<string, OperationErrorFault>>;
}

/** The adversarial behaviours the emulator can play on an operation (see src/emulator/adversary.ts). */
export type AdversaryMode =
  | 'empty-pages'
  | 'same-token'
  | 'repeat-pages'
  | 'slowloris'
  | 'hang'
  | 'wrong-types'
  | 'html-200'
  | 'truncated-json'
  | 'server-error'
  | 'reset'
  | 'combining-flood'
  | 'huge-field';

/**
 * What `wrong-types` breaks: a number where a string is declared, an ISO string where epoch seconds are declared,
 * `null` for the lists inside each item, `null` for the page's own list; `all` (the default) = the first three.
 */
export type WrongTypesVariant = 'all' | 'number-for-string' | 'string-date' | 'null-lists' | 'null-page';

/** One adversarial behaviour for one operation. */
export interface AdversaryBehaviour {
  mode: AdversaryMode;
  /** `slowloris`: milliseconds between bytes; default 3000. */
  intervalMs?: number;
  /** `wrong-types`: which types to break; default 'all'. */
  variant?: WrongTypesVariant;
  /** Requests of this operation answered normally before the behaviour starts; default 0. */
  after?: number;
  /** Requests the behaviour applies to (after `after`), then normal answers again; default: every one. */
  times?: number;
}

/** Adversarial behaviours by operation name (`'*'`: every operation not named); an empty object turns it off. */
export type AdversarySettings = Readonly<Record<string, AdversaryBehaviour>>;

/** How to start an emulator. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free port. */
  port?: number;
  /** Data and fault seed; the same seed (and `now`) gives the same data and the same faults. */
  seed?: number;
  /** The instant the data is generated against, epoch ms; default Date.now(). */
  now?: number;
  /** Adds users and events whose text carries terminal escape sequences and other hostile characters. */
  hostile?: boolean;
  faults?: EmulatorFaults;
  /** Users in the large ENFORCED pool; default 20,000. */
  usersInLargePool?: number;
  /** Adversarial behaviours from the start; see RunningEmulator.setAdversary. */
  adversary?: AdversarySettings;
  /**
   * Where each pool's user activity (`userAuthEvents`) goes, by pool id. Default: the large pool to the CloudWatch
   * Logs group `activityLogGroupName(poolId)`, the audit pool to S3, the no-alias pool to Firehose, the others nowhere.
   */
  logDelivery?: Readonly<Record<string, ActivityDestination>>;
  /** Milliseconds a Logs Insights query stays Scheduled/Running at least (to see progress or cancel it); default 0. */
  queryLatencyMs?: number;
  /** Concurrent Logs Insights queries allowed before LimitExceededException; default 30. */
  maxConcurrentQueries?: number;
  /**
   * Bulk user activity for the benchmark: the large pool's log group holds these generated records instead of its
   * users' events (e.g. 5,000,000 events from 1,000,000 users over 1 day).
   */
  syntheticActivity?: SyntheticActivity;
}

/**
 * One request the emulator received. `status` is 0 for a dropped connection. A request an adversarial behaviour
 * answers is recorded when it ARRIVES (so hung and dribbled requests are counted at once), with `adversary` set;
 * its `status` stays 0 until the whole answer has been sent, and stays 0 for `hang` and `reset`.
 */
export interface RecordedRequest {
  operation: string;
  /** The service the request was routed to ('Cognito', 'CloudWatch Logs', 'CloudWatch'); absent when none matched. */
  service?: string;
  body: unknown;
  status: number;
  errorType?: string;
  /** Real time the request's body had arrived, epoch ms. */
  receivedAt?: number;
  /** Real time the response was sent (or the connection dropped; for an adversarial request, it arrived), epoch ms. */
  at: number;
  /** The adversarial behaviour that answered it. */
  adversary?: AdversaryMode;
}

/** One emulated user pool, with the user count DescribeUserPool reports. */
export interface EmulatedPool {
  id: string;
  name: string;
  mode: AdvancedSecurityMode;
  tier: UserPoolTier;
  userCount: number;
}

/** A started emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Every request so far, in the order they were answered (adversarial ones: in the order they arrived). */
  requests: RecordedRequest[];
  /** The user pools, in ListUserPools order. */
  pools: readonly EmulatedPool[];
  /** Replaces the fault settings for the requests that follow. */
  setFaults(f: EmulatorFaults): void;
  /**
   * Replaces the adversarial behaviours for the requests that follow, e.g. `setAdversary({ ListUsers: { mode:
   * 'empty-pages' } })`; `{}` turns them off. They take precedence over faults and latency. Throws on an unknown
   * mode, or a paging mode for an operation that does not page.
   */
  setAdversary(settings: AdversarySettings): void;
  /**
   * Generates every log group's pending records and every pool's risk metrics now (in slices, the server keeps
   * answering); resolves with the events held and the bytes their columns take. Otherwise a group is generated when a
   * query or read first needs it, and a pool's metrics when GetMetricData first asks for them.
   */
  fillLogs(): Promise<{ events: number; bytes: number }>;
  /** Stops listening, drops open connections and resolves once the server is closed. */
  close(): Promise<void>;
}
