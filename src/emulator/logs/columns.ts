/** Codes as small as the values allow: Uint8 while under 256 distinct values, then Uint16, then Uint32. */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * One field of a record table, stored by row. A code stands for a value: equal codes are equal values, 0 is
 * "absent". A column with `size` has dense codes 1..size, so a predicate can be worked out once per value.
 */
export interface Column {
  /** The code of the value at `row` (0 when the record has no such field). */
  code(row: number): number;
  /** The value a code stands for. */
  decode(code: number): string | undefined;
  /** Number of distinct values when codes are dense (1..size); undefined for columns coded otherwise. */
  readonly size?: number;
  /** The codes by row, when the column keeps them in one array (read-only; valid for the rows present when taken). */
  readonly codes?: CodeArray;
  /** Bytes this column holds, for the memory figure. */
  bytes(): number;
  /** Starts reordering the first `order.length` rows (new row i takes old row order[i]), a range of rows at a time. */
  reorder(order: Uint32Array): Reorder;
}

/**
 * A column's rows being put in a new order in pieces, so that a large table is reordered in short steps:
 * `copy(from, to)` fills new rows [from, to); `commit()` puts the new order in place once every row is copied.
 */
export interface Reorder {
  copy(from: number, to: number): void;
  commit(): void;
}

/** Reorders the first `order.length` rows of `column` at once. */
export function permute(column: { reorder(order: Uint32Array): Reorder }, order: Uint32Array): void {
  const r = column.reorder(order);
  r.copy(0, order.length);
  r.commit();
}

function copyRows(to: CodeArray | Float64Array, from: CodeArray | Float64Array, order: Uint32Array, lo: number, hi: number): void {
  const n = from.length;
  if (from instanceof Float64Array) {
    const c = to as Float64Array;
    for (let i = lo; i < hi; i += 1) c[i] = order[i] < n ? from[order[i]] : 0;
  } else if (from instanceof Uint8Array) {
    const c = to as Uint8Array;
    for (let i = lo; i < hi; i += 1) c[i] = order[i] < n ? from[order[i]] : 0;
  } else if (from instanceof Uint16Array) {
    const c = to as Uint16Array;
    for (let i = lo; i < hi; i += 1) c[i] = order[i] < n ? from[order[i]] : 0;
  } else {
    const c = to as Uint32Array;
    const a = from as Uint32Array;
    for (let i = lo; i < hi; i += 1) c[i] = order[i] < n ? a[order[i]] : 0;
  }
}

/**
 * Reorders a typed array of per-row values into a new one at least `order.length` long (a value never falls off the
 * end, even when the old array was shorter than the table); `done` receives it on commit.
 */
export function arrayReorder<A extends CodeArray | Float64Array>(array: A, order: Uint32Array, done: (reordered: A) => void): Reorder {
  const make = array.constructor as new (length: number) => A;
  const copy = new make(Math.max(array.length, order.length));
  return {
    copy: (from, to) => copyRows(copy, array, order, from, to),
    commit: () => done(copy),
  };
}

function widened(codes: CodeArray, capacity: number, maxCode: number): CodeArray {
  const next = maxCode < 256 ? new Uint8Array(capacity) : maxCode < 65_536 ? new Uint16Array(capacity) : new Uint32Array(capacity);
  next.set(codes);
  return next;
}

/** A dictionary-encoded string column: each distinct value once, rows hold its code in the narrowest typed array. */
export class DictColumn implements Column {
  private values: Array<string | undefined> = [undefined];
  private index?: Map<string, number>;
  private store: CodeArray = new Uint8Array(1024);
  private rows = 0;
  private textBytes = 0;
  private lastValue?: string;
  private lastCode = 0;

  get size(): number {
    return this.values.length - 1;
  }

  get codes(): CodeArray {
    return this.store;
  }

  code(row: number): number {
    return row < this.rows ? this.store[row] : 0;
  }

  decode(code: number): string | undefined {
    return this.values[code];
  }

  /** The code for `value`, adding it to the dictionary when new. */
  intern(value: string): number {
    if (value === this.lastValue) return this.lastCode;
    this.index ??= new Map(this.values.map((v, i) => [v ?? '\u0000absent', i]));
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
      this.textBytes += value.length * 2 + 16;
    }
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }

  /** Adds values without the lookup map (a generator that numbers its own values); returns the first new code. */
  addValues(values: readonly string[]): number {
    const first = this.values.length;
    for (const v of values) {
      this.values.push(v);
      this.textBytes += v.length * 2 + 16;
    }
    this.index = undefined;
    return first;
  }

  /** Sets the code of `row` (rows not set stay absent). */
  setCode(row: number, code: number): void {
    if (row >= this.store.length || code > maxOf(this.store)) {
      const capacity = row >= this.store.length ? Math.max(row + 1, this.store.length * 2) : this.store.length;
      this.store = widened(this.store, capacity, Math.max(code, this.size));
    }
    this.store[row] = code;
    if (row >= this.rows) this.rows = row + 1;
  }

  bytes(): number {
    return this.store.byteLength + this.textBytes;
  }

  reorder(order: Uint32Array): Reorder {
    return arrayReorder(this.store, order, (store) => {
      this.store = store;
      this.rows = Math.max(this.rows, order.length);
    });
  }
}

/**
 * A dictionary column whose values are worked out from their codes (a generator's user names and subs: a million
 * values without a million strings held). Codes 1..size; rows hold codes as in DictColumn.
 */
export class GeneratedDictColumn implements Column {
  private store = new Uint32Array(1024);
  private rows = 0;

  constructor(
    readonly size: number,
    private readonly valueOf: (code: number) => string,
  ) {}

  get codes(): CodeArray {
    return this.store;
  }

  code(row: number): number {
    return row < this.rows ? this.store[row] : 0;
  }

  decode(code: number): string | undefined {
    return code === 0 || code > this.size ? undefined : this.valueOf(code);
  }

  setCode(row: number, code: number): void {
    if (row >= this.store.length) {
      const next = new Uint32Array(Math.max(row + 1, this.store.length * 2));
      next.set(this.store);
      this.store = next;
    }
    this.store[row] = code;
    if (row >= this.rows) this.rows = row + 1;
  }

  bytes(): number {
    return this.store.byteLength;
  }

  reorder(order: Uint32Array): Reorder {
    return arrayReorder(this.store, order, (store) => {
      this.store = store;
      this.rows = Math.max(this.rows, order.length);
    });
  }
}

function maxOf(codes: CodeArray): number {
  return codes instanceof Uint8Array ? 255 : codes instanceof Uint16Array ? 65_535 : 4_294_967_295;
}

/** Growable Float64 storage (timestamps). */
export class NumberColumn {
  private store = new Float64Array(1024);
  private rows = 0;

  get length(): number {
    return this.rows;
  }

  get array(): Float64Array {
    return this.store;
  }

  get(row: number): number {
    return this.store[row];
  }

  set(row: number, value: number): void {
    if (row >= this.store.length) {
      const next = new Float64Array(Math.max(row + 1, this.store.length * 2));
      next.set(this.store);
      this.store = next;
    }
    this.store[row] = value;
    if (row >= this.rows) this.rows = row + 1;
  }

  bytes(): number {
    return this.store.byteLength;
  }

  reorder(order: Uint32Array): Reorder {
    return arrayReorder(this.store, order, (store) => {
      this.store = store;
      this.rows = Math.max(this.rows, order.length);
    });
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A column of UUIDs held as 16 bytes a row; every row's value is taken to be distinct (its code is row + 1). */
export class UuidColumn implements Column {
  private store = new Uint8Array(16 * 1024);
  private present = new Uint8Array(1024);

  code(row: number): number {
    return row < this.present.length && this.present[row] === 1 ? row + 1 : 0;
  }

  decode(code: number): string | undefined {
    if (code === 0) return undefined;
    const b = this.store;
    const o = (code - 1) * 16;
    let s = '';
    for (let i = 0; i < 16; i += 1) {
      s += HEX[b[o + i]];
      if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
    }
    return s;
  }

  /** Stores a UUID given as 16 bytes (from a generator), at `row`. */
  setBytes(row: number, bytes: ArrayLike<number>): void {
    if (row >= this.present.length) {
      const capacity = Math.max(row + 1, this.present.length * 2);
      const store = new Uint8Array(capacity * 16);
      store.set(this.store);
      this.store = store;
      const present = new Uint8Array(capacity);
      present.set(this.present);
      this.present = present;
    }
    const store = this.store;
    const at = row * 16;
    for (let i = 0; i < 16; i += 1) store[at + i] = bytes[i];
    this.present[row] = 1;
  }

  bytes(): number {
    return this.store.byteLength + this.present.byteLength;
  }

  reorder(order: Uint32Array): Reorder {
    const capacity = Math.max(this.present.length, order.length);
    const store = new Uint8Array(capacity * 16);
    const present = new Uint8Array(capacity);
    const from = this.store;
    const had = this.present;
    return {
      copy: (lo, hi) => {
        for (let i = lo; i < hi; i += 1) {
          const o = order[i];
          if (o >= had.length || had[o] === 0) continue;
          const a = o * 16;
          const b = i * 16;
          for (let k = 0; k < 16; k += 1) store[b + k] = from[a + k];
          present[i] = 1;
        }
      },
      commit: () => {
        this.store = store;
        this.present = present;
      },
    };
  }
}

/** A column of IPv4 addresses held as 32-bit numbers (code = address + 1). */
export class Ipv4Column implements Column {
  private store = new Float64Array(1024);
  private rows = 0;

  code(row: number): number {
    return row < this.rows ? this.store[row] : 0;
  }

  decode(code: number): string | undefined {
    if (code === 0) return undefined;
    const n = code - 1;
    return `${Math.floor(n / 16_777_216) % 256}.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
  }

  /** Stores the address `a.b.c.d` given as a number (a * 2^24 + b * 2^16 + c * 2^8 + d). */
  setAddress(row: number, address: number): void {
    if (row >= this.store.length) {
      const next = new Float64Array(Math.max(row + 1, this.store.length * 2));
      next.set(this.store);
      this.store = next;
    }
    this.store[row] = address + 1;
    if (row >= this.rows) this.rows = row + 1;
  }

  bytes(): number {
    return this.store.byteLength;
  }

  reorder(order: Uint32Array): Reorder {
    return arrayReorder(this.store, order, (store) => {
      this.store = store;
      this.rows = Math.max(this.rows, order.length);
    });
  }
}

/** A column worked out from another number per row (e.g. a date text from the timestamp), code = that number + 1. */
export class DerivedColumn implements Column {
  constructor(
    private readonly source: NumberColumn,
    private readonly keyOf: (value: number) => number,
    private readonly text: (key: number) => string,
  ) {}

  code(row: number): number {
    return row < this.source.length ? this.keyOf(this.source.get(row)) + 1 : 0;
  }

  decode(code: number): string | undefined {
    return code === 0 ? undefined : this.text(code - 1);
  }

  bytes(): number {
    return 0;
  }

  reorder(): Reorder {
    return { copy: () => undefined, commit: () => undefined };
  }
}

/** The IPv4 address `text` as a number, or undefined when it is not dotted-quad IPv4. */
export function ipv4Number(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (m === null) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3];
}
