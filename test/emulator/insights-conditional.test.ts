import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ATTENTION_QUERY, shapeAttention } from '../../src/domain/canned-queries.ts';
import { QueryError } from '../../src/emulator/logs/insights/ast.ts';
import { parseQuery } from '../../src/emulator/logs/insights/parser.ts';
import { QueryExecution } from '../../src/emulator/logs/insights/run-query.ts';
import type { ResultField } from '../../src/emulator/logs/insights/run-query.ts';
import { LogGroup } from '../../src/emulator/logs/log-group.ts';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);

interface Activity {
  userName: string;
  riskLevel?: string;
  riskDecision?: string;
  compromisedCredentialDetected?: string;
  eventResponse?: string;
}

const USERS = ['ana', 'bob', 'carla', 'dmitri', 'eve', 'fay', 'gus'];
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'high', '', undefined];
const DECISIONS = ['PASS', 'ACCOUNT_TAKEOVER', 'BLOCK', 'block', undefined];
const BOOLS = ['true', 'false', 'TRUE', undefined];
const RESPONSES = ['Pass', 'Fail', 'FAILURE', undefined];

function activity(count: number): Activity[] {
  let s = 777;
  const pick = <T>(list: readonly T[]): T => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return list[s % list.length]!;
  };
  return Array.from({ length: count }, () => {
    const a: Activity = { userName: pick(USERS) };
    const level = pick(LEVELS);
    const decision = pick(DECISIONS);
    const cc = pick(BOOLS);
    const response = pick(RESPONSES);
    if (level !== undefined) a.riskLevel = level;
    if (decision !== undefined) a.riskDecision = decision;
    if (cc !== undefined) a.compromisedCredentialDetected = cc;
    if (response !== undefined) a.eventResponse = response;
    return a;
  });
}

const DATA = activity(900);

function group(): LogGroup {
  const g = new LogGroup('/aws/vendedlogs/cognito/test', 0);
  DATA.forEach((m, i) => g.table.append({ timestamp: T0 + i * 1000, ingestionTime: T0 + i * 1000, stream: 's', message: JSON.stringify({ message: m }) }));
  return g;
}

function run(g: LogGroup, query: string): Record<string, string>[] {
  const ex = new QueryExecution(parseQuery(query), [g], '123456789012', T0 - 1, T0 + 1e9, 10_000);
  while (!ex.step(101));
  return ex.finish().map((row: ResultField[]) => Object.fromEntries(row.map((f) => [f.field, f.value])));
}

const up = (v: string | undefined): string => (v ?? '').toUpperCase();

describe('Logs Insights strcontains (1 or 0, as AWS documents it) and counting with it', () => {
  const g = group();

  it('parses strcontains as a function call with two arguments, nested in toupper and coalesce', () => {
    const q = parseQuery('fields strcontains(toupper(coalesce(message.riskLevel, "")), "HIGH") as isHigh');
    const c = q.commands[0];
    assert.equal(c?.kind, 'fields');
    const item = c.kind === 'fields' ? c.items[0] : undefined;
    assert.equal(item?.name, 'isHigh');
    assert.equal(item?.expr.kind === 'call' ? item.expr.name : '', 'strcontains');
    assert.equal(item?.expr.kind === 'call' ? item.expr.args.length : 0, 2);
  });

  it('says clearly when strcontains lacks its second argument', () => {
    assert.throws(() => run(g, 'fields strcontains(message.riskLevel) as x'), (e: unknown) => e instanceof QueryError && /strcontains\(\) needs 2 arguments/.test(e.message));
  });

  it('counts per user with fields … strcontains … as flag, then stats sum(flag); an absent field counts 0', () => {
    const rows = run(g, 'fields strcontains(message.riskLevel, "HIGH") as isHigh, strcontains(message.eventResponse, "Fail") as isFailed'
      + ' | stats sum(isHigh) as high, sum(isFailed) as failed, count(*) as n by message.userName | sort message.userName asc');
    const expected = [...new Set(DATA.map((a) => a.userName))].sort().map((user) => {
      const mine = DATA.filter((a) => a.userName === user);
      return {
        'message.userName': user, high: String(mine.filter((a) => a.riskLevel?.includes('HIGH')).length),
        failed: String(mine.filter((a) => a.eventResponse?.includes('Fail')).length), n: String(mine.length),
      };
    });
    assert.deepEqual(rows, expected);
  });

  it('adds and multiplies flags read from several fields, then takes the max per user', () => {
    const rows = run(g, 'fields 2 * strcontains(toupper(coalesce(message.riskLevel, "")), "HIGH") + strcontains(toupper(coalesce(message.riskDecision, "")), "BLOCK") as s'
      + ' | stats max(s) as worst, sum(s) as total by message.userName | sort message.userName asc');
    const score = (a: Activity): number => 2 * (up(a.riskLevel).includes('HIGH') ? 1 : 0) + (up(a.riskDecision).includes('BLOCK') ? 1 : 0);
    const expected = [...new Set(DATA.map((a) => a.userName))].sort().map((user) => {
      const scores = DATA.filter((a) => a.userName === user).map(score);
      return { 'message.userName': user, worst: String(Math.max(...scores)), total: String(scores.reduce((x, y) => x + y, 0)) };
    });
    assert.deepEqual(rows, expected);
  });

  it('the app\'s attention query returns one row per user, ranked by the service, with the counts computed here', () => {
    const needs = (a: Activity): boolean => ['HIGH', 'MEDIUM'].includes(up(a.riskLevel)) || /^(BLOCK|ACCOUNT_?TAKEOVER)$/.test(up(a.riskDecision))
      || up(a.compromisedCredentialDetected) === 'TRUE' || up(a.eventResponse).startsWith('FAIL');
    const level = (a: Activity): number => ({ HIGH: 3, MEDIUM: 2, LOW: 1 } as Record<string, number>)[up(a.riskLevel)] ?? 0;
    const severity = (a: Activity): number => level(a) * 4 + (/BLOCK|TAKEOVER/.test(up(a.riskDecision)) ? 2 : 0) + (up(a.compromisedCredentialDetected) === 'TRUE' ? 1 : 0);
    const raw = run(g, ATTENTION_QUERY);
    const users = [...new Set(DATA.filter(needs).map((a) => a.userName))];
    assert.equal(raw.length, users.length, 'one row per user');
    const worst = raw.map((r) => Number(r.worst));
    assert.deepEqual(worst, [...worst].sort((a, b) => b - a), 'the service sorts worst first');
    const shaped = shapeAttention(raw);
    const expected = users.map((user) => {
      const mine = DATA.filter((a) => a.userName === user && needs(a));
      return {
        user, sev: Math.max(...mine.map(severity)), events: mine.length,
        high: mine.filter((a) => up(a.riskLevel) === 'HIGH').length, medium: mine.filter((a) => up(a.riskLevel) === 'MEDIUM').length,
        decided: mine.filter((a) => /BLOCK|TAKEOVER/.test(up(a.riskDecision))).length,
        compromised: mine.filter((a) => up(a.compromisedCredentialDetected) === 'TRUE').length,
        failed: mine.filter((a) => up(a.eventResponse).startsWith('FAIL')).length,
      };
    }).sort((a, b) => b.sev - a.sev || b.events - a.events || (a.user < b.user ? -1 : 1));
    assert.deepEqual(shaped.rows.map((r) => [r.user, r.events, r.high, r.medium, r['takeover/block'], r.compromised, r.failed]),
      expected.map((e) => [e.user, String(e.events), String(e.high), String(e.medium), String(e.decided), String(e.compromised), String(e.failed)]));
    const top = expected[0]!;
    const topEvents = DATA.filter((a) => a.userName === top.user && needs(a) && severity(a) === top.sev);
    assert.match(shaped.rows[0]!.worst!, top.sev >= 12 ? /High/ : /Medium|Low|–/);
    if (topEvents.every((a) => up(a.compromisedCredentialDetected) === 'TRUE')) assert.match(shaped.rows[0]!.worst!, /!CC/);
  });
});
