import { AGGREGATES, FUNCTIONS, QueryError } from './ast.ts';
import type { BinaryOp, Command, Expr, Named, Query, SortKey, Span } from './ast.ts';
import { tokenize } from './tokenizer.ts';
import type { Token } from './tokenizer.ts';

const COMMANDS = ['fields', 'display', 'filter', 'stats', 'sort', 'limit', 'dedup'];
const COMPARISONS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=', '=~']);

function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'the end of the query';
    case 'string':
      return `"${t.value}"`;
    case 'regex':
      return `/${t.source}/`;
    case 'ident':
    case 'number':
    case 'duration':
    case 'op':
      return `"${t.text}"`;
  }
}

class Parser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.at += 1;
    return t;
  }

  private fail(message: string, t: Token = this.peek()): never {
    throw new QueryError(`${message} at character ${t.span.start + 1}, found ${describe(t)}`, t.span);
  }

  private isWord(word: string, t: Token = this.peek()): boolean {
    return t.kind === 'ident' && t.text.toLowerCase() === word;
  }

  private isOp(op: string, t: Token = this.peek()): boolean {
    return t.kind === 'op' && t.text === op;
  }

  private expectOp(op: string): Token {
    if (!this.isOp(op)) this.fail(`expected "${op}"`);
    return this.next();
  }

  private source(span: Span): string {
    return this.text.slice(span.start, span.end).trim();
  }

  parseQuery(): Query {
    const commands: Command[] = [];
    if (this.peek().kind === 'end') this.fail('the query is empty: start with a command such as fields, filter or stats');
    for (;;) {
      commands.push(this.command());
      if (this.peek().kind === 'end') break;
      if (!this.isOp('|')) this.fail('expected "|" between commands');
      this.next();
    }
    return { commands };
  }

  private command(): Command {
    const t = this.next();
    const word = t.kind === 'ident' ? t.text.toLowerCase() : '';
    if (!COMMANDS.includes(word)) this.fail(`expected a command (${COMMANDS.join(', ')})`, t);
    const start = t.span.start;
    const done = (): Span => ({ start, end: this.tokens[this.at - 1].span.end });
    switch (word) {
      case 'fields':
        return { kind: 'fields', items: this.list(() => this.named()), span: done() };
      case 'display':
        return { kind: 'display', names: this.list(() => this.fieldName()), span: done() };
      case 'filter':
        return { kind: 'filter', expr: this.expr(), span: done() };
      case 'stats':
        return this.stats(start);
      case 'sort':
        return { kind: 'sort', keys: this.list(() => this.sortKey()), span: done() };
      case 'limit': {
        const n = this.next();
        if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 1) this.fail('limit takes a whole number of rows ≥ 1', n);
        return { kind: 'limit', count: n.value, span: done() };
      }
      default:
        return { kind: 'dedup', names: this.list(() => this.fieldName()), span: done() };
    }
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.isOp(',')) {
      this.next();
      items.push(item());
    }
    return items;
  }

  private fieldName(): string {
    const t = this.next();
    if (t.kind !== 'ident') this.fail('expected a field name', t);
    return t.text;
  }

  private alias(expr: Expr): string {
    if (this.isWord('as')) {
      this.next();
      return this.fieldName();
    }
    return expr.kind === 'field' ? expr.name : this.source(expr.span);
  }

  private named(): Named {
    const expr = this.expr();
    return { expr, name: this.alias(expr) };
  }

  private sortKey(): SortKey {
    const expr = this.additive();
    let descending = false;
    if (this.isWord('desc')) {
      this.next();
      descending = true;
    } else if (this.isWord('asc')) {
      this.next();
    }
    return { expr, name: expr.kind === 'field' ? expr.name : this.source(expr.span), descending };
  }

  private stats(start: number): Command {
    const aggregates = this.list(() => {
      const expr = this.primary();
      if (expr.kind !== 'call' || !AGGREGATES.has(expr.name)) {
        throw new QueryError(`stats needs an aggregate function (${[...AGGREGATES].join(', ')}) at character ${expr.span.start + 1}`, expr.span);
      }
      return { expr, name: this.alias(expr) };
    });
    let by: Named[] = [];
    if (this.isWord('by')) {
      this.next();
      by = this.list(() => this.named());
    }
    return { kind: 'stats', aggregates, by, span: { start, end: this.tokens[this.at - 1].span.end } };
  }

  private expr(): Expr {
    return this.or();
  }

  private binary(op: BinaryOp, left: Expr, right: Expr): Expr {
    return { kind: 'binary', op, left, right, span: { start: left.span.start, end: right.span.end } };
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      this.next();
      left = this.binary('or', left, this.and());
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      this.next();
      left = this.binary('and', left, this.not());
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('not')) {
      const t = this.next();
      const operand = this.not();
      return { kind: 'unary', op: 'not', operand, span: { start: t.span.start, end: operand.span.end } };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      this.next();
      const right = this.additive();
      return this.binary(t.text === '=~' ? 'like' : (t.text as BinaryOp), left, right);
    }
    const negated = this.isWord('not') && (this.isWord('like', this.peek(1)) || this.isWord('in', this.peek(1)));
    if (negated) this.next();
    if (this.isWord('like')) {
      this.next();
      const pattern = this.additive();
      if (pattern.kind !== 'regex' && pattern.kind !== 'string') this.fail('like needs a /regex/ or a "string"', this.tokens[this.at - 1]);
      return this.binary(negated ? 'not like' : 'like', left, pattern);
    }
    if (this.isWord('in')) {
      this.next();
      const list = this.primary();
      if (list.kind !== 'list') throw new QueryError(`in needs a list such as ["a", "b"] at character ${list.span.start + 1}`, list.span);
      return this.binary(negated ? 'not in' : 'in', left, list);
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next() as { text: BinaryOp };
      left = this.binary(op.text, left, this.multiplicative());
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next() as { text: BinaryOp };
      left = this.binary(op.text, left, this.unary());
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      const t = this.next();
      const operand = this.unary();
      return { kind: 'unary', op: '-', operand, span: { start: t.span.start, end: operand.span.end } };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value, span: t.span };
      case 'duration':
        return { kind: 'duration', ms: t.ms, text: t.text, span: t.span };
      case 'string':
        return { kind: 'string', value: t.value, span: t.span };
      case 'regex':
        return { kind: 'regex', source: t.source, flags: t.flags, span: t.span };
      case 'ident':
        if (this.isOp('(')) return this.call(t);
        if (/^(true|false)$/i.test(t.text) && this.text[t.span.start] !== '`') return { kind: 'string', value: t.text.toLowerCase(), span: t.span };
        return { kind: 'field', name: t.text, span: t.span };
      case 'op':
        if (t.text === '(') {
          const inner = this.expr();
          this.expectOp(')');
          return inner;
        }
        if (t.text === '[') return this.listLiteral(t);
        return this.fail('expected a field, a value or a function', t);
      case 'end':
        return this.fail('the query ends where a field, a value or a function was expected', t);
    }
  }

  private listLiteral(open: Token): Expr {
    const items: Expr[] = [];
    if (!this.isOp(']')) items.push(...this.list(() => this.additive()));
    const close = this.expectOp(']');
    return { kind: 'list', items, span: { start: open.span.start, end: close.span.end } };
  }

  private call(nameToken: Token & { kind: 'ident' }): Expr {
    const name = nameToken.text.toLowerCase();
    if (!FUNCTIONS.has(name) && !AGGREGATES.has(name)) {
      throw new QueryError(`unknown function "${nameToken.text}" at character ${nameToken.span.start + 1}`, nameToken.span);
    }
    this.expectOp('(');
    let star = false;
    const args: Expr[] = [];
    if (this.isOp('*')) {
      this.next();
      star = true;
    } else if (!this.isOp(')')) {
      args.push(...this.list(() => this.expr()));
    }
    const close = this.expectOp(')');
    return { kind: 'call', name, args, star, span: { start: nameToken.span.start, end: close.span.end } };
  }
}

/** Parses a Logs Insights query; throws QueryError (message and character span) on the first problem. */
export function parseQuery(text: string): Query {
  return new Parser(text, tokenize(text)).parseQuery();
}
