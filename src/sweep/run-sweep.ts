import { setMaxListeners } from 'node:events';
import { needsAttention } from '../domain/event-risk.ts';
import { classifyFailure, failureFacts, GatewayError } from '../gateway/errors.ts';
import type { GatewayErrorKind } from '../gateway/errors.ts';
import type { AuthEvent, Page, User } from '../gateway/types.ts';
import { startWalk, stepWalk, type PageWalk } from '../store/paged-list.ts';
import { abortError, isAbortError, raceAbort, realClock, realSleep } from './abort.ts';
import { backoffDelay, resolveBackoff } from './backoff.ts';
import { quotaRps, SWEEP_CALLS } from './quotas.ts';
import { TokenBucket } from './token-bucket.ts';
import type { RetryCause, SweepFinding, SweepHandle, SweepOptions, SweepPhase, SweepProgress, SweepSummary } from './types.ts';
import { walkStopMessage } from './walk-stop.ts';
import { UserQueue } from './user-queue.ts';

const LIST_AHEAD = 2 * SWEEP_CALLS.listUsers.pageSize;
const DEFAULT_CONCURRENCY = 8;
const DEFAULT_MAX_CONSECUTIVE_ERRORS = 10;

/** Failures that say something about the whole pool or the caller, not one user: the sweep stops on them. */
const POOL_WIDE_KINDS: ReadonlySet<GatewayErrorKind> = new Set(['threat-protection-off', 'permission', 'credentials', 'sso-expired']);

function retryCause(kind: GatewayErrorKind): RetryCause {
  return kind === 'throttled' || kind === 'server' || kind === 'network' ? kind : 'other';
}

const CAUSE_WORDS: Record<RetryCause, string> = {
  throttled: 'throttled', server: 'server errors (5xx)', network: 'network errors', other: 'errors',
};

function asGatewayError(error: unknown, operation: string): GatewayError {
  return error instanceof GatewayError ? error : classifyFailure(failureFacts(error), { operation });
}

function positiveInt(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
}

/**
 * Starts a pool-wide sweep: walks ListUsers (optionally filtered) and reads each user's newest events, paced
 * below Cognito's quotas, reporting progress and every user with risky events as it goes.
 */
export function startSweep(options: SweepOptions): SweepHandle {
  const { gateway, poolId } = options;
  const clock = options.clock ?? realClock;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const backoff = resolveBackoff(options.backoff);
  const filter = options.filter?.trim() ? options.filter : undefined;
  const maxUsers = positiveInt(options.maxUsers) ?? Number.POSITIVE_INFINITY;
  const eventsPerUser = positiveInt(options.eventsPerUser) ?? SWEEP_CALLS.listAuthEvents.pageSize;
  const concurrency = positiveInt(options.concurrency) ?? DEFAULT_CONCURRENCY;
  const maxConsecutiveErrors = positiveInt(options.maxConsecutiveErrors) ?? DEFAULT_MAX_CONSECUTIVE_ERRORS;
  const bucket = (category: 'UserList' | 'UserResourceRead') =>
    new TokenBucket({ quotaRps: quotaRps(category, options.quotaOverrides), share: options.share, clock, sleep });
  const listBucket = bucket(SWEEP_CALLS.listUsers.category);
  const eventsBucket = bucket(SWEEP_CALLS.listAuthEvents.category);

  const controller = new AbortController();
  const { signal } = controller;
  setMaxListeners(4 * concurrency + 16, signal);
  const queue = new UserQueue();
  const findings: SweepFinding[] = [];
  const startedAt = clock();
  const counts = {
    usersListed: 0, usersScanned: 0, eventsRead: 0, riskyEvents: 0, calls: 0, throttled: 0, serverErrors: 0, networkErrors: 0, errors: 0,
  };
  let failedCallsInARow = 0;
  let backoffCause: RetryCause | undefined;
  let lastError: string | undefined;
  let listingOver = false;
  let backingOff = 0;
  let consecutiveErrors = 0;
  let ended: { phase: 'cancelled' | 'failed'; error?: GatewayError } | undefined;

  function usersEstimated(): number | undefined {
    if (listingOver) return counts.usersListed;
    const bound = Math.min(options.estimatedUsers ?? Number.POSITIVE_INFINITY, maxUsers);
    return Number.isFinite(bound) ? Math.max(bound, counts.usersListed) : undefined;
  }

  function snapshot(phase: SweepPhase): SweepProgress {
    return {
      phase,
      ...counts,
      riskyUsers: findings.length,
      ...(usersEstimated() !== undefined ? { usersEstimated: usersEstimated() } : {}),
      ...(lastError !== undefined ? { lastError } : {}),
      ...(phase === 'backing-off' && backoffCause ? { backoffCause } : {}),
      elapsedMs: Math.max(0, clock() - startedAt),
    };
  }

  function emit(): void {
    if (!ended) options.onProgress?.(snapshot(backingOff > 0 ? 'backing-off' : 'running'));
  }

  function stop(phase: 'cancelled' | 'failed', error?: GatewayError): void {
    if (ended) return;
    ended = { phase, ...(error ? { error } : {}) };
    controller.abort();
  }

  async function paced<T>(limiter: TokenBucket, operation: string, send: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      await limiter.take(signal);
      if (signal.aborted) throw abortError();
      counts.calls++;
      try {
        const answer = await raceAbort(send(), signal);
        failedCallsInARow = 0;
        return answer;
      } catch (error) {
        if (signal.aborted) throw abortError();
        const failure = asGatewayError(error, operation);
        const cause = retryCause(failure.kind);
        if (cause === 'throttled') {
          counts.throttled++;
          limiter.throttled();
        } else {
          if (cause === 'server') counts.serverErrors++;
          if (cause === 'network') counts.networkErrors++;
          if (failure.retryable) failedCallsInARow++;
          if (failedCallsInARow >= maxConsecutiveErrors) {
            stop('failed', new GatewayError({
              kind: failure.kind, retryable: failure.retryable, operation: failure.operation, awsName: failure.awsName,
              message: `Stopped: the last ${failedCallsInARow} calls all failed (${CAUSE_WORDS[cause]}). Last: ${failure.message}`,
            }));
            throw abortError();
          }
        }
        if (!failure.retryable) throw failure;
        if (retry >= backoff.maxRetries) throw failure;
        backoffCause = cause;
        backingOff++;
        emit();
        try {
          await sleep(backoffDelay(retry, backoff, random), signal);
        } finally {
          backingOff--;
        }
      }
    }
  }

  /** Takes one page into a walk; a walk the server would keep going for ever fails with a sentence that says why. */
  function guardWalk(walk: PageWalk, page: Page<unknown>, operation: string): { walk: PageWalk; fresh: boolean } {
    const step = stepWalk(walk, page);
    if (step.stop) throw new GatewayError({ kind: 'server', retryable: false, operation, message: walkStopMessage(operation, step.stop) });
    return step;
  }

  async function walkUsers(): Promise<void> {
    let token: string | undefined;
    let walk = startWalk();
    do {
      await queue.below(LIST_AHEAD, signal);
      const page: Page<User> = await paced(listBucket, SWEEP_CALLS.listUsers.operation, () => gateway.listUsers(poolId, filter, token, { signal }));
      const step = guardWalk(walk, page, SWEEP_CALLS.listUsers.operation);
      walk = step.walk;
      const users = step.fresh ? page.items.slice(0, maxUsers - counts.usersListed) : [];
      counts.usersListed += users.length;
      queue.push(users);
      token = page.nextToken;
      if (!token || counts.usersListed >= maxUsers) listingOver = true;
      emit();
    } while (!listingOver);
    queue.close();
  }

  async function readEvents(user: User): Promise<AuthEvent[]> {
    const events: AuthEvent[] = [];
    let token: string | undefined;
    let walk = startWalk();
    do {
      const page: Page<AuthEvent> = await paced(eventsBucket, SWEEP_CALLS.listAuthEvents.operation,
        () => gateway.listAuthEvents(poolId, user.username, token, { signal }));
      const step = guardWalk(walk, page, SWEEP_CALLS.listAuthEvents.operation);
      walk = step.walk;
      if (step.fresh) events.push(...page.items);
      token = page.nextToken;
    } while (token && events.length < eventsPerUser);
    return events.slice(0, eventsPerUser);
  }

  function userFailed(user: User, failure: GatewayError): void {
    if (POOL_WIDE_KINDS.has(failure.kind)) {
      stop('failed', failure);
      return;
    }
    counts.errors++;
    counts.usersScanned++;
    consecutiveErrors++;
    lastError = `${user.username}: ${failure.message}`;
    if (consecutiveErrors >= maxConsecutiveErrors) {
      stop('failed', new GatewayError({
        kind: failure.kind,
        retryable: failure.retryable,
        operation: failure.operation,
        awsName: failure.awsName,
        message: `Stopped after ${consecutiveErrors} users in a row failed. Last: ${failure.message}`,
      }));
    }
  }

  function userRead(user: User, events: AuthEvent[]): void {
    consecutiveErrors = 0;
    counts.usersScanned++;
    counts.eventsRead += events.length;
    const risky = events.filter(needsAttention);
    if (risky.length === 0) return;
    counts.riskyEvents += risky.length;
    const finding: SweepFinding = { user, events: risky, eventsRead: events.length };
    findings.push(finding);
    options.onFinding?.(finding);
  }

  async function readUsers(): Promise<void> {
    for (;;) {
      const user = await queue.next(signal);
      if (!user) return;
      try {
        userRead(user, await readEvents(user));
      } catch (error) {
        if (isAbortError(error)) throw error;
        userFailed(user, asGatewayError(error, SWEEP_CALLS.listAuthEvents.operation));
      }
      emit();
    }
  }

  const guard = (task: Promise<void>, operation: string) => task.catch((error: unknown) => {
    if (!isAbortError(error)) stop('failed', asGatewayError(error, operation));
  });

  const done = (async (): Promise<SweepSummary> => {
    await Promise.resolve();
    emit();
    await Promise.all([
      guard(walkUsers(), SWEEP_CALLS.listUsers.operation),
      ...Array.from({ length: concurrency }, () => guard(readUsers(), SWEEP_CALLS.listAuthEvents.operation)),
    ]);
    const outcome = ended;
    const phase: SweepSummary['phase'] = outcome?.phase ?? 'done';
    const last = { ...snapshot(phase), phase };
    options.onProgress?.(last);
    return { ...last, ...(outcome?.error ? { error: outcome.error } : {}), findings: [...findings] };
  })();

  return {
    cancel: () => stop('cancelled'),
    done,
  };
}
