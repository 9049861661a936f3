import { generateAuthEvents } from './auth-event-generator.ts';
import type { AuthEventFeedback, AuthEventRecord, PoolDefinition, UserRecord } from './model.ts';
import { ATTACKER_IPS, blockedRetry } from './takeover-story.ts';

const CACHED_USERS = 2000;

/**
 * Auth events generated on first request per user and kept in a bounded cache (regenerating gives the
 * same events), plus the feedback written at run time, which outlives the cache.
 */
export class AuthEventStore {
  private readonly cache = new Map<string, AuthEventRecord[]>();
  private readonly feedback = new Map<string, AuthEventFeedback>();
  /** The takeover's attempts made while the emulator runs, per pool: they outlive the cache. */
  private readonly retries = new Map<string, AuthEventRecord[]>();
  /** Per pool, the attacker's addresses already in the always-block list when the story was first read (never retried). */
  private readonly blockedAtStart = new Map<string, Set<string>>();
  private readonly startedAt = performance.now();

  constructor(
    private readonly seed: number,
    private readonly now: number,
  ) {}

  /** The user's events, newest first; the takeover's, with the attacker's attempts from addresses blocked since. */
  eventsFor(pool: PoolDefinition, user: UserRecord): readonly AuthEventRecord[] {
    const story = this.storyEvents(pool, user);
    if (user.kind !== 'takeover') return story;
    this.retryFromBlocked(pool);
    const retries = this.retries.get(pool.id) ?? [];
    return retries.length === 0 ? story : [...retries, ...story];
  }

  /**
   * The attacker tries again, once from each of its addresses that is now in the pool's always-block list and was not
   * when the story was first read: each attempt is recorded as Cognito records a sign-in from a blocked range.
   */
  private retryFromBlocked(pool: PoolDefinition): void {
    const covered = ATTACKER_IPS.filter((ip) => inRanges(ip, pool.risk?.riskExceptions?.BlockedIPRangeList ?? []));
    const atStart = this.blockedAtStart.get(pool.id);
    if (atStart === undefined) {
      this.blockedAtStart.set(pool.id, new Set(covered));
      return;
    }
    const done = this.retries.get(pool.id) ?? [];
    const fresh = covered.filter((a) => !atStart.has(a) && !done.some((e) => e.EventContextData.IpAddress === a));
    if (fresh.length === 0) return;
    const at = Math.max(this.now + Math.round(performance.now() - this.startedAt), (done[0]?.createdAt ?? 0) + 1);
    const attempts = fresh.map((ip, i) => blockedRetry(this.seed, pool, ip, at + i)).reverse();
    this.retries.set(pool.id, [...attempts, ...done]);
  }

  private storyEvents(pool: PoolDefinition, user: UserRecord): readonly AuthEventRecord[] {
    const key = `${pool.id}\u0000${user.username}`;
    let events = this.cache.get(key);
    if (events === undefined) {
      events = generateAuthEvents(this.seed, pool, user, this.now);
      if (this.cache.size >= CACHED_USERS) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    } else {
      this.cache.delete(key);
    }
    this.cache.set(key, events);
    return events;
  }

  /** Feedback written at run time for an event, if any. */
  feedbackFor(poolId: string, eventId: string): AuthEventFeedback | undefined {
    return this.feedback.get(`${poolId}\u0000${eventId}`);
  }

  /** Records feedback for an event; it replaces any earlier feedback. */
  setFeedback(poolId: string, eventId: string, feedback: AuthEventFeedback): void {
    this.feedback.set(`${poolId}\u0000${eventId}`, feedback);
  }
}

/** An IPv4 address in dotted-decimal as a 32-bit number, or undefined when it is not one. */
function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** True when the IPv4 address is inside one of the CIDR ranges (ranges that do not parse are passed over). */
function inRanges(ip: string, ranges: readonly string[]): boolean {
  const address = ipv4(ip);
  if (address === undefined) return false;
  return ranges.some((r) => {
    const [base = '', bits = ''] = r.split('/');
    const network = ipv4(base);
    if (network === undefined || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) return false;
    const size = 2 ** (32 - Number(bits));
    return Math.floor(address / size) === Math.floor(network / size);
  });
}
