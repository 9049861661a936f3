import type { LogGroup } from '../log-group.ts';
import { QueryError } from './ast.ts';
import type { Command, Named, Query, SortKey } from './ast.ts';
import { runStats } from './aggregate.ts';
import { compileExpr, compilePredicate } from './evaluate.ts';
import type { FieldSource } from './evaluate.ts';
import { RowSource } from './row-source.ts';
import { compareValues, printValue } from './values.ts';
import type { Value } from './values.ts';

/** One result cell as GetQueryResults returns it. */
export interface ResultField {
  field: string;
  value: string;
}

/** The figures GetQueryResults reports while and after a query runs. */
export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
}

const DEFAULT_FIELDS = ['@timestamp', '@message'];

class Ids {
  data = new Int32Array(1024);
  length = 0;

  push(id: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = id;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

interface Scan {
  group: number;
  lo: number;
  hi: number;
  check: boolean;
}

type Records = Array<Record<string, Value>>;

function recordSource(timeColumns: Set<string>): FieldSource<Record<string, Value>> {
  return { field: (name) => (rec) => rec[name], isTime: (name) => timeColumns.has(name) };
}

function sortIds(ids: Int32Array, keys: SortKey[], src: RowSource): Int32Array {
  const compiled = keys.map((k) => ({ fn: compileExpr(k.expr, src).fn, sign: k.descending ? -1 : 1 }));
  const values = compiled.map((c) => Array.from(ids, (id) => c.fn(id)));
  const order = Array.from(ids.keys());
  order.sort((a, b) => {
    for (let k = 0; k < compiled.length; k += 1) {
      const c = compareValues(values[k][a], values[k][b]);
      if (c !== 0) return c * compiled[k].sign;
    }
    return a - b;
  });
  return Int32Array.from(order, (i) => ids[i]);
}

function sortRecords(records: Records, keys: SortKey[], timeColumns: Set<string>): Records {
  const src = recordSource(timeColumns);
  const compiled = keys.map((k) => ({ fn: compileExpr(k.expr, src).fn, sign: k.descending ? -1 : 1 }));
  return records
    .map((rec, i) => ({ rec, i }))
    .sort((a, b) => {
      for (const c of compiled) {
        const d = compareValues(c.fn(a.rec), c.fn(b.rec));
        if (d !== 0) return d * c.sign;
      }
      return a.i - b.i;
    })
    .map((x) => x.rec);
}

function dedupKey(values: Value[]): string | undefined {
  if (values.some((v) => v === undefined)) return undefined;
  return values.map((v) => String(v)).join('\u0001');
}

/**
 * One Logs Insights query over some log groups and a time range. The leading `filter` and `fields` commands run
 * while scanning, in steps (so the query can report progress and be stopped); the rest runs when the scan is done.
 */
export class QueryExecution {
  readonly statistics: QueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
  private readonly src: RowSource;
  private readonly scans: Scan[];
  private readonly matches = new Ids();
  private readonly streamed: Array<(id: number) => boolean> = [];
  private readonly rest: Command[];
  private display: string[] = [];

  constructor(
    query: Query,
    groups: readonly LogGroup[],
    account: string,
    private readonly startMs: number,
    private readonly endMs: number,
    private readonly maxRows: number,
  ) {
    this.src = new RowSource(groups, account);
    this.scans = groups.map((g, i) => ({ group: i, ...g.table.range(startMs, endMs) }));
    let i = 0;
    for (; i < query.commands.length; i += 1) {
      const c = query.commands[i];
      if (c.kind === 'filter') this.streamed.push(compilePredicate(c.expr, this.src, (id) => id));
      else if (c.kind === 'fields') this.defineFields(c.items);
      else break;
    }
    this.rest = query.commands.slice(i);
    for (const c of this.rest) this.check(c);
  }

  private check(c: Command): void {
    if (c.kind === 'filter') compileExpr(c.expr, this.src);
  }

  private defineFields(items: Named[]): void {
    for (const item of items) {
      if (!(item.expr.kind === 'field' && item.expr.name === item.name)) this.src.defined.set(item.name, compileExpr(item.expr, this.src));
      if (!this.display.includes(item.name)) this.display.push(item.name);
    }
  }

  /** Scans up to `budget` rows; true once every row in the range has been scanned. */
  step(budget: number): boolean {
    let left = budget;
    const ts = this.src.groups.map((g) => g.table.timestamps);
    while (left > 0 && this.scans.length > 0) {
      const scan = this.scans[0];
      const table = this.src.groups[scan.group].table;
      const end = Math.min(scan.hi, scan.lo + left);
      for (let row = scan.lo; row < end; row += 1) {
        if (scan.check) {
          const t = ts[scan.group].get(row);
          if (t < this.startMs || t > this.endMs) continue;
        }
        this.statistics.recordsScanned += 1;
        this.statistics.bytesScanned += table.sizeOf(row);
        const id = this.src.idOf(scan.group, row);
        let keep = true;
        for (const p of this.streamed) {
          if (!p(id)) {
            keep = false;
            break;
          }
        }
        if (keep) this.matches.push(id);
      }
      left -= end - scan.lo;
      scan.lo = end;
      if (scan.lo >= scan.hi) this.scans.shift();
      this.statistics.recordsMatched = this.matches.length;
    }
    return this.scans.length === 0;
  }

  /** Runs the commands after the scan and returns the result rows (at most the query's row limit). */
  finish(): ResultField[][] {
    let ids: Int32Array | undefined = this.matches.view();
    let table: { records: Records; columns: string[]; timeColumns: Set<string> } | undefined;
    for (const c of this.rest) {
      if (table === undefined && ids !== undefined) {
        const out = this.rowCommand(c, ids);
        if (out instanceof Int32Array) ids = out;
        else {
          table = out;
          ids = undefined;
        }
      } else if (table !== undefined) {
        table = this.tableCommand(c, table);
      }
    }
    if (table !== undefined) return this.printRecords(table);
    const finalIds = ids ?? new Int32Array(0);
    this.statistics.recordsMatched = Math.max(this.statistics.recordsMatched, 0);
    return this.printRows(finalIds);
  }

  private rowCommand(c: Command, ids: Int32Array): Int32Array | { records: Records; columns: string[]; timeColumns: Set<string> } {
    switch (c.kind) {
      case 'filter': {
        const p = compilePredicate(c.expr, this.src, (id) => id);
        return ids.filter((id) => p(id));
      }
      case 'fields':
        this.defineFields(c.items);
        return ids;
      case 'display':
        this.display = [...c.names];
        return ids;
      case 'sort':
        return sortIds(ids, c.keys, this.src);
      case 'limit':
        return ids.subarray(0, c.count);
      case 'dedup': {
        const fns = c.names.map((n) => this.src.field(n));
        const seen = new Set<string>();
        return ids.filter((id) => {
          const key = dedupKey(fns.map((f) => f(id)));
          if (key === undefined) return true;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }
      case 'stats': {
        const result = runStats(ids, c.aggregates, c.by, this.src);
        return result;
      }
    }
  }

  private tableCommand(c: Command, t: { records: Records; columns: string[]; timeColumns: Set<string> }): typeof t {
    const src = recordSource(t.timeColumns);
    switch (c.kind) {
      case 'filter': {
        const p = compilePredicate(c.expr, src, () => 0);
        return { ...t, records: t.records.filter(p) };
      }
      case 'fields': {
        const columns = [...t.columns];
        const compiled = c.items.map((i) => ({ name: i.name, c: compileExpr(i.expr, src) }));
        const records = t.records.map((rec) => {
          const out = { ...rec };
          for (const { name, c: f } of compiled) out[name] = f.fn(rec);
          return out;
        });
        const timeColumns = new Set(t.timeColumns);
        for (const { name, c: f } of compiled) {
          if (!columns.includes(name)) columns.push(name);
          if (f.isTime) timeColumns.add(name);
        }
        return { records, columns, timeColumns };
      }
      case 'display':
        return { ...t, columns: [...c.names] };
      case 'sort':
        return { ...t, records: sortRecords(t.records, c.keys, t.timeColumns) };
      case 'limit':
        return { ...t, records: t.records.slice(0, c.count) };
      case 'dedup': {
        const seen = new Set<string>();
        return {
          ...t,
          records: t.records.filter((rec) => {
            const key = dedupKey(c.names.map((n) => rec[n]));
            if (key === undefined) return true;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          }),
        };
      }
      case 'stats':
        throw new QueryError('this emulator runs one stats command per query', c.span);
    }
  }

  private printRecords(t: { records: Records; columns: string[]; timeColumns: Set<string> }): ResultField[][] {
    return t.records.slice(0, this.maxRows).map((rec) => {
      const row: ResultField[] = [];
      for (const name of t.columns) {
        const value = printValue(rec[name], t.timeColumns.has(name));
        if (value !== undefined) row.push({ field: name, value });
      }
      return row;
    });
  }

  private printRows(ids: Int32Array): ResultField[][] {
    const names = this.display.length === 0 ? DEFAULT_FIELDS : this.display;
    const fns = names.map((n) => ({ name: n, fn: this.src.field(n), isTime: this.src.isTime(n) }));
    const ptr = this.src.field('@ptr');
    const out: ResultField[][] = [];
    const n = Math.min(ids.length, this.maxRows);
    for (let i = 0; i < n; i += 1) {
      const row: ResultField[] = [];
      for (const f of fns) {
        const value = printValue(f.fn(ids[i]), f.isTime);
        if (value !== undefined) row.push({ field: f.name, value });
      }
      row.push({ field: '@ptr', value: String(ptr(ids[i])) });
      out.push(row);
    }
    return out;
  }
}
