import { abortError, raceAbort, realClock, realSleep } from './abort.ts';
import type { Clock, Sleep } from './abort.ts';

/** Share of a quota a sweep uses unless told otherwise, leaving the rest to production traffic. */
export const DEFAULT_SHARE = 0.5;

/** How to build a TokenBucket. */
export interface TokenBucketOptions {
  /** The quota of the category, requests per second. */
  quotaRps: number;
  /** Fraction of the quota to pace at, in (0, 1]; default 0.5. */
  share?: number;
  clock?: Clock;
  sleep?: Sleep;
  /** The lowest rate a run of throttles can cut to, as a fraction of the paced rate; default 0.05. */
  minFraction?: number;
  /** Seconds the rate takes to climb from zero back to the paced rate after a cut; default 60. */
  recoverySeconds?: number;
  /** Throttles within this many milliseconds of a cut answer requests sent before it, and do not cut again; default 1000. */
  cutCooldownMs?: number;
}

function microsecondsUp(ms: number): number {
  return Math.ceil(ms * 1000) / 1000;
}

/** Clamps a quota share to (0, 1]; anything else gives the default. */
export function clampShare(share: number | undefined): number {
  if (share === undefined || !Number.isFinite(share) || share <= 0) return DEFAULT_SHARE;
  return Math.min(1, share);
}

/**
 * Paces the requests of one quota category: grants at most one request every 1/rate seconds (a bucket that
 * holds one token, so no bursts), halves the rate when Cognito throttles and climbs back linearly.
 */
export class TokenBucket {
  /** The rate the bucket paces at when nothing was throttled: quota times share. */
  readonly pacedRps: number;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly minRps: number;
  private readonly climbPerMs: number;
  private readonly cutCooldownMs: number;
  private cutRps: number;
  private cutAt = Number.NEGATIVE_INFINITY;
  private nextAt = Number.NEGATIVE_INFINITY;
  private line: Promise<void> = Promise.resolve();

  constructor(options: TokenBucketOptions) {
    this.pacedRps = options.quotaRps * clampShare(options.share);
    this.clock = options.clock ?? realClock;
    this.sleep = options.sleep ?? realSleep;
    this.minRps = this.pacedRps * Math.min(1, Math.max(0.001, options.minFraction ?? 0.05));
    this.climbPerMs = this.pacedRps / (Math.max(0.001, options.recoverySeconds ?? 60) * 1000);
    this.cutCooldownMs = options.cutCooldownMs ?? 1000;
    this.cutRps = this.pacedRps;
  }

  /** The rate in requests per second at `now`: the paced rate, or less while recovering from a throttle. */
  rate(now: number = this.clock()): number {
    return Math.min(this.pacedRps, this.cutRps + this.climbPerMs * Math.max(0, now - this.cutAt));
  }

  /** Resolves when the caller may send one request; rejects with an AbortError once `signal` aborts. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.line.then(() => this.grant(signal));
    this.line = turn.catch(() => undefined);
    return raceAbort(turn, signal);
  }

  /** Tells the bucket Cognito throttled a request: halves the rate (down to its floor) and pushes the next grant out. */
  throttled(): void {
    const now = this.clock();
    if (now - this.cutAt < this.cutCooldownMs) return;
    this.cutRps = Math.max(this.minRps, this.rate(now) / 2);
    this.cutAt = now;
    this.nextAt = Math.max(this.nextAt, microsecondsUp(now + 1000 / this.cutRps));
  }

  private async grant(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortError();
      const now = this.clock();
      if (now >= this.nextAt) {
        this.nextAt = microsecondsUp(now + 1000 / this.rate(now));
        return;
      }
      await this.sleep(this.nextAt - now, signal);
    }
  }
}
