import { MetricSeries } from '../cloudwatch/metric-series.ts';
import type { SeriesBuilder } from '../cloudwatch/get-metric-data.ts';
import type { GroupFiller } from '../logs/log-group.ts';
import { generateAuthEvents, UNREAD_IDS } from './auth-event-generator.ts';
import { ActivityWriter } from './log-export.ts';
import type { AuthEventRecord, UserRecord } from './model.ts';
import type { PoolStore } from './pool-store.ts';

const METRIC_DAYS = 15;
/** Users generated between two looks at the clock while the pool's users are still being made. */
const USERS_PER_ADVANCE = 200;

/** One consumer of a pool's generated events, fed user by user in ordinal order. */
interface Sink {
  /** Index in the pool's user list of the next user this sink takes. */
  next: number;
  take(user: UserRecord, events: readonly AuthEventRecord[]): void;
}

/** Counts each user's events of the last 15 days (CloudWatch's one-minute retention) into the pool's risk metrics. */
class MetricsSink implements Sink {
  next = 0;
  readonly series = new MetricSeries();
  private readonly since: number;

  constructor(private readonly poolId: string, now: number) {
    this.since = now - METRIC_DAYS * 86_400_000;
  }

  take(_user: UserRecord, events: readonly AuthEventRecord[]): void {
    for (const e of events) {
      if (e.createdAt < this.since) break;
      const risk = e.EventRisk;
      this.series.observe(this.poolId, {
        at: e.createdAt, eventType: e.EventType, decision: risk.RiskDecision ?? 'NoRisk', level: risk.RiskLevel, compromised: risk.CompromisedCredentialsDetected === true,
      });
    }
  }
}

/** Writes each user's events into the pool's user-activity log group; sorts the rows by time at the end, in pieces. */
class ExportSink implements Sink {
  next = 0;
  private finishing?: Generator<void, void, void>;

  constructor(private readonly writer: ActivityWriter) {}

  take(user: UserRecord, events: readonly AuthEventRecord[]): void {
    this.writer.writeUser(user, events);
  }

  /** Works on the final sort until `until`; true once done. */
  finish(until: number): boolean {
    this.finishing ??= this.writer.finishing();
    for (;;) {
      if (this.finishing.next().done === true) return true;
      if (performance.now() >= until) return false;
    }
  }
}

/**
 * One pool's generated auth events for everything that is worked out from all of them — the risk metrics and the
 * user-activity export — so that each user's events are generated once for every consumer that needs that user at that
 * point. A consumer that starts late catches up on the users it missed, then shares the walk. Work is done in steps
 * bounded by time, so the server answers other requests between them.
 */
export class PoolActivity {
  private readonly sinks: Sink[] = [];
  private metrics?: MetricsSink;
  private exported?: ExportSink;

  constructor(
    private readonly seed: number,
    private readonly now: number,
    private readonly pool: PoolStore,
    private readonly generate: typeof generateAuthEvents = generateAuthEvents,
  ) {}

  /** Builds the pool's risk metrics (shared with an export under way). */
  metricSeries(): SeriesBuilder {
    return {
      step: (until) => {
        const sink = this.metricsSink();
        return this.work(sink, until) ? sink.series : undefined;
      },
    };
  }

  /** Fills a log group with the pool's user-activity records, and meanwhile the pool's risk metrics, which come at little cost. */
  exportFiller(): GroupFiller {
    return (group, until) => {
      this.metricsSink();
      this.exported ??= this.attach(new ExportSink(new ActivityWriter(group, this.pool)));
      return this.work(this.exported, until) && this.exported.finish(until);
    };
  }

  private metricsSink(): MetricsSink {
    this.metrics ??= this.attach(new MetricsSink(this.pool.def.id, this.now));
    return this.metrics;
  }

  private attach<S extends Sink>(sink: S): S {
    this.sinks.push(sink);
    return sink;
  }

  /**
   * Feeds users to the sinks until `target` has taken every user or the time `until` has come, always serving the
   * user the furthest-behind sink needs next (so that a sink that started late catches up and then shares).
   */
  private work(target: Sink, until: number): boolean {
    if (this.pool.def.mode === 'OFF') return true;
    while (!this.pool.advance(USERS_PER_ADVANCE)) if (performance.now() >= until) return false;
    const users = this.pool.users();
    const { seed, now } = this;
    const def = this.pool.def;
    for (;;) {
      if (target.next >= users.length) return true;
      let at = target.next;
      for (const s of this.sinks) if (s.next < at) at = s.next;
      const user = users[at];
      const events = this.generate(seed, def, user, now, this.exported?.next === at ? undefined : UNREAD_IDS);
      for (const s of this.sinks) {
        if (s.next !== at) continue;
        s.take(user, events);
        s.next += 1;
      }
      if (performance.now() >= until) return target.next >= users.length;
    }
  }
}
