import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryError } from '../../src/emulator/logs/insights/ast.ts';
import type { Expr } from '../../src/emulator/logs/insights/ast.ts';
import { parseQuery } from '../../src/emulator/logs/insights/parser.ts';
import { tokenize } from '../../src/emulator/logs/insights/tokenizer.ts';

function syntaxError(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  assert.fail(`"${query}" parsed without an error`);
}

/** The expression written back with explicit parentheses, so precedence shows. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'field': return e.name;
    case 'number': return String(e.value);
    case 'string': return JSON.stringify(e.value);
    case 'regex': return `/${e.source}/${e.flags}`;
    case 'duration': return `${e.ms}ms`;
    case 'list': return `[${e.items.map(show).join(', ')}]`;
    case 'call': return `${e.name}(${e.star ? '*' : e.args.map(show).join(', ')})`;
    case 'unary': return `(${e.op} ${show(e.operand)})`;
    case 'binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}

describe('Logs Insights tokenizer', () => {
  it('reads durations, regexes after like, strings with escapes, backquoted names and comments', () => {
    const tokens = tokenize('filter f like /a\\/b/ and `odd name` = "x\\"y" # note\n| stats count(*) by bin(5m)');
    const summary = tokens.map((t) => (t.kind === 'regex' ? `re:${t.source}` : t.kind === 'string' ? `s:${t.value}` : t.kind === 'duration' ? `d:${t.ms}` : t.kind === 'ident' ? t.text : t.kind === 'op' ? t.text : t.kind));
    assert.deepEqual(summary, ['filter', 'f', 'like', 're:a\\/b', 'and', 'odd name', '=', 's:x"y', '|', 'stats', 'count', '(', '*', ')', 'by', 'bin', '(', 'd:300000', ')', 'end']);
  });

  it('reads a slash between values as division, not a regex', () => {
    const tokens = tokenize('fields a / 2');
    assert.deepEqual(tokens.map((t) => t.kind), ['ident', 'ident', 'op', 'number', 'end']);
  });
});

describe('Logs Insights parser', () => {
  it('parses every command of a pipeline in order', () => {
    const q = parseQuery('fields @timestamp, message.userName as user | filter ispresent(user) | stats count(*) as n, count_distinct(message.ipAddress) by user, bin(1h) | sort n desc, user asc | limit 20 | dedup user | display user, n');
    assert.deepEqual(q.commands.map((c) => c.kind), ['fields', 'filter', 'stats', 'sort', 'limit', 'dedup', 'display']);
    const [fields, , stats, sort, limit, dedup, display] = q.commands;
    assert.deepEqual(fields.kind === 'fields' && fields.items.map((i) => i.name), ['@timestamp', 'user']);
    assert.deepEqual(stats.kind === 'stats' && stats.aggregates.map((a) => a.name), ['n', 'count_distinct(message.ipAddress)']);
    assert.deepEqual(stats.kind === 'stats' && stats.by.map((b) => b.name), ['user', 'bin(1h)']);
    assert.deepEqual(sort.kind === 'sort' && sort.keys.map((k) => [k.name, k.descending]), [['n', true], ['user', false]]);
    assert.equal(limit.kind === 'limit' && limit.count, 20);
    assert.deepEqual(dedup.kind === 'dedup' && dedup.names, ['user']);
    assert.deepEqual(display.kind === 'display' && display.names, ['user', 'n']);
  });

  it('binds not tighter than and, and tighter than or; comparisons tighter than both', () => {
    const q = parseQuery('filter a = 1 or not b = 2 and c in ["x", "y"] or d not like /z/');
    const filter = q.commands[0];
    assert.equal(filter.kind, 'filter');
    if (filter.kind !== 'filter') return;
    assert.equal(show(filter.expr), '(((a = 1) or ((not (b = 2)) and (c in ["x", "y"]))) or (d not like /z/))');
  });

  it('keeps arithmetic precedence and unary minus', () => {
    const q = parseQuery('filter x + 2 * -y >= 10 % 3');
    const filter = q.commands[0];
    if (filter.kind !== 'filter') assert.fail('not a filter');
    assert.equal(show(filter.expr), '((x + (2 * (- y))) >= (10 % 3))');
  });

  it('reads =~ as like and keeps a regex\'s (?i) for the evaluator', () => {
    const q = parseQuery('filter message.city =~ /(?i)paris/');
    const filter = q.commands[0];
    if (filter.kind !== 'filter') assert.fail('not a filter');
    assert.equal(show(filter.expr), '(message.city like /(?i)paris/)');
  });

  it('says where a query goes wrong, with the character offset', () => {
    const cases: Array<[string, RegExp, number]> = [
      ['', /the query is empty/, 0],
      ['fields a |', /expected a command .* at character 11/, 10],
      ['filter a = ', /field, a value or a function was expected at character 12/, 11],
      ['stats sum(x) by', /at character 16/, 15],
      ['stats ispresent(x)', /stats needs an aggregate function/, 6],
      ['fields a b', /expected "\|" between commands at character 10/, 9],
      ['filter f like 3', /like needs a \/regex\/ or a "string"/, 14],
      ['filter f in "a"', /in needs a list/, 12],
      ['filter frob(x)', /unknown function "frob" at character 8/, 7],
      ['filter "open', /unterminated string starting at character 8/, 7],
      ['stats count(*) by bin(5 fortnights)', /expected "\)"/, 24],
      ['limit 0', /limit takes a whole number/, 6],
      ['filter x = 3q', /unknown time unit "q"/, 11],
    ];
    for (const [query, message, start] of cases) {
      const e = syntaxError(query);
      assert.match(e.message, message, query);
      assert.equal(e.span.start, start, `${query}: ${e.message}`);
    }
  });
});
