import { QueryError } from './ast.ts';
import type { Command, SortKey } from './ast.ts';
import type { StatsResult } from './aggregate.ts';
import { compileExpr, compilePredicate } from './evaluate.ts';
import type { FieldSource } from './evaluate.ts';
import { orderIndices } from './order.ts';
import { compareValues, printValue } from './values.ts';
import type { Value } from './values.ts';

/** The groups after `stats`, as slots in their current order, with a reader per field (values read on demand). */
export interface GroupTable {
  slots: Int32Array;
  columns: string[];
  timeColumns: Set<string>;
  readers: Map<string, (slot: number) => Value>;
}

/** One result cell as GetQueryResults returns it. */
export interface ResultField {
  field: string;
  value: string;
}

/** The group table of a stats result, every group in first-seen order. */
export function groupTable(result: StatsResult): GroupTable {
  return { slots: Int32Array.from({ length: result.count }, (_, i) => i), columns: result.columns, timeColumns: result.timeColumns, readers: result.readers };
}

function sourceOf(t: GroupTable): FieldSource<number> {
  return { field: (name) => t.readers.get(name) ?? (() => undefined), isTime: (name) => t.timeColumns.has(name) };
}

/** Orders `ids` by sort keys read through `src`, keeping the first `limit`. */
export function sortBy(ids: Int32Array, keys: SortKey[], src: FieldSource<number>, limit: number): Int32Array {
  const values = keys.map((k) => {
    const fn = compileExpr(k.expr, src).fn;
    return Array.from(ids, (id) => fn(id));
  });
  const signs = keys.map((k) => (k.descending ? -1 : 1));
  const order = orderIndices(ids.length, (a, b) => {
    for (let k = 0; k < values.length; k += 1) {
      const c = compareValues(values[k][a], values[k][b]);
      if (c !== 0) return c * signs[k];
    }
    return 0;
  }, limit);
  return Int32Array.from(order, (i) => ids[i]);
}

/** Keeps the first id for each combination of values (ids where one is absent are all kept). */
export function dedupBy(ids: Int32Array, reads: Array<(id: number) => Value>): Int32Array {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const values = reads.map((r) => r(id));
    if (values.some((v) => v === undefined)) return true;
    const key = values.map((v) => String(v)).join('\u0001');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Runs one command after `stats` on the group table; `limit` is the row count a following `limit` keeps. */
export function groupCommand(c: Command, t: GroupTable, limit: number): GroupTable {
  const src = sourceOf(t);
  switch (c.kind) {
    case 'filter': {
      const p = compilePredicate(c.expr, src, (slot) => slot);
      return { ...t, slots: t.slots.filter((slot) => p(slot)) };
    }
    case 'fields': {
      const readers = new Map(t.readers);
      const columns = [...t.columns];
      const timeColumns = new Set(t.timeColumns);
      for (const item of c.items) {
        const compiled = compileExpr(item.expr, src);
        readers.set(item.name, compiled.fn);
        if (!columns.includes(item.name)) columns.push(item.name);
        if (compiled.isTime) timeColumns.add(item.name);
      }
      return { ...t, readers, columns, timeColumns };
    }
    case 'display':
      return { ...t, columns: [...c.names] };
    case 'sort':
      return { ...t, slots: sortBy(t.slots, c.keys, src, limit) };
    case 'limit':
      return { ...t, slots: t.slots.subarray(0, c.count) };
    case 'dedup':
      return { ...t, slots: dedupBy(t.slots, c.names.map((n) => src.field(n))) };
    case 'stats':
      throw new QueryError('this emulator runs one stats command per query', c.span);
  }
}

/** The group table as result rows, at most `maxRows`. */
export function printGroups(t: GroupTable, maxRows: number): ResultField[][] {
  const out: ResultField[][] = [];
  const n = Math.min(t.slots.length, maxRows);
  for (let i = 0; i < n; i += 1) {
    const row: ResultField[] = [];
    for (const name of t.columns) {
      const value = printValue(t.readers.get(name)?.(t.slots[i]), t.timeColumns.has(name));
      if (value !== undefined) row.push({ field: name, value });
    }
    out.push(row);
  }
  return out;
}
