/** Why a guarded call was stopped: its deadline passed, or its caller aborted it. */
export type StopReason = 'deadline' | 'aborted';

/**
 * One call's overall deadline and its caller's abort signal, as one AbortSignal to hand to the SDK and a `race`
 * that ends a promise the moment either fires, whatever the SDK does with the signal.
 */
export class CallGuard {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly stopped: Promise<never>;
  private rejectStopped: (reason: Error) => void = () => {};
  private readonly onOuterAbort = () => this.stop('aborted');
  /** Why the call was stopped; undefined while it may go on. */
  reason: StopReason | undefined;

  constructor(deadlineMs: number, private readonly outer?: AbortSignal) {
    this.stopped = new Promise<never>((_, reject) => (this.rejectStopped = reject));
    this.stopped.catch(() => {});
    this.timer = setTimeout(() => this.stop('deadline'), deadlineMs);
    this.timer.unref?.();
    if (outer?.aborted) this.stop('aborted');
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  /** The signal to pass to the SDK: aborts the request (connection and body) when the call is stopped. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** `work`, or a rejection as soon as the call is stopped; a later rejection of `work` is swallowed. */
  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => {});
    return Promise.race([work, this.stopped]);
  }

  /** Waits `ms`, or less if the call is stopped first. */
  sleep(ms: number): Promise<void> {
    return this.race(new Promise<void>((resolve) => setTimeout(resolve, ms)));
  }

  /** Clears the deadline timer and the listener on the caller's signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  private stop(reason: StopReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    clearTimeout(this.timer);
    this.controller.abort();
    this.rejectStopped(new Error(`call stopped: ${reason}`));
  }
}
