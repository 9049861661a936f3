import type { Column } from '../columns.ts';
import type { LogGroup } from '../log-group.ts';
import type { Compiled, FieldSource } from './evaluate.ts';
import type { Value } from './values.ts';

const TIME_FIELDS = new Set(['@timestamp', '@ingestionTime']);

/**
 * Reads fields of rows across the queried log groups. A row id is `row * groups + group`, so one group's ids are its
 * row numbers and the column fast paths apply; `defined` holds the fields a `fields … as name` command made.
 */
export class RowSource implements FieldSource<number> {
  readonly defined = new Map<string, Compiled<number>>();

  constructor(
    readonly groups: readonly LogGroup[],
    private readonly account: string,
  ) {}

  private locate(id: number): [LogGroup, number] {
    const n = this.groups.length;
    return n === 1 ? [this.groups[0], id] : [this.groups[id % n], Math.floor(id / n)];
  }

  /** The id of `row` in group number `g`. */
  idOf(g: number, row: number): number {
    return row * this.groups.length + g;
  }

  isTime(name: string): boolean {
    const d = this.defined.get(name);
    return d !== undefined ? d.isTime : TIME_FIELDS.has(name);
  }

  column(name: string): Column | undefined {
    if (this.groups.length !== 1 || this.defined.has(name) || name.startsWith('@')) return undefined;
    return this.groups[0].table.column(name);
  }

  field(name: string): (id: number) => Value {
    const d = this.defined.get(name);
    if (d !== undefined) return d.fn;
    if (this.groups.length === 1) {
      const table = this.groups[0].table;
      if (name === '@timestamp') return (id) => table.timestamps.get(id);
      if (name === '@ingestionTime') return (id) => table.ingestion.get(id);
      if (name === '@message') return (id) => table.messageOf(id);
    }
    switch (name) {
      case '@timestamp':
        return (id) => { const [g, r] = this.locate(id); return g.table.timestamps.get(r); };
      case '@ingestionTime':
        return (id) => { const [g, r] = this.locate(id); return g.table.ingestion.get(r); };
      case '@message':
        return (id) => { const [g, r] = this.locate(id); return g.table.messageOf(r); };
      case '@logStream':
        return (id) => { const [g, r] = this.locate(id); return g.table.stream.decode(g.table.stream.code(r)); };
      case '@log':
        return (id) => `${this.account}:${this.locate(id)[0].name}`;
      case '@ptr':
        return (id) => { const [g, r] = this.locate(id); return Buffer.from(`${g.name}\u0000${r}`).toString('base64'); };
      default:
        break;
    }
    if (this.groups.length === 1) {
      const column = this.groups[0].table.column(name);
      if (column === undefined) return () => undefined;
      return (id) => column.decode(column.code(id));
    }
    return (id) => {
      const [g, r] = this.locate(id);
      const column = g.table.column(name);
      return column === undefined ? undefined : column.decode(column.code(r));
    };
  }
}
