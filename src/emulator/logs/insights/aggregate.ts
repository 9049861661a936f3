import { QueryError } from './ast.ts';
import type { Expr, Named } from './ast.ts';
import { AtTime, CountAll, CountDistinct, CountPresent, Extreme, SumOrAverage } from './accumulators.ts';
import type { Accumulators } from './accumulators.ts';
import { compileExpr, compileFast } from './evaluate.ts';
import { numeric } from './values.ts';
import type { FieldSource } from './evaluate.ts';
import type { Value } from './values.ts';

/** Makes the accumulators of one aggregate for at most `capacity` groups; `isTime` when the result is an instant. */
interface AggregateKind {
  make(capacity: number): Accumulators;
  isTime: boolean;
}

function aggregateKind(expr: Expr, src: FieldSource<number>): AggregateKind {
  if (expr.kind !== 'call') throw new QueryError(`stats needs an aggregate function at character ${expr.span.start + 1}`, expr.span);
  if (expr.name === 'count' && (expr.star || expr.args.length === 0)) return { make: (capacity) => new CountAll(capacity), isTime: false };
  const a = expr.args[0];
  if (a === undefined) throw new QueryError(`${expr.name}() needs a field at character ${expr.span.start + 1}`, expr.span);
  const { fn: read, isTime } = compileFast(a, src);
  switch (expr.name) {
    case 'count':
      return { make: () => new CountPresent(read), isTime: false };
    case 'count_distinct':
      return { make: () => new CountDistinct(read), isTime: false };
    case 'sum':
      return { make: (capacity) => new SumOrAverage(read, false, capacity), isTime: false };
    case 'avg':
      return { make: (capacity) => new SumOrAverage(read, true, capacity), isTime: false };
    case 'min':
      return { make: () => new Extreme(read, -1), isTime };
    case 'max':
      return { make: () => new Extreme(read, 1), isTime };
    case 'earliest':
    case 'latest': {
      const stamp = src.field('@timestamp');
      const time = (row: number): number => numeric(stamp(row));
      const latest = expr.name === 'latest';
      const column = a.kind === 'field' ? src.column?.(a.name) : undefined;
      const always = a.kind === 'field' && (a.name === '@timestamp' || a.name === '@ingestionTime');
      const present = always ? () => true : column === undefined ? (row: number) => read(row) !== undefined : (row: number) => column.code(row) !== 0;
      return { make: (capacity) => new AtTime(read, present, time, latest, capacity), isTime };
    }
    default:
      throw new QueryError(`${expr.name}() is not an aggregate function at character ${expr.span.start + 1}`, expr.span);
  }
}

/** What `stats` produces: one group per slot 0..count-1, each field read by slot (values decoded when read). */
export interface StatsResult {
  count: number;
  columns: string[];
  timeColumns: Set<string>;
  readers: Map<string, (slot: number) => Value>;
}

const MAX_SLOTS = 1 << 24;

/**
 * Runs `stats aggregates by keys` over `rows`. A key read straight from a column groups by the column's codes (an
 * array slot per code for a dictionary column, a map for other columns); other keys group by their values.
 */
export function runStats(rows: ArrayLike<number>, aggregates: Named[], by: Named[], src: FieldSource<number>): StatsResult {
  const kinds = aggregates.map((a) => aggregateKind(a.expr, src));
  const keys = by.map((k) => compileExpr(k.expr, src));
  const column = by.length === 1 && by[0].expr.kind === 'field' ? src.column?.(by[0].expr.name) : undefined;
  const dense = column?.size !== undefined && column.size < MAX_SLOTS;
  const capacity = by.length === 0 ? 1 : dense ? Math.min(rows.length, (column?.size ?? 0) + 1) : rows.length;
  const accs = kinds.map((k) => k.make(Math.max(1, capacity)));
  const readers = new Map<string, (slot: number) => Value>();
  let count = 0;
  if (column !== undefined) {
    const slotOfCode = dense ? new Int32Array((column.size ?? 0) + 1) : undefined;
    const slotOfSparseCode = new Map<number, number>();
    const slotOfRow = new Int32Array(rows.length);
    const codes: number[] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const code = column.code(rows[i]);
      let slot = slotOfCode !== undefined ? slotOfCode[code] - 1 : (slotOfSparseCode.get(code) ?? -1);
      if (slot < 0) {
        slot = codes.length;
        codes.push(code);
        if (slotOfCode !== undefined) slotOfCode[code] = slot + 1;
        else slotOfSparseCode.set(code, slot);
      }
      slotOfRow[i] = slot;
    }
    for (const acc of accs) acc.addAll(slotOfRow, rows);
    count = codes.length;
    readers.set(by[0].name, (slot) => column.decode(codes[slot]));
  } else {
    const byKey = new Map<string, number>();
    const groupValues: Value[][] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i];
      const values = keys.map((k) => k.fn(row));
      const key = values.length === 0 ? '' : values.map((v) => (v === undefined ? '\u0000' : String(v))).join('\u0001');
      let slot = byKey.get(key);
      if (slot === undefined) {
        slot = groupValues.length;
        byKey.set(key, slot);
        groupValues.push(values);
      }
      for (let a = 0; a < accs.length; a += 1) accs[a].add(slot, row);
    }
    if (groupValues.length === 0 && by.length === 0) groupValues.push([]);
    count = groupValues.length;
    by.forEach((k, i) => readers.set(k.name, (slot) => groupValues[slot][i]));
  }
  aggregates.forEach((a, i) => readers.set(a.name, (slot) => accs[i].result(slot)));
  const columns = [...by.map((k) => k.name), ...aggregates.map((a) => a.name)];
  const timeColumns = new Set<string>();
  by.forEach((k, i) => { if (keys[i].isTime) timeColumns.add(k.name); });
  aggregates.forEach((a, i) => { if (kinds[i].isTime) timeColumns.add(a.name); });
  return { count, columns, timeColumns, readers };
}
