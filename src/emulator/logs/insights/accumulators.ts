import { compareValues, numeric } from './values.ts';
import type { Value } from './values.ts';

/** One aggregate for every group at once, its state in arrays indexed by group slot (no object per group). */
export interface Accumulators {
  add(slot: number, row: number): void;
  result(slot: number): Value;
}

type Read = (row: number) => Value;

/** count(*). */
export class CountAll implements Accumulators {
  private readonly n: number[] = [];

  add(slot: number): void {
    this.n[slot] = (this.n[slot] ?? 0) + 1;
  }

  result(slot: number): Value {
    return this.n[slot] ?? 0;
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

  result(slot: number): Value {
    return this.seen[slot]?.size ?? 0;
  }
}

/** sum(field) or avg(field) over the numeric values. */
export class SumOrAverage implements Accumulators {
  private readonly total: number[] = [];
  private readonly n: number[] = [];

  constructor(
    private readonly read: Read,
    private readonly average: boolean,
  ) {}

  add(slot: number, row: number): void {
    const x = numeric(this.read(row));
    const ok = !Number.isNaN(x);
    this.total[slot] = (this.total[slot] ?? 0) + (ok ? x : 0);
    this.n[slot] = (this.n[slot] ?? 0) + (ok ? 1 : 0);
  }

  result(slot: number): Value {
    const n = this.n[slot] ?? 0;
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

  result(slot: number): Value {
    return this.best[slot];
  }
}

/**
 * earliest(field) or latest(field): the value at the earliest or latest @timestamp among rows that have the field.
 * Keeps the best row per group and reads its value once, at the end.
 */
export class AtTime implements Accumulators {
  private readonly at: number[] = [];
  private readonly row: number[] = [];

  constructor(
    private readonly read: Read,
    private readonly present: (row: number) => boolean,
    private readonly time: Read,
    private readonly latest: boolean,
  ) {}

  add(slot: number, row: number): void {
    if (slot >= this.at.length) {
      this.at[slot] = Number.NaN;
      this.row[slot] = -1;
    }
    const t = numeric(this.time(row));
    const at = this.at[slot];
    if ((Number.isNaN(at) || (this.latest ? t > at : t < at)) && this.present(row)) {
      this.at[slot] = t;
      this.row[slot] = row;
    }
  }

  result(slot: number): Value {
    const row = this.row[slot];
    return row === undefined || row < 0 ? undefined : this.read(row);
  }
}
