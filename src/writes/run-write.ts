import type { GatewayError } from '../gateway/errors.ts';
import { typedDialog } from '../store/dialog.ts';
import { isOutcomeUnknown, writeFailureReason } from '../store/feedback-text.ts';
import type { Dialog, FailedWrite } from '../store/state.ts';
import { toListError, type StoreKit } from '../store/store-kit.ts';
import { appendActions, type ActionLogEntry } from './action-log.ts';
import { journalOutcomes, journalProblem } from './journal-outcomes.ts';
import { captureRequestId, type RequestIdCapture } from './request-id-capture.ts';
import { inFlightAt, withInFlight, withoutInFlight, type InFlightWrite } from './in-flight.ts';
import { DEFAULT_WRITE_INTERVAL_MS } from './pacing.ts';
import { settledReport, unknownReport } from './write-report.ts';
import type { ReadBack, RunWriteOptions, TargetOutcome, WriteRun, WriteSpec } from './write-spec.ts';

/** What the flash says when a write is asked for in read-only mode. */
export const READ_ONLY_TEXT = 'Read-only mode (--read-only): nothing is sent. Restart without --read-only to send writes.';

const UNKNOWN_LAST_ATTEMPT = 'The outcome of the last attempt is unknown.';
const FAILED_LAST_ATTEMPT = 'The last attempt failed.';

/** True, after saying why, when the session is read-only and so sends no write. */
export function refuseReadOnly(kit: StoreKit): boolean {
  if (!kit.get().readOnly) return false;
  kit.flash('warn', READ_ONLY_TEXT);
  return true;
}

/** Adds the outcomes to the action log and the journal; resolves once the journal has them on disk, with why not when it could not. */
function logOutcomes<T>(kit: StoreKit, spec: WriteSpec<T>, outcomes: TargetOutcome<T>[]): Promise<string | undefined> {
  const at = kit.now();
  const entries = outcomes.map((o): ActionLogEntry => ({
    at, operation: spec.operation, target: o.label, outcome: o.outcome,
    ...(o.readBack ? { readBack: o.readBack } : {}), ...(o.message ? { message: o.message } : {}),
  }));
  kit.set((s) => ({ actionLog: appendActions(s.actionLog, entries) }));
  return journalOutcomes(kit, spec, outcomes);
}

function requestIdOf(capture: RequestIdCapture): { requestId?: string } {
  const id = capture.done();
  return id ? { requestId: id } : {};
}

/** Asks whether to go on without the journal when it cannot be written; `go` runs only on y (and the journal is then off). */
function askWithoutJournal(kit: StoreKit, problem: string, go: () => void, stop: () => void) {
  kit.set({
    confirm: {
      title: 'The journal cannot be written: go on without it?',
      detail: `Nothing has been sent: ${problem}. y sends writes from now on without recording them (the header says so); n sends nothing — fix the directory or start with --journal DIR.`,
      yesLabel: 'go on',
      onConfirm: () => {
        kit.set({ journalOff: 'journal off (could not be written)' });
        go();
      },
      onCancel: stop,
    },
  });
}

/**
 * Asks for `spec` on `targets` and, once confirmed, sends it to each target exactly once, one at a time, paced.
 * Refuses in read-only mode and for targets with a write still in flight; a failed target's optimistic change is
 * reverted; an unknown outcome stops the batch and is read back when the spec can; R offers to send again what
 * failed, is unknown or was not sent. Targets at one place (the devices of one user) keep it in flight until the last
 * of them is answered. Every outcome goes to the action log. Resolves when the run is over.
 */
export function runWrite<T>(kit: StoreKit, spec: WriteSpec<T>, targets: T[], options: RunWriteOptions = {}): Promise<WriteRun<T>> {
  const refused: WriteRun<T> = { status: 'refused', outcomes: [] };
  if (refuseReadOnly(kit) || targets.length === 0) return Promise.resolve(refused);
  const writes = kit.get().pendingWrites;
  const busy = targets.map((t) => inFlightAt(writes, spec.where(t)));
  const free = targets.filter((_, i) => !busy[i]);
  if (free.length === 0) {
    kit.flash('warn', targets.length === 1 ? `${busy[0]!.label} is still being sent; wait for it.` : `These ${targets.length} writes are still being sent; wait for them.`);
    return Promise.resolve(refused);
  }
  const why = spec.precheck?.(free);
  if (why) {
    kit.flash('info', why);
    return Promise.resolve(refused);
  }
  const { retry } = options;
  const skipped = free.length < targets.length ? ` ${targets.length - free.length} still being sent are skipped.` : '';
  const title = `${retry ? 'Send again: ' : ''}${spec.title(free, retry)}`;
  const detail = `${retry ? `${retry.lastAttempt} ` : ''}${spec.detail(free)}${skipped}`;
  return new Promise((resolve) => {
    const problem = journalProblem(kit);
    if (problem) {
      askWithoutJournal(kit, problem, () => { void runWrite(kit, spec, targets, options).then(resolve); }, () => resolve(refused));
      return;
    }
    const onConfirm = () => {
      if (retry && kit.get().failedWrite === retry.failedWrite) kit.set({ failedWrite: undefined });
      void sendAll(kit, spec, free, options).then((outcomes) => resolve({ status: 'sent', outcomes }));
    };
    const onCancel = () => {
      const outcomes = free.map((target): TargetOutcome<T> => ({ target, label: spec.label(target), outcome: 'cancelled' }));
      void logOutcomes(kit, spec, outcomes);
      resolve({ status: 'cancelled', outcomes });
    };
    if (options.confirmed) return onConfirm();
    const expected = spec.typedConfirmation?.(free);
    const dangerous = spec.dangerous ?? false;
    const dialog: Dialog = expected !== undefined
      ? typedDialog({ title, detail, expected, dangerous, onConfirm, onCancel })
      : { title, detail, dangerous, onConfirm, onCancel };
    kit.set({ confirm: dialog });
  });
}

async function sendAll<T>(kit: StoreKit, spec: WriteSpec<T>, targets: T[], options: RunWriteOptions): Promise<TargetOutcome<T>[]> {
  const { set } = kit;
  const entry = (target: T): InFlightWrite => ({
    ...spec.where(target), operation: spec.operation, write: spec.write, label: spec.texts.what([target]), phase: 'sending',
    ...(spec.value !== undefined ? { value: spec.value } : {}),
  });
  const place = (target: T) => JSON.stringify(spec.where(target));
  const left = new Map<string, number>();
  for (const t of targets) left.set(place(t), (left.get(place(t)) ?? 0) + 1);
  const settle = (target: T) => {
    const rest = (left.get(place(target)) ?? 1) - 1;
    left.set(place(target), rest);
    if (rest === 0) set((s) => ({ pendingWrites: withoutInFlight(s.pendingWrites, spec.where(target)) }));
  };
  set((s) => ({ pendingWrites: targets.reduce((w, t) => withInFlight(w, entry(t)), s.pendingWrites) }));
  for (const target of targets) spec.optimistic?.(target);
  const interval = options.intervalMs ?? DEFAULT_WRITE_INTERVAL_MS;
  const progress = targets.length > 1 ? spec.texts.what(targets) : undefined;
  const outcomes: TargetOutcome<T>[] = [];
  let unknown: { outcome: TargetOutcome<T>; error: GatewayError } | undefined;
  for (const [i, target] of targets.entries()) {
    const label = spec.label(target);
    if (unknown) {
      settle(target);
      spec.revert?.(target);
      outcomes.push({ target, label, outcome: 'not-sent', message: 'not sent: the batch stopped at an unknown outcome' });
      continue;
    }
    if (progress) set({ writeProgress: { label: progress, done: i, total: targets.length } });
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, interval));
    if ((left.get(place(target)) ?? 0) > 1) set((s) => ({ pendingWrites: withInFlight(s.pendingWrites, entry(target)) }));
    const capture = captureRequestId(kit.gw, spec.operation);
    try {
      await spec.send(kit.gw, target, { kit });
      settle(target);
      spec.onSent?.(target);
      outcomes.push({ target, label, outcome: 'ok', ...requestIdOf(capture) });
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        const outcome: TargetOutcome<T> = { target, label, outcome: 'unknown', message: error.message, ...requestIdOf(capture) };
        unknown = { outcome, error };
        outcomes.push(outcome);
        continue;
      }
      settle(target);
      spec.revert?.(target);
      outcomes.push({ target, label, outcome: 'failed', message: writeFailureReason(toListError(error).message), ...requestIdOf(capture) });
    }
  }
  if (progress) set({ writeProgress: undefined });
  const journalFailure = await logOutcomes(kit, spec, outcomes.filter((o) => o.outcome !== 'unknown'));
  if (unknown) await settleUnknown(kit, spec, unknown, outcomes, journalFailure);
  else report(kit, spec, outcomes, journalFailure);
  offerResend(kit, spec, outcomes, options);
  return outcomes;
}

function report<T>(kit: StoreKit, spec: WriteSpec<T>, outcomes: TargetOutcome<T>[], journalFailure?: string) {
  const { level, text } = settledReport(spec, outcomes);
  flashWithJournal(kit, level, text, journalFailure);
  const succeeded = outcomes.filter((o) => o.outcome === 'ok').map((o) => o.target);
  if (succeeded.length > 0 && spec.afterSuccess) {
    Promise.resolve(spec.afterSuccess(succeeded)).catch((error: unknown) => kit.flash('warn', `Done, but reading it back failed: ${toListError(error).message}`));
  }
}

/** Says the outcome is unknown, reads it back when the spec can (the write stays in flight meanwhile), and reports. */
async function settleUnknown<T>(
  kit: StoreKit, spec: WriteSpec<T>, unknown: { outcome: TargetOutcome<T>; error: GatewayError }, outcomes: TargetOutcome<T>[], journalFailure?: string,
) {
  const { outcome, error } = unknown;
  const first = spec.texts.unknown(outcome.target, error);
  const where = spec.where(outcome.target);
  const others = outcomes.filter((o) => o !== outcome);
  kit.flash('warn', first);
  let verdict = first;
  if (spec.readBack) {
    kit.set((s) => {
      const pending = inFlightAt(s.pendingWrites, where);
      return pending ? { pendingWrites: withInFlight(s.pendingWrites, { ...pending, phase: 'reading-back' }) } : {};
    });
    let found: ReadBack;
    try {
      found = await spec.readBack(outcome.target, error);
    } catch (readError) {
      found = { state: 'unknown', message: `${first} Reading it back failed: ${writeFailureReason(toListError(readError).message)}` };
    }
    if (found.state === 'unknown') spec.revert?.(outcome.target);
    outcome.readBack = found.state;
    outcome.message = found.message;
    verdict = found.message;
  } else {
    spec.revert?.(outcome.target);
  }
  kit.set((s) => ({ pendingWrites: withoutInFlight(s.pendingWrites, where) }));
  const failure = (await logOutcomes(kit, spec, [outcome])) ?? journalFailure;
  const { level, text } = unknownReport(outcome, others, verdict, spec);
  flashWithJournal(kit, level, text, failure);
}

/** The report of a run, with a warning first when the journal could not record it. */
function flashWithJournal(kit: StoreKit, level: 'info' | 'warn' | 'error', text: string, journalFailure: string | undefined) {
  if (journalFailure) kit.flash(level === 'error' ? 'error' : 'warn', `Not journaled: ${journalFailure}. ${text}`);
  else kit.flash(level, text);
}

/** Makes R ask to send again the targets that failed, were not sent, or are not known to be applied. */
function offerResend<T>(kit: StoreKit, spec: WriteSpec<T>, outcomes: TargetOutcome<T>[], options: RunWriteOptions) {
  const again = outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'not-sent' || (o.outcome === 'unknown' && o.readBack !== 'applied'));
  if (again.length === 0) return;
  const targets = again.map((o) => o.target);
  const lastAttempt = again.some((o) => o.outcome === 'unknown') ? UNKNOWN_LAST_ATTEMPT : FAILED_LAST_ATTEMPT;
  const failed: FailedWrite = {
    label: spec.texts.what(targets),
    ask: () => { void runWrite(kit, spec, targets, { intervalMs: options.intervalMs, retry: { lastAttempt, failedWrite: failed } }); },
  };
  kit.set({ failedWrite: failed });
}
