import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionLines } from '../../src/command/complete-command.ts';
import { QUESTION_WORDS } from '../../src/command/logs-commands.ts';
import { parseCommand } from '../../src/command/parse-command.ts';
import { describeRange, parseTimeRange, resolveRange } from '../../src/domain/time-range.ts';

const error = (text: string) => {
  const r = parseCommand(text);
  assert.equal(r.ok, false, `${text} should not parse`);
  return (r as { error: string }).error;
};

describe(':ask, :query, :since, :log-group', () => {
  it(':ask takes a question, a user for history, and an optional range', () => {
    assert.deepEqual(parseCommand(':ask attention'), { ok: true, command: { kind: 'ask', question: 'attention' } });
    assert.deepEqual(parseCommand(':ask ips 7d'), { ok: true, command: { kind: 'ask', question: 'ips', range: '7d' } });
    assert.deepEqual(parseCommand(':ask history maria.garcia 2026-11-01 2026-11-03'),
      { ok: true, command: { kind: 'ask', question: 'history', arg: 'maria.garcia', range: '2026-11-01 2026-11-03' } });
    assert.match(error(':ask history'), /needs a user/);
    assert.match(error(':ask weather'), /takes one of attention, ips, countries, history, invalid, not "weather"/);
    assert.match(error(':ask attention soon'), /not a time range/);
  });

  it(':query keeps the whole query text; alone it asks for the line; control characters are refused', () => {
    assert.deepEqual(parseCommand(':query filter message.riskLevel = "High" | stats count(*) by message.userName'),
      { ok: true, command: { kind: 'query', query: 'filter message.riskLevel = "High" | stats count(*) by message.userName' } });
    assert.deepEqual(parseCommand(':query'), { ok: true, command: { kind: 'query' } });
    assert.match(error(':query fields @timestamp\u0007'), /control characters/);
  });

  it(':since and :log-group check their argument', () => {
    assert.deepEqual(parseCommand(':since 7d'), { ok: true, command: { kind: 'since', range: '7d' } });
    assert.match(error(':since'), /needs a range/);
    assert.match(error(':since 2026-11-03 2026-11-01'), /second date must be after the first/);
    assert.deepEqual(parseCommand(':log-group /aws/cognito/pool-a'), { ok: true, command: { kind: 'log-group', name: '/aws/cognito/pool-a' } });
    assert.match(error(':log-group a"b'), /not a log group name/);
  });

  it('Tab completes the question names', () => {
    assert.deepEqual(completionLines(':ask hi', { questions: QUESTION_WORDS }), [':ask history']);
    assert.deepEqual(completionLines(':ask ', { questions: QUESTION_WORDS }), QUESTION_WORDS.map((q) => `:ask ${q}`));
    assert.deepEqual(completionLines(':as', {}), [':ask ']);
  });
});

describe('time ranges', () => {
  it('parses the last N minutes, hours, days, weeks, and two ISO dates (a lone date spans its day)', () => {
    const r = parseTimeRange('24h');
    assert.ok(r.ok);
    assert.deepEqual(resolveRange(r.range, 1_000_000_000_000), { startMs: 1_000_000_000_000 - 86_400_000, endMs: 1_000_000_000_000 });
    assert.equal(describeRange(r.range), 'last 24h');
    const between = parseTimeRange('2026-11-01 2026-11-03');
    assert.ok(between.ok);
    assert.deepEqual(resolveRange(between.range, 0), { startMs: Date.UTC(2026, 10, 1), endMs: Date.UTC(2026, 10, 3, 23, 59, 59, 999) });
    const instants = parseTimeRange('2026-11-01T08:00Z 2026-11-01T09:30+01:00');
    assert.ok(instants.ok);
    assert.deepEqual(resolveRange(instants.range, 0), { startMs: Date.UTC(2026, 10, 1, 8), endMs: Date.UTC(2026, 10, 1, 8, 30) });
    assert.equal(parseTimeRange('400d').ok, false);
    assert.equal(parseTimeRange('0h').ok, false);
  });
});
