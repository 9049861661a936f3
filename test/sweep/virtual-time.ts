import { abortError } from '../../src/sweep/abort.ts';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/** A simulated clock and sleep: time moves only when everything else is waiting on a timer. */
export class VirtualTime {
  now = 0;
  private timers: Timer[] = [];
  private seq = 0;

  readonly clock = (): number => this.now;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const timer: Timer = {
      at: this.now + Math.max(0, ms),
      seq: this.seq++,
      fire: () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
    };
    const onAbort = () => {
      this.timers = this.timers.filter((t) => t !== timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    this.timers.push(timer);
  });

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.length;
  }

  /** Lets every pending promise callback run (fake gateways answer through microtasks only). */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Fires the earliest timer, moving the clock to it; false when none is pending. */
  fireNext(): boolean {
    if (this.timers.length === 0) return false;
    const next = this.timers.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a));
    this.timers = this.timers.filter((t) => t !== next);
    this.now = Math.max(this.now, next.at);
    next.fire();
    return true;
  }

  /** Runs simulated time until `done` holds; fails if everything is stuck with no timer left. */
  async runUntil(done: () => boolean, limitMs = 3_600_000): Promise<void> {
    for (;;) {
      await this.settle();
      if (done()) return;
      if (this.now > limitMs) throw new Error(`simulated time passed ${limitMs} ms`);
      if (!this.fireNext()) throw new Error('stuck: nothing to wait for and the condition does not hold');
    }
  }

  /** Runs simulated time until `promise` settles and returns its value. */
  async run<T>(promise: Promise<T>, limitMs?: number): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => { settled = true; });
    await this.runUntil(() => settled, limitMs);
    return watched;
  }

  /** Runs simulated time until no timer is left. */
  async drain(): Promise<void> {
    for (;;) {
      await this.settle();
      if (!this.fireNext()) return;
    }
  }
}
