import { QueryError } from './ast.ts';
import type { Expr, Named } from './ast.ts';
import { compileExpr } from './evaluate.ts';
import type { FieldSource } from './evaluate.ts';
import { compareValues, numeric } from './values.ts';
import type { Value } from './values.ts';

/** One running aggregate for one group. */
interface Accumulator {
  add(row: number): void;
  result(): Value;
}

/** Makes a fresh accumulator for each group; `isTime` when the result is an instant. */
interface AggregateKind {
  make(): Accumulator;
  isTime: boolean;
}

function aggregateKind(expr: Expr, src: FieldSource<number>): AggregateKind {
  if (expr.kind !== 'call') throw new QueryError(`stats needs an aggregate function at character ${expr.span.start + 1}`, expr.span);
  const needsArg = (): ((row: number) => Value) => {
    const a = expr.args[0];
    if (a === undefined) throw new QueryError(`${expr.name}() needs a field at character ${expr.span.start + 1}`, expr.span);
    return compileExpr(a, src).fn;
  };
  const argIsTime = expr.args[0] !== undefined && compileExpr(expr.args[0], src).isTime;
  switch (expr.name) {
    case 'count': {
      if (expr.star || expr.args.length === 0) return { make: () => { let n = 0; return { add: () => { n += 1; }, result: () => n }; }, isTime: false };
      const f = needsArg();
      return { make: () => { let n = 0; return { add: (r) => { if (f(r) !== undefined) n += 1; }, result: () => n }; }, isTime: false };
    }
    case 'count_distinct': {
      const f = needsArg();
      return { make: () => { const seen = new Set<Value>(); return { add: (r) => { const v = f(r); if (v !== undefined) seen.add(v); }, result: () => seen.size }; }, isTime: false };
    }
    case 'sum':
    case 'avg': {
      const f = needsArg();
      const avg = expr.name === 'avg';
      return {
        make: () => {
          let total = 0;
          let n = 0;
          return {
            add: (r) => { const x = numeric(f(r)); if (!Number.isNaN(x)) { total += x; n += 1; } },
            result: () => (n === 0 ? undefined : avg ? total / n : total),
          };
        },
        isTime: false,
      };
    }
    case 'min':
    case 'max': {
      const f = needsArg();
      const sign = expr.name === 'min' ? -1 : 1;
      return {
        make: () => {
          let best: Value;
          return { add: (r) => { const v = f(r); if (v !== undefined && (best === undefined || compareValues(v, best) * sign > 0)) best = v; }, result: () => best };
        },
        isTime: argIsTime,
      };
    }
    case 'earliest':
    case 'latest': {
      const f = needsArg();
      const ts = src.field('@timestamp');
      const later = expr.name === 'latest';
      return {
        make: () => {
          let at = Number.NaN;
          let value: Value;
          return {
            add: (r) => {
              const v = f(r);
              if (v === undefined) return;
              const t = numeric(ts(r));
              if (Number.isNaN(at) || (later ? t > at : t < at)) {
                at = t;
                value = v;
              }
            },
            result: () => value,
          };
        },
        isTime: argIsTime,
      };
    }
    default:
      throw new QueryError(`${expr.name}() is not an aggregate function at character ${expr.span.start + 1}`, expr.span);
  }
}

/** The records `stats` produces, and which of their fields are instants. */
export interface StatsResult {
  records: Array<Record<string, Value>>;
  columns: string[];
  timeColumns: Set<string>;
}

/**
 * Runs `stats aggregates by keys` over `rows`. A key read straight from a column groups by the column's codes;
 * other keys group by their values.
 */
export function runStats(rows: ArrayLike<number>, aggregates: Named[], by: Named[], src: FieldSource<number>): StatsResult {
  const kinds = aggregates.map((a) => aggregateKind(a.expr, src));
  const keys = by.map((k) => compileExpr(k.expr, src));
  const singleColumn = by.length === 1 && by[0].expr.kind === 'field' ? src.column?.(by[0].expr.name) : undefined;
  const groups = new Map<unknown, { values: Value[]; accs: Accumulator[] }>();
  const start = (values: Value[]): { values: Value[]; accs: Accumulator[] } => ({ values, accs: kinds.map((k) => k.make()) });
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    let group;
    if (singleColumn !== undefined) {
      const code = singleColumn.code(row);
      group = groups.get(code);
      if (group === undefined) {
        group = start([singleColumn.decode(code)]);
        groups.set(code, group);
      }
    } else {
      const values = keys.map((k) => k.fn(row));
      const key = values.length === 0 ? '' : values.map((v) => (v === undefined ? '\u0000' : String(v))).join('\u0001');
      group = groups.get(key);
      if (group === undefined) {
        group = start(values);
        groups.set(key, group);
      }
    }
    for (const acc of group.accs) acc.add(row);
  }
  if (groups.size === 0 && by.length === 0) groups.set('', start([]));
  const columns = [...by.map((k) => k.name), ...aggregates.map((a) => a.name)];
  const timeColumns = new Set<string>();
  by.forEach((k, i) => { if (keys[i].isTime) timeColumns.add(k.name); });
  aggregates.forEach((a, i) => { if (kinds[i].isTime) timeColumns.add(a.name); });
  const records: Array<Record<string, Value>> = [];
  for (const group of groups.values()) {
    const rec: Record<string, Value> = {};
    by.forEach((k, i) => { rec[k.name] = group.values[i]; });
    aggregates.forEach((a, i) => { rec[a.name] = group.accs[i].result(); });
    records.push(rec);
  }
  return { records, columns, timeColumns };
}
