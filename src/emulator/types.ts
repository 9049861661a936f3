import type { AdvancedSecurityMode, UserPoolTier } from './model.ts';

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
}

/** One request the emulator received. `status` is 0 for a dropped connection. */
export interface RecordedRequest {
  operation: string;
  body: unknown;
  status: number;
  errorType?: string;
  /** Real time the response was sent (or the connection dropped), epoch ms. */
  at: number;
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
  /** Every request so far, in the order they were answered. */
  requests: RecordedRequest[];
  /** The user pools, in ListUserPools order. */
  pools: readonly EmulatedPool[];
  /** Replaces the fault settings for the requests that follow. */
  setFaults(f: EmulatorFaults): void;
  /** Stops listening, drops open connections and resolves once the server is closed. */
  close(): Promise<void>;
}
