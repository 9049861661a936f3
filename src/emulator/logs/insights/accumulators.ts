import { compareValues, numeric } from './values.ts';
import type { Value } from './values.ts';

/** One aggregate for every group at once, its state in arrays indexed by group slot (no object per group). */
export interface Accumulators {
  add(slot: number, row: number): void;
  /** Adds rows[i] to group slots[i] for every i (one tight loop per aggregate). */
  addAll(slots: Int32Array, rows: ArrayLike<number>): void;
  result(slot: number): Value;
}

type Read = (row: number) => Value;

/** count(*), in a typed array sized for the most groups there can be. */
export class CountAll implements Accumulators {
  private readonly n: Float64Array;

  constructor(capacity: number) {
    this.n = new Float64Array(capacity);
  }

  add(slot: number): void {
    this.n[slot] += 1;
  }

  addAll(slots: Int32Array, rows: ArrayLike<number>): void {
    const n = this.n;
    for (let i = 0; i < rows.length; i += 1) n[slots[i]] += 1;
  }

  result(slot: number): Value {
    return this.n[slot];
  }
}

/** count(field): rows where the field is present. */
export class CountPresent implements Accumulators {
  private readonly n: number[] = [];

  constructor(private readonly read: Read) {}

  add(slot: number, row: number): void {
    const had = this.n[slot] ?? 0;
    this.n[slot] = this.read(row) === undefined ? had : had + 1;
  }

  addAll(slots: Int32Array, rows: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i += 1) this.add(slots[i], rows[i]);
  }

  result(slot: number): Value {
    return this.n[slot] ?? 0;
  }
}

/** count_distinct(field). */
export class CountDistinct implements Accumulators {
  private readonly seen: Array<Set<Value> | undefined> = [];

  constructor(private readonly read: Read) {}

  add(slot: number, row: number): void {
    const v = this.read(row);
    let set = this.seen[slot];
    if (set === undefined) {
      set = new Set();
      this.seen[slot] = set;
    }
    if (v !== undefined) set.add(v);
  }

  addAll(slots: Int32Array, rows: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i += 1) this.add(slots[i], rows[i]);
  }

  result(slot: number): Value {
    return this.seen[slot]?.size ?? 0;
  }
}

/** sum(field) or avg(field) over the numeric values. */
export class SumOrAverage implements Accumulators {
  private readonly total: Float64Array;
  private readonly n: Float64Array;

  constructor(
    private readonly read: Read,
    private readonly average: boolean,
    capacity: number,
  ) {
    this.total = new Float64Array(capacity);
    this.n = new Float64Array(capacity);
  }

  add(slot: number, row: number): void {
    const x = numeric(this.read(row));
    if (x === x) {
      this.total[slot] += x;
      this.n[slot] += 1;
    }
  }

  addAll(slots: Int32Array, rows: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i += 1) this.add(slots[i], rows[i]);
  }

  result(slot: number): Value {
    const n = this.n[slot];
    if (n === 0) return undefined;
    return this.average ? this.total[slot] / n : this.total[slot];
  }
}

/** min(field) or max(field). */
export class Extreme implements Accumulators {
  private readonly best: Value[] = [];

  constructor(
    private readonly read: Read,
    private readonly sign: 1 | -1,
  ) {}

  add(slot: number, row: number): void {
    const v = this.read(row);
    const best = this.best[slot];
    if (slot >= this.best.length) this.best[slot] = v;
    else if (v !== undefined && (best === undefined || compareValues(v, best) * this.sign > 0)) this.best[slot] = v;
  }

  addAll(slots: Int32Array, rows: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i += 1) this.add(slots[i], rows[i]);
  }

  result(slot: number): Value {
    return this.best[slot];
  }
}

/**
 * earliest(field) or latest(field): the value at the earliest or latest @timestamp among rows that have the field.
 * Keeps the best row per group and reads its value once, at the end.
 */
export class AtTime implements Accumulators {
  private readonly at: Float64Array;
  private readonly row: Int32Array;

  constructor(
    private readonly read: Read,
    private readonly present: (row: number) => boolean,
    private readonly time: (row: number) => number,
    private readonly latest: boolean,
    capacity: number,
  ) {
    this.at = new Float64Array(capacity).fill(Number.NaN);
    this.row = new Int32Array(capacity).fill(-1);
  }

  add(slot: number, row: number): void {
    const t = this.time(row);
    const at = this.at[slot];
    if ((at !== at || (this.latest ? t > at : t < at)) && this.present(row)) {
      this.at[slot] = t;
      this.row[slot] = row;
    }
  }

  addAll(slots: Int32Array, rows: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i += 1) this.add(slots[i], rows[i]);
  }

  result(slot: number): Value {
    const row = this.row[slot];
    return row < 0 ? undefined : this.read(row);
  }
}
