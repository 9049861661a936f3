import type { GatewayError } from '../gateway/errors.ts';
import { RETRY_HINT, unknownCause, unknownOutcomeText, writeFailureReason } from '../store/feedback-text.ts';
import { canonicalUsername } from '../store/selectors.ts';
import { toListError, type StoreKit } from '../store/store-kit.ts';
import type { ReadBack, WriteSpec } from './write-spec.ts';

/** A target of an administrator's write: a user of a pool, as the route names them. */
export interface AdminTarget {
  poolId: string;
  username: string;
}

/** How one administrator's write reads and what it checks, for `adminSpec`. */
export interface AdminWords<T extends AdminTarget> {
  operation: string;
  write: string;
  value?: string;
  /** "Reset the password of maria", "Add maria to support" (what, title and R's label). */
  what: (targets: T[]) => string;
  /** "Password reset: maria", "Added maria to support". */
  done: (targets: T[]) => string;
  /** The summary word for a target of a batch that succeeded: "forgotten". */
  doneWord: string;
  label: (target: T) => string;
  detail: (targets: T[]) => string;
  send: StoreSend<T>;
  dangerous?: boolean;
  typedConfirmation?: (targets: T[]) => string;
  precheck?: (targets: T[]) => string | undefined;
  afterSuccess?: (targets: T[]) => Promise<void>;
  /** Reads the target back after an unknown outcome: true when the write shows as applied, undefined when it cannot tell. */
  isApplied?: (target: T) => Promise<boolean | undefined>;
}

/** Sends the write for one target under the pool's own username for the user. */
export type StoreSend<T> = (send: { gw: StoreKit['gw']; target: T; username: string }) => Promise<void>;

/** The WriteSpec of an administrator's write on a user, worded from `w`. */
export function adminSpec<T extends AdminTarget>(kit: StoreKit, w: AdminWords<T>): WriteSpec<T> {
  const name = (t: T) => canonicalUsername(kit.get(), t.poolId, t.username);
  async function readBack(t: T, error: GatewayError): Promise<ReadBack> {
    const what = w.what([t]);
    let applied: boolean | undefined;
    try {
      applied = await w.isApplied!(t);
    } catch (readError) {
      return { state: 'unknown', message: `${what}: outcome UNKNOWN (${unknownCause(error)}), and reading it back failed: ${writeFailureReason(toListError(readError).message)} Check before R sends it again (asks first).` };
    }
    if (applied === undefined) return { state: 'unknown', message: `${what}: outcome still UNKNOWN (${unknownCause(error)}). ${RETRY_HINT}.` };
    return applied
      ? { state: 'applied', message: `Read back: ${w.done([t])} — the ${w.operation} was applied.` }
      : { state: 'not-applied', message: `Read back: ${w.operation} was not applied (${what}); R to send again (asks first).` };
  }
  return {
    operation: w.operation,
    write: w.write,
    ...(w.value !== undefined ? { value: w.value } : {}),
    where: (t) => ({ poolId: t.poolId, username: t.username }),
    label: w.label,
    send: (gw, target) => w.send({ gw, target, username: name(target) }),
    title: (ts) => `${w.what(ts)}? (${w.operation})`,
    detail: w.detail,
    dangerous: w.dangerous,
    typedConfirmation: w.typedConfirmation,
    precheck: w.precheck,
    afterSuccess: w.afterSuccess,
    readBack: w.isApplied ? readBack : undefined,
    texts: {
      what: w.what,
      succeeded: (ts) => `${w.done(ts)} (${w.operation} succeeded${ts.length > 1 ? ' for each' : ''}).`,
      failed: (t, reason) => `${w.what([t])} NOT done: ${reason}`,
      unknown: (t, error) => unknownOutcomeText(w.what([t]), error, w.isApplied ? 'Reading it back from Cognito…' : `It cannot be read back. ${RETRY_HINT}.`),
      done: w.doneWord,
      notDone: `NOT ${w.doneWord}`,
    },
  };
}
