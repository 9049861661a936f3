import type { GatewayError } from '../gateway/errors.ts';
import type { CognitoGateway } from '../gateway/types.ts';
import type { FailedWrite } from '../store/state.ts';
import type { StoreKit } from '../store/store-kit.ts';
import type { ReadBackState, WriteOutcome } from './action-log.ts';
import type { WriteWhere } from './in-flight.ts';

/** What a write's callbacks get besides their target: the store's shared access. */
export interface WriteContext {
  kit: StoreKit;
}

/** What reading back a write whose outcome was unknown found, and the message that says so. */
export interface ReadBack {
  state: ReadBackState;
  /** The whole verdict for the flash line, e.g. "Cognito now shows maria disabled — the AdminDisableUser was applied." */
  message: string;
}

/** Set when the confirmation is for sending a failed write again. */
export interface RetryContext {
  /** How the last attempt ended, first in the confirmation's detail: "The last attempt failed." */
  lastAttempt: string;
  /** The failed write R offered; confirming clears it when it is still the one offered. */
  failedWrite: FailedWrite;
}

/** How a write's messages read; the batch summary is built from `done` and `notDone`. */
export interface WriteTexts<Target> {
  /** What the write does to these targets, naming them: "Disable maria", "Mark 3 events Invalid" (R's label too). */
  what: (targets: Target[]) => string;
  /** The flash when every target succeeded: "Disabled: maria (AdminDisableUser succeeded).", "Saved: 5 events marked Invalid." */
  succeeded: (targets: Target[]) => string;
  /** The flash when the only target failed, with the reason (ends with a full stop); the retry key is added after it. */
  failed: (target: Target, reason: string) => string;
  /** The first flash of an unknown outcome: read back next, or why it cannot be (then it is the last word). */
  unknown: (target: Target, error: GatewayError) => string;
  /** The word for a target that succeeded in a batch summary: "saved", "disabled". */
  done: string;
  /** The words for a target that failed in a batch summary: "NOT saved", "NOT disabled". */
  notDone: string;
}

/**
 * One kind of write to Cognito, declared once; `runWrite` confirms, gates, sends, reverts, reads back and reports
 * it. A spec is built for one request (feedback Invalid, disable), its targets are what it acts on.
 */
export interface WriteSpec<Target> {
  /** The Cognito operation sent, and so the IAM action `cognito-idp:<operation>`: "AdminDisableUser". */
  operation: string;
  /** What it does, as the user asked for it and as the record of unknown outcomes names it: "disable", "feedback Invalid". */
  write: string;
  /** The value it sets, when it sets one (feedback: Valid or Invalid); shown on rows while it is sent. */
  value?: string;
  /** What the journal records of one target beyond `value` (the list and range of a block), never a secret. */
  parameters?: (target: Target) => Record<string, string>;
  /** Where it acts on a target: the pool, user and event; one write at a time may be in flight there. */
  where: (target: Target) => WriteWhere;
  /** How one target is named in messages and the action log: "maria", an event's short label. */
  label: (target: Target) => string;
  /** Sends the write for one target, once (the gateway retries only what Cognito refused unprocessed). */
  send: (gateway: CognitoGateway, target: Target, context: WriteContext) => Promise<void>;
  /** The confirmation's title for these targets, with the count for a batch: "Disable 12 users?" ("Send again: " is put before it on a retry). */
  title: (targets: Target[], retry?: RetryContext) => string;
  /** The confirmation's detail: what the write does. */
  detail: (targets: Target[]) => string;
  /** Drawn red: the write locks someone out or revokes something. */
  dangerous?: boolean;
  /** For an irreversible write: the text the user must type to confirm (a typed dialog instead of y/n). */
  typedConfirmation?: (targets: Target[]) => string;
  /** Why the write makes no sense now ("maria is already disabled."), or undefined; nothing is asked then. */
  precheck?: (targets: Target[]) => string | undefined;
  /** Shows the write on screen before Cognito answers. */
  optimistic?: (target: Target) => void;
  /** Undoes `optimistic` when the write failed or was not sent. */
  revert?: (target: Target) => void;
  /** Shows a target as written once Cognito said so (the row as the server now has it). */
  onSent?: (target: Target) => void;
  /** After a run in which some targets succeeded and nothing was read back: e.g. re-reads what they changed. */
  afterSuccess?: (succeeded: Target[]) => void | Promise<void>;
  /** After an unknown outcome: reads the target back (never by a second write) and says whether it was applied. */
  readBack?: (target: Target, error: GatewayError) => Promise<ReadBack>;
  texts: WriteTexts<Target>;
}

/** How one target of a run ended. */
export interface TargetOutcome<Target> {
  target: Target;
  /** The target's label. */
  label: string;
  outcome: WriteOutcome;
  /** After an unknown outcome: what reading it back found. */
  readBack?: ReadBackState;
  /** Why it failed, or what reading it back said. */
  message?: string;
  /** The AWS request id of the call, when the gateway could tell it. */
  requestId?: string;
}

/** How a run ended: refused before asking, cancelled at the confirmation, or sent (each target's outcome). */
export interface WriteRun<Target> {
  status: 'refused' | 'cancelled' | 'sent';
  /** One per target asked about (none when refused). */
  outcomes: TargetOutcome<Target>[];
}

/** How `runWrite` runs. */
export interface RunWriteOptions {
  /** Pause between two writes of a batch, in ms. */
  intervalMs?: number;
  /** Set when sending a failed write again: the confirmation says how the last attempt ended. */
  retry?: RetryContext;
  /** The caller has already asked (a checklist): no confirmation of its own; read-only, in-flight and precheck still refuse. */
  confirmed?: boolean;
}
