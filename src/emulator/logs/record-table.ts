import { arrayReorder, DictColumn, NumberColumn } from './columns.ts';
import type { Column, Reorder } from './columns.ts';
import { ROWS_PER_PIECE, timeOrder } from './time-order.ts';

/** One log event as PutLogEvents gives it, with where and when it was stored. */
export interface IncomingEvent {
  timestamp: number;
  ingestionTime: number;
  stream: string;
  message: string;
}

/** Rows [lo, hi) to scan for a time range; `check` when the rows are not in time order and each must be tested. */
export interface RowRange {
  lo: number;
  hi: number;
  check: boolean;
}

const MAX_FLATTENED_FIELDS = 200;

function flatten(value: unknown, prefix: string, out: Array<[string, string]>): void {
  if (out.length >= MAX_FLATTENED_FIELDS) return;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
    return;
  }
  out.push([prefix, String(value)]);
}

function nest(pairs: Array<[string, string]>): unknown {
  const root: Record<string, unknown> = {};
  for (const [path, value] of pairs) {
    const parts = path.split('.');
    let node: Record<string, unknown> = root;
    for (let i = 0; i < parts.length - 1; i += 1) {
      const next = node[parts[i]];
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = /^\d+$/.test(parts[i + 1]) ? ([] as unknown as Record<string, unknown>) : {};
        node[parts[i]] = created;
        node = created;
      }
    }
    node[parts[parts.length - 1]] = value;
  }
  return root;
}

/**
 * The log events of one log group, columnar: timestamps and ingestion times as Float64, the stream and every field
 * discovered in JSON messages dictionary-encoded (dotted names, e.g. `message.riskLevel`), message sizes as Uint32.
 * Messages sent as text are kept as text; generated records keep only their fields and rebuild `@message` on demand.
 */
export class RecordTable {
  readonly timestamps = new NumberColumn();
  readonly ingestion = new NumberColumn();
  readonly stream = new DictColumn();
  private readonly raw = new DictColumn();
  private readonly fieldColumns = new Map<string, Column>();
  private sizes = new Uint32Array(1024);
  private count = 0;
  private inOrder = true;
  private totalBytes = 0;

  /** Number of events. */
  get length(): number {
    return this.count;
  }

  /** Sum of the events' message sizes in bytes. */
  get storedBytes(): number {
    return this.totalBytes;
  }

  /** The discovered fields, in the order first seen. */
  fieldNames(): string[] {
    return [...this.fieldColumns.keys()];
  }

  /** The column of a discovered field. */
  column(name: string): Column | undefined {
    return this.fieldColumns.get(name);
  }

  /** Adds (or returns) a field column of the given kind, for generators that fill columns themselves. */
  defineColumn<C extends Column>(name: string, make: () => C): C {
    const existing = this.fieldColumns.get(name);
    if (existing !== undefined) return existing as C;
    const created = make();
    this.fieldColumns.set(name, created);
    return created;
  }

  /** Reserves the next row for a generator and records its time, stream and size; returns the row. */
  addRow(timestamp: number, ingestionTime: number, streamCode: number, size: number): number {
    const row = this.count;
    if (row > 0 && timestamp < this.timestamps.get(row - 1)) this.inOrder = false;
    this.timestamps.set(row, timestamp);
    this.ingestion.set(row, ingestionTime);
    this.stream.setCode(row, streamCode);
    if (row >= this.sizes.length) {
      const next = new Uint32Array(Math.max(row + 1, this.sizes.length * 2));
      next.set(this.sizes);
      this.sizes = next;
    }
    this.sizes[row] = size;
    this.totalBytes += size;
    this.count = row + 1;
    return row;
  }

  /** Stores one event sent as text; a JSON object message also fills its flattened fields. */
  append(event: IncomingEvent): number {
    const row = this.addRow(event.timestamp, event.ingestionTime, this.stream.intern(event.stream), Buffer.byteLength(event.message) + 26);
    this.raw.setCode(row, this.raw.intern(event.message));
    const text = event.message.trimStart();
    if (!text.startsWith('{')) return row;
    let parsed: unknown;
    try {
      parsed = JSON.parse(event.message);
    } catch {
      return row;
    }
    const pairs: Array<[string, string]> = [];
    flatten(parsed, '', pairs);
    for (const [name, value] of pairs) {
      const column = this.defineColumn(name, () => new DictColumn());
      if (column instanceof DictColumn) column.setCode(row, column.intern(value));
    }
    return row;
  }

  /** Size in bytes of one event's message. */
  sizeOf(row: number): number {
    return this.sizes[row];
  }

  /** The event's message: as sent, or rebuilt as JSON from its fields. */
  messageOf(row: number): string {
    const sent = this.raw.decode(this.raw.code(row));
    if (sent !== undefined) return sent;
    const pairs: Array<[string, string]> = [];
    for (const [name, column] of this.fieldColumns) {
      const value = column.decode(column.code(row));
      if (value !== undefined) pairs.push([name, value]);
    }
    return JSON.stringify(nest(pairs));
  }

  /** Rows whose timestamps may fall in [startMs, endMs]; binary search while rows are in time order. */
  range(startMs: number, endMs: number): RowRange {
    if (!this.inOrder) return { lo: 0, hi: this.count, check: true };
    const ts = this.timestamps.array;
    const lower = (t: number, strict: boolean): number => {
      let lo = 0;
      let hi = this.count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (strict ? ts[mid] <= t : ts[mid] < t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return { lo: lower(startMs, false), hi: lower(endMs, true), check: false };
  }

  /** Puts the rows in time order (stable), so time ranges are found by binary search. */
  sortByTime(): void {
    const steps = this.sortingByTime();
    while (steps.next().done !== true);
  }

  /**
   * Puts the rows in time order (stable) in pieces: the generator pauses after each bounded piece of work, so a
   * filler can spread a large table's sort over many turns. The table must not be read or written until it is done.
   */
  *sortingByTime(): Generator<void, void, void> {
    if (this.inOrder) return;
    const n = this.count;
    const order = yield* timeOrder(this.timestamps.array, n);
    const columns: Array<{ reorder(order: Uint32Array): Reorder }> = [this.timestamps, this.ingestion, this.stream, this.raw, ...this.fieldColumns.values()];
    columns.push({ reorder: (o) => arrayReorder(this.sizes, o, (sizes) => { this.sizes = sizes; }) });
    for (const column of columns) {
      const r = column.reorder(order);
      for (let lo = 0; lo < n; lo += ROWS_PER_PIECE) {
        r.copy(lo, Math.min(n, lo + ROWS_PER_PIECE));
        yield;
      }
      r.commit();
    }
    this.inOrder = true;
  }

  /** Bytes held by the table's arrays and dictionaries. */
  bytes(): number {
    let total = this.timestamps.bytes() + this.ingestion.bytes() + this.stream.bytes() + this.raw.bytes() + this.sizes.byteLength;
    for (const column of this.fieldColumns.values()) total += column.bytes();
    return total;
  }
}
