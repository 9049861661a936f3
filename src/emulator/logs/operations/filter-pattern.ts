import type { RecordTable } from '../record-table.ts';
import { logsInvalid } from '../params.ts';

/** A parsed filter pattern: terms that must all appear, or one JSON comparison `{ $.a.b = "x" }`. */
export type FilterPattern =
  | { kind: 'all' }
  | { kind: 'terms'; terms: string[]; excluded: string[] }
  | { kind: 'json'; path: string; op: '=' | '!='; value: string };

/** Reads the filter-pattern forms the emulator supports: words and "quoted phrases" (`-word` excludes), and `{ $.field = value }`. */
export function parseFilterPattern(text: string): FilterPattern {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'all' };
  if (trimmed.startsWith('{')) {
    const m = /^\{\s*\$\.([\w.]+)\s*(=|!=)\s*(?:"([^"]*)"|([^\s}]+))\s*\}$/.exec(trimmed);
    if (m === null) throw logsInvalid(`Invalid filter pattern "${text}": the emulator reads { $.field = "value" } and { $.field != "value" }.`);
    return { kind: 'json', path: m[1], op: m[2] as '=' | '!=', value: m[3] ?? m[4] };
  }
  const terms: string[] = [];
  const excluded: string[] = [];
  for (const m of trimmed.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)) (m[1] === '-' ? excluded : terms).push(m[2] ?? m[3]);
  return { kind: 'terms', terms, excluded };
}

/** Whether one event matches the pattern. */
export function matchesFilterPattern(p: FilterPattern, message: string, table: RecordTable, row: number): boolean {
  switch (p.kind) {
    case 'all':
      return true;
    case 'terms':
      return p.terms.every((t) => message.includes(t)) && !p.excluded.some((t) => message.includes(t));
    case 'json': {
      const column = table.column(p.path);
      const value = column?.decode(column.code(row));
      const wildcard = p.value.endsWith('*');
      const equal = value !== undefined && (wildcard ? value.startsWith(p.value.slice(0, -1)) : value === p.value);
      return p.op === '=' ? equal : value !== undefined && !equal;
    }
  }
}
