import { generateAuthEvents } from './auth-event-generator.ts';
import type { AuthEventFeedback, AuthEventRecord, PoolDefinition, UserRecord } from './model.ts';

const CACHED_USERS = 2000;

/**
 * Auth events generated on first request per user and kept in a bounded cache (regenerating gives the
 * same events), plus the feedback written at run time, which outlives the cache.
 */
export class AuthEventStore {
  private readonly cache = new Map<string, AuthEventRecord[]>();
  private readonly feedback = new Map<string, AuthEventFeedback>();

  constructor(
    private readonly seed: number,
    private readonly now: number,
  ) {}

  /** The user's events, newest first. */
  eventsFor(pool: PoolDefinition, user: UserRecord): readonly AuthEventRecord[] {
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
