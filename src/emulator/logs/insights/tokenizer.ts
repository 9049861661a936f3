import { QueryError } from './ast.ts';
import type { Span } from './ast.ts';

/** One token of a query. */
export type Token =
  | { kind: 'ident'; text: string; span: Span }
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'duration'; ms: number; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'regex'; source: string; flags: string; span: Span }
  | { kind: 'op'; text: string; span: Span }
  | { kind: 'end'; span: Span };

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, hr: 3_600_000, d: 86_400_000, w: 604_800_000,
};

const OPERATORS = ['!=', '<=', '>=', '=~', '|', ',', '(', ')', '[', ']', '=', '<', '>', '+', '-', '*', '/', '%'];
const IDENT_START = /[A-Za-z_@$]/;
const IDENT_PART = /[A-Za-z0-9_.@$]/;

function readQuoted(text: string, at: number): { value: string; end: number } {
  const quote = text[at];
  let value = '';
  let i = at + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
    } else {
      value += text[i];
      i += 1;
    }
  }
  if (i >= text.length) throw new QueryError(`unterminated ${quote === '`' ? 'quoted field name' : 'string'} starting at character ${at + 1}`, { start: at, end: text.length });
  return { value, end: i + 1 };
}

function readRegex(text: string, at: number): { source: string; flags: string; end: number } {
  let i = at + 1;
  let source = '';
  while (i < text.length && text[i] !== '/') {
    if (text[i] === '\\' && i + 1 < text.length) {
      source += text.slice(i, i + 2);
      i += 2;
    } else {
      source += text[i];
      i += 1;
    }
  }
  if (i >= text.length) throw new QueryError(`unterminated regular expression starting at character ${at + 1}`, { start: at, end: text.length });
  i += 1;
  let flags = '';
  while (i < text.length && /[imsu]/.test(text[i])) flags += text[i++];
  return { source, flags, end: i };
}

/** Whether a `/` at this point starts a regular expression (after `like`, `=~`, `(`, `,`, `[`) rather than dividing. */
function regexAllowed(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.kind === 'ident') return ['like', 'filter', 'and', 'or', 'not'].includes(previous.text.toLowerCase());
  return previous.kind === 'op' && ['=~', '(', ',', '[', '=', '!=', '|'].includes(previous.text);
}

/** Splits a query into tokens; throws QueryError at the first character it cannot read. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'string', value, span: { start, end } });
      i = end;
    } else if (c === '`') {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'ident', text: value, span: { start, end } });
      i = end;
    } else if (c === '/' && regexAllowed(tokens.at(-1))) {
      const { source, flags, end } = readRegex(text, i);
      tokens.push({ kind: 'regex', source, flags, span: { start, end } });
      i = end;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?([a-z]+)?/.exec(text.slice(i));
      const digits = m?.[1] ?? c;
      const unit = m?.[2];
      const consumed = m?.[0] ?? c;
      const span = { start, end: i + consumed.length };
      if (unit !== undefined) {
        const per = UNIT_MS[unit];
        if (per === undefined) throw new QueryError(`unknown time unit "${unit}" at character ${start + 1} (use ms, s, m, h, d or w)`, span);
        tokens.push({ kind: 'duration', ms: Number(digits) * per, text: consumed, span });
      } else {
        tokens.push({ kind: 'number', value: Number(consumed), text: consumed, span });
      }
      i = span.end;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j])) j += 1;
      tokens.push({ kind: 'ident', text: text.slice(i, j), span: { start, end: j } });
      i = j;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) throw new QueryError(`unexpected character "${c}" at character ${i + 1}`, { start, end: i + 1 });
      tokens.push({ kind: 'op', text: op, span: { start, end: i + op.length } });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', span: { start: text.length, end: text.length } });
  return tokens;
}
