/** A span of the query text: [start, end) character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** An expression of the Logs Insights language. */
export type Expr =
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'regex'; source: string; flags: string; span: Span }
  | { kind: 'duration'; ms: number; text: string; span: Span }
  | { kind: 'list'; items: Expr[]; span: Span }
  | { kind: 'call'; name: string; args: Expr[]; star: boolean; span: Span }
  | { kind: 'unary'; op: 'not' | '-'; operand: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span };

/** Binary operators, from `or` (loosest) to arithmetic. */
export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'like' | 'not like' | 'in' | 'not in' | '+' | '-' | '*' | '/' | '%';

/** An expression with the name its result goes by (`as` alias, or the expression's own text). */
export interface Named {
  expr: Expr;
  name: string;
}

/** One sort key. */
export interface SortKey {
  expr: Expr;
  name: string;
  descending: boolean;
}

/** One command of a query pipeline. */
export type Command =
  | { kind: 'fields'; items: Named[]; span: Span }
  | { kind: 'display'; names: string[]; span: Span }
  | { kind: 'filter'; expr: Expr; span: Span }
  | { kind: 'stats'; aggregates: Named[]; by: Named[]; span: Span }
  | { kind: 'sort'; keys: SortKey[]; span: Span }
  | { kind: 'limit'; count: number; span: Span }
  | { kind: 'dedup'; names: string[]; span: Span };

/** A parsed query: its commands in order. */
export interface Query {
  commands: Command[];
}

/** The aggregate functions `stats` accepts. */
export const AGGREGATES: ReadonlySet<string> = new Set(['count', 'count_distinct', 'min', 'max', 'sum', 'avg', 'earliest', 'latest']);

/** The scalar functions expressions may call. */
export const FUNCTIONS: ReadonlySet<string> = new Set([
  'ispresent', 'isempty', 'isblank', 'tolower', 'toupper', 'strlen', 'strcontains', 'concat', 'abs', 'floor', 'ceil', 'coalesce', 'bin', 'datefloor',
]);

/** A syntax or meaning error in a query, with where it is. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}
