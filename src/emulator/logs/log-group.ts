import { DEMO_ACCOUNT_ID, DEMO_REGION } from '../well-known-ids.ts';
import { RecordTable } from './record-table.ts';

/** One log stream of a group. */
export interface LogStreamInfo {
  name: string;
  createdAt: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
}

/**
 * Generates a group's events in steps: each call works until the time `until` (performance.now(); Infinity: to the
 * end) at most and returns true once everything is there.
 */
export type GroupFiller = (group: LogGroup, until: number) => boolean;

/** Longest step of a group's filling before other requests are answered. */
export const FILL_STEP_MS = 4;

/** A CloudWatch Logs log group: its streams and its events (columnar), filled on first use when it has a filler. */
export class LogGroup {
  readonly table = new RecordTable();
  readonly streams = new Map<string, LogStreamInfo>();
  private filler?: GroupFiller;

  constructor(
    readonly name: string,
    readonly createdAt: number,
    filler?: GroupFiller,
  ) {
    this.filler = filler;
  }

  /** The group's ARN without the trailing `:*` (what Cognito's log delivery names). */
  get arn(): string {
    return `arn:aws:logs:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:log-group:${this.name}`;
  }

  /** Generates the rest of the group's events now, so they exist before they are read. */
  ensureFilled(): void {
    this.fillSome(Infinity);
  }

  /** Generates the group's events in short steps, a step a turn, so the server keeps answering meanwhile. */
  async filled(): Promise<void> {
    while (!this.fillStep()) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Generates the group's events for one short step; true once all are there. */
  fillStep(): boolean {
    return this.fillSome(performance.now() + FILL_STEP_MS);
  }

  /** Generates the group's events until the time `until` (performance.now()) at most; true once all are there. */
  fillSome(until: number): boolean {
    const fill = this.filler;
    if (fill === undefined) return true;
    if (!fill(this, until)) return false;
    this.filler = undefined;
    return true;
  }

  /** Whether the group's events are still to be generated. */
  get pending(): boolean {
    return this.filler !== undefined;
  }

  /** Records that an event went to a stream, creating the stream's first/last figures. */
  noteEvent(streamName: string, timestamp: number, ingestionTime: number): void {
    let stream = this.streams.get(streamName);
    if (stream === undefined) {
      stream = { name: streamName, createdAt: ingestionTime };
      this.streams.set(streamName, stream);
    }
    if (stream.firstEventTimestamp === undefined || timestamp < stream.firstEventTimestamp) stream.firstEventTimestamp = timestamp;
    if (stream.lastEventTimestamp === undefined || timestamp > stream.lastEventTimestamp) stream.lastEventTimestamp = timestamp;
    if (stream.lastIngestionTime === undefined || ingestionTime > stream.lastIngestionTime) stream.lastIngestionTime = ingestionTime;
  }
}
