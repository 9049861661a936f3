import type { LogGroup } from '../log-group.ts';
import type { Command, Named, Query } from './ast.ts';
import { runStats } from './aggregate.ts';
import { compileExpr, compileFast, compilePredicate } from './evaluate.ts';
import { dedupBy, groupCommand, groupTable, printGroups, sortBy } from './group-table.ts';
import type { GroupTable, ResultField } from './group-table.ts';
import { RowSource } from './row-source.ts';
import { printValue } from './values.ts';

export type { ResultField } from './group-table.ts';

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

/** The row limit a command leaves for a sort right before it (a `limit` next), or everything. */
function limitAfter(commands: readonly Command[], i: number): number {
  const next = commands[i + 1];
  return next?.kind === 'limit' ? next.count : Number.MAX_SAFE_INTEGER;
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
      if (!(item.expr.kind === 'field' && item.expr.name === item.name)) this.src.defined.set(item.name, compileFast(item.expr, this.src));
      if (!this.display.includes(item.name)) this.display.push(item.name);
    }
  }

  /** Scans up to `budget` rows; true once every row in the range has been scanned. */
  step(budget: number): boolean {
    let left = budget;
    const preds = this.streamed;
    const single = preds.length === 1 ? preds[0] : undefined;
    const groups = this.src.groups.length;
    while (left > 0 && this.scans.length > 0) {
      const scan = this.scans[0];
      const table = this.src.groups[scan.group].table;
      const ts = table.timestamps.array;
      const end = Math.min(scan.hi, scan.lo + left);
      let scanned = 0;
      let bytes = 0;
      for (let row = scan.lo; row < end; row += 1) {
        if (scan.check && (ts[row] < this.startMs || ts[row] > this.endMs)) continue;
        scanned += 1;
        bytes += table.sizeOf(row);
        const id = row * groups + scan.group;
        if (single !== undefined) {
          if (single(id)) this.matches.push(id);
          continue;
        }
        let keep = true;
        for (let p = 0; p < preds.length && keep; p += 1) keep = preds[p](id);
        if (keep) this.matches.push(id);
      }
      this.statistics.recordsScanned += scanned;
      this.statistics.bytesScanned += bytes;
      left -= end - scan.lo;
      scan.lo = end;
      if (scan.lo >= scan.hi) this.scans.shift();
      this.statistics.recordsMatched = this.matches.length;
    }
    return this.scans.length === 0;
  }

  /** Runs the commands after the scan and returns the result rows (at most the query's row limit). */
  finish(): ResultField[][] {
    let ids = this.matches.view();
    let table: GroupTable | undefined;
    for (let i = 0; i < this.rest.length; i += 1) {
      const c = this.rest[i];
      const limit = limitAfter(this.rest, i);
      if (table !== undefined) table = groupCommand(c, table, limit);
      else if (c.kind === 'stats') table = groupTable(runStats(ids, c.aggregates, c.by, this.src));
      else ids = this.rowCommand(c, ids, limit);
    }
    return table !== undefined ? printGroups(table, this.maxRows) : this.printRows(ids);
  }

  private rowCommand(c: Command, ids: Int32Array, limit: number): Int32Array {
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
        return sortBy(ids, c.keys, this.src, limit);
      case 'limit':
        return ids.subarray(0, c.count);
      case 'dedup':
        return dedupBy(ids, c.names.map((n) => this.src.field(n)));
      case 'stats':
        return ids;
    }
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
