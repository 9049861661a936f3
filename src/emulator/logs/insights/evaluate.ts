import { QueryError } from './ast.ts';
import type { Expr } from './ast.ts';
import type { Column } from '../columns.ts';
import { compareValues, numeric, truthy } from './values.ts';
import type { Value } from './values.ts';

/** Where compiled expressions read fields from: rows of a record table, or result records after `stats`. */
export interface FieldSource<T> {
  field(name: string): (x: T) => Value;
  /** Whether a field holds instants (epoch ms), printed as timestamps. */
  isTime(name: string): boolean;
  /** The dictionary column behind a field, so a predicate on it can be worked out once per distinct value. */
  column?(name: string): Column | undefined;
}

/** A compiled expression: a function of a row (or record), and whether its results are instants. */
export interface Compiled<T> {
  fn: (x: T) => Value;
  isTime: boolean;
}

/** Makes a JavaScript RegExp from a Logs Insights pattern; a leading `(?i)` turns on case-insensitivity. */
export function regexOf(source: string, flags: string, at: Expr): RegExp {
  let body = source;
  let f = flags;
  if (body.startsWith('(?i)')) {
    body = body.slice(4);
    if (!f.includes('i')) f += 'i';
  }
  try {
    return new RegExp(body, f);
  } catch (e) {
    throw new QueryError(`invalid regular expression /${source}/: ${(e as Error).message}`, at.span);
  }
}

/** The fields an expression reads (bin and datefloor read @timestamp or their first argument). */
export function fieldsOf(expr: Expr, out = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case 'field':
      out.add(expr.name);
      break;
    case 'list':
      expr.items.forEach((e) => fieldsOf(e, out));
      break;
    case 'call':
      if (expr.name === 'bin') out.add('@timestamp');
      expr.args.forEach((e) => fieldsOf(e, out));
      break;
    case 'unary':
      fieldsOf(expr.operand, out);
      break;
    case 'binary':
      fieldsOf(expr.left, out);
      fieldsOf(expr.right, out);
      break;
    default:
      break;
  }
  return out;
}

const bool = (b: boolean): number => (b ? 1 : 0);

function constant<T>(value: Value): Compiled<T> {
  return { fn: () => value, isTime: false };
}

function arg<T>(expr: Expr & { kind: 'call' }, i: number, src: FieldSource<T>): Compiled<T> {
  const a = expr.args[i];
  if (a === undefined) throw new QueryError(`${expr.name}() needs ${i + 1} argument${i === 0 ? '' : 's'} at character ${expr.span.start + 1}`, expr.span);
  return compileExpr(a, src);
}

function durationArg(expr: Expr & { kind: 'call' }, i: number): number {
  const a = expr.args[i];
  if (a?.kind === 'duration' && a.ms > 0) return a.ms;
  if (a?.kind === 'number' && a.value > 0) return a.value;
  throw new QueryError(`${expr.name}() needs a period such as 5m or 1h at character ${expr.span.start + 1}`, expr.span);
}

function compileCall<T>(expr: Expr & { kind: 'call' }, src: FieldSource<T>): Compiled<T> {
  switch (expr.name) {
    case 'ispresent': {
      const f = arg(expr, 0, src).fn;
      return { fn: (x) => bool(f(x) !== undefined), isTime: false };
    }
    case 'isempty': {
      const f = arg(expr, 0, src).fn;
      return { fn: (x) => { const v = f(x); return bool(v === undefined || v === ''); }, isTime: false };
    }
    case 'isblank': {
      const f = arg(expr, 0, src).fn;
      return { fn: (x) => { const v = f(x); return bool(v === undefined || String(v).trim() === ''); }, isTime: false };
    }
    case 'tolower':
    case 'toupper': {
      const f = arg(expr, 0, src).fn;
      const upper = expr.name === 'toupper';
      return { fn: (x) => { const v = f(x); return v === undefined ? v : upper ? String(v).toUpperCase() : String(v).toLowerCase(); }, isTime: false };
    }
    case 'strlen': {
      const f = arg(expr, 0, src).fn;
      return { fn: (x) => { const v = f(x); return v === undefined ? v : String(v).length; }, isTime: false };
    }
    case 'strcontains': {
      const hay = arg(expr, 0, src).fn;
      const needle = arg(expr, 1, src).fn;
      return { fn: (x) => { const h = hay(x); const n = needle(x); return bool(h !== undefined && n !== undefined && String(h).includes(String(n))); }, isTime: false };
    }
    case 'concat': {
      const parts = expr.args.map((a) => compileExpr(a, src).fn);
      return { fn: (x) => parts.map((p) => p(x) ?? '').join(''), isTime: false };
    }
    case 'coalesce': {
      const parts = expr.args.map((a) => compileExpr(a, src));
      return { fn: (x) => { for (const p of parts) { const v = p.fn(x); if (v !== undefined) return v; } return undefined; }, isTime: parts.some((p) => p.isTime) };
    }
    case 'abs':
    case 'floor':
    case 'ceil': {
      const f = arg(expr, 0, src).fn;
      const op = Math[expr.name];
      return { fn: (x) => { const n = numeric(f(x)); return Number.isNaN(n) ? undefined : op(n); }, isTime: false };
    }
    case 'bin': {
      const period = durationArg(expr, 0);
      const ts = src.field('@timestamp');
      return { fn: (x) => { const n = numeric(ts(x)); return Number.isNaN(n) ? undefined : Math.floor(n / period) * period; }, isTime: true };
    }
    case 'datefloor': {
      const f = arg(expr, 0, src).fn;
      const period = durationArg(expr, 1);
      return { fn: (x) => { const n = numeric(f(x)); return Number.isNaN(n) ? undefined : Math.floor(n / period) * period; }, isTime: true };
    }
    default:
      throw new QueryError(`${expr.name}() is an aggregate function: use it in stats, at character ${expr.span.start + 1}`, expr.span);
  }
}

function compileLike<T>(left: Compiled<T>, pattern: Expr, negate: boolean): Compiled<T> {
  const f = left.fn;
  if (pattern.kind === 'string') {
    const needle = pattern.value;
    return { fn: (x) => { const v = f(x); return v === undefined ? 0 : bool(String(v).includes(needle) !== negate); }, isTime: false };
  }
  if (pattern.kind !== 'regex') throw new QueryError(`like needs a /regex/ or a "string" at character ${pattern.span.start + 1}`, pattern.span);
  const re = regexOf(pattern.source, pattern.flags, pattern);
  return { fn: (x) => { const v = f(x); return v === undefined ? 0 : bool(re.test(String(v)) !== negate); }, isTime: false };
}

function compileIn<T>(left: Compiled<T>, list: Expr, negate: boolean, src: FieldSource<T>): Compiled<T> {
  if (list.kind !== 'list') throw new QueryError(`in needs a list such as ["a", "b"] at character ${list.span.start + 1}`, list.span);
  const items = list.items.map((i) => compileExpr(i, src).fn);
  const f = left.fn;
  return {
    fn: (x) => {
      const v = f(x);
      if (v === undefined) return 0;
      const found = items.some((i) => { const w = i(x); return w !== undefined && compareValues(v, w) === 0; });
      return bool(found !== negate);
    },
    isTime: false,
  };
}

function compileBinary<T>(expr: Expr & { kind: 'binary' }, src: FieldSource<T>): Compiled<T> {
  const left = compileExpr(expr.left, src);
  if (expr.op === 'like' || expr.op === 'not like') return compileLike(left, expr.right, expr.op === 'not like');
  if (expr.op === 'in' || expr.op === 'not in') return compileIn(left, expr.right, expr.op === 'not in', src);
  const right = compileExpr(expr.right, src);
  const a = left.fn;
  const b = right.fn;
  switch (expr.op) {
    case 'and':
      return { fn: (x) => bool(truthy(a(x)) && truthy(b(x))), isTime: false };
    case 'or':
      return { fn: (x) => bool(truthy(a(x)) || truthy(b(x))), isTime: false };
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const test = {
        '=': (c: number) => c === 0, '!=': (c: number) => c !== 0, '<': (c: number) => c < 0,
        '<=': (c: number) => c <= 0, '>': (c: number) => c > 0, '>=': (c: number) => c >= 0,
      }[expr.op];
      return { fn: (x) => { const v = a(x); const w = b(x); return v === undefined || w === undefined ? 0 : bool(test(compareValues(v, w))); }, isTime: false };
    }
    default:
      return arithmetic(expr.op, left, right);
  }
}

type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);

function arithmetic<T>(op: ArithmeticOp, left: Compiled<T>, right: Compiled<T>): Compiled<T> {
  const a = left.fn;
  const b = right.fn;
  const calc = (p: number, q: number): number => (op === '+' ? p + q : op === '-' ? p - q : op === '*' ? p * q : op === '/' ? p / q : p % q);
  return {
    fn: (x) => { const p = numeric(a(x)); const q = numeric(b(x)); return Number.isNaN(p) || Number.isNaN(q) ? undefined : calc(p, q); },
    isTime: (left.isTime || right.isTime) && (op === '+' || op === '-'),
  };
}

/** Compiles an expression into a function of a row or record. Throws QueryError for what cannot be evaluated. */
export function compileExpr<T>(expr: Expr, src: FieldSource<T>): Compiled<T> {
  switch (expr.kind) {
    case 'field':
      return { fn: src.field(expr.name), isTime: src.isTime(expr.name) };
    case 'number':
      return constant(expr.value);
    case 'duration':
      return constant(expr.ms);
    case 'string':
      return constant(expr.value);
    case 'regex':
      throw new QueryError(`a /regex/ goes after like or =~, at character ${expr.span.start + 1}`, expr.span);
    case 'list':
      throw new QueryError(`a [list] goes after in, at character ${expr.span.start + 1}`, expr.span);
    case 'call':
      return compileCall(expr, src);
    case 'unary': {
      const f = compileExpr(expr.operand, src).fn;
      if (expr.op === 'not') return { fn: (x) => bool(!truthy(f(x))), isTime: false };
      return { fn: (x) => { const n = numeric(f(x)); return Number.isNaN(n) ? undefined : -n; }, isTime: false };
    }
    case 'binary':
      return compileBinary(expr, src);
  }
}

/**
 * Compiles a filter. `and`, `or` and `not` combine their parts; a part that reads one dictionary-encoded field is
 * worked out once per distinct value of that field, so testing a row is one array read.
 */
export function compilePredicate<T>(expr: Expr, src: FieldSource<T>, rowOf: (x: T) => number): (x: T) => boolean {
  if (expr.kind === 'binary' && (expr.op === 'and' || expr.op === 'or')) {
    const a = compilePredicate(expr.left, src, rowOf);
    const b = compilePredicate(expr.right, src, rowOf);
    return expr.op === 'and' ? (x) => a(x) && b(x) : (x) => a(x) || b(x);
  }
  if (expr.kind === 'unary' && expr.op === 'not') {
    const a = compilePredicate(expr.operand, src, rowOf);
    return (x) => !a(x);
  }
  const generic = compileExpr(expr, src).fn;
  const names = fieldsOf(expr);
  const column = names.size === 1 && src.column !== undefined ? src.column([...names][0]) : undefined;
  const codes = column?.codes;
  if (column?.size === undefined || codes === undefined) return (x) => truthy(generic(x));
  const size = column.size;
  const table = new Uint8Array(size + 1);
  const single: FieldSource<Value> = { field: () => (v) => v, isTime: () => false };
  const once = compileExpr(expr, single).fn;
  for (let code = 0; code <= size; code += 1) table[code] = truthy(once(column.decode(code))) ? 1 : 0;
  const limit = codes.length;
  return (x) => {
    const row = rowOf(x);
    return table[row < limit ? codes[row] : 0] === 1;
  };
}

const MAX_TABLE = 65_536;

/**
 * Compiles an expression; one that reads a single small dictionary column is worked out once per distinct value,
 * so evaluating a row is one array read, and arithmetic over several columns combines such parts.
 */
export function compileFast(expr: Expr, src: FieldSource<number>): Compiled<number> {
  const names = fieldsOf(expr);
  if (expr.kind === 'binary' && ARITHMETIC.has(expr.op) && names.size > 1) {
    return arithmetic(expr.op as ArithmeticOp, compileFast(expr.left, src), compileFast(expr.right, src));
  }
  const compiled = compileExpr(expr, src);
  if (expr.kind === 'field' || names.size !== 1 || src.column === undefined) return compiled;
  const column = src.column([...names][0]);
  const codes = column?.codes;
  if (column?.size === undefined || codes === undefined || column.size > MAX_TABLE) return compiled;
  const single: FieldSource<Value> = { field: () => (v) => v, isTime: () => false };
  const once = compileExpr(expr, single).fn;
  const table: Value[] = [];
  for (let code = 0; code <= column.size; code += 1) table.push(once(column.decode(code)));
  const limit = codes.length;
  return { fn: (row) => table[row < limit ? codes[row] : 0], isTime: compiled.isTime };
}
