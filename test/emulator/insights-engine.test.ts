import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from '../../src/emulator/logs/insights/parser.ts';
import { QueryExecution } from '../../src/emulator/logs/insights/run-query.ts';
import type { ResultField } from '../../src/emulator/logs/insights/run-query.ts';
import { LogGroup } from '../../src/emulator/logs/log-group.ts';
import { syntheticActivity } from '../../src/emulator/logs/synthetic-activity.ts';

interface Rec {
  t: number;
  stream: string;
  message: { user: string; ip: string; level: string; decision: string; n: number; city?: string; tags: string[] };
}

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const USERS = ['ana', 'Bob', 'carla', 'dmitri', 'eve', 'Ana'];
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', ''];
const DECISIONS = ['PASS', 'ACCOUNT_TAKEOVER', 'BLOCK'];
const CITIES = ['Paris', 'paris', 'Lyon', undefined];

function records(count: number): Rec[] {
  let s = 12345;
  const next = (n: number): number => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s % n;
  };
  const out: Rec[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push({
      t: T0 + i * 37_000 + next(1000),
      stream: `s${next(3)}`,
      message: {
        user: USERS[next(USERS.length)], ip: `10.0.${next(4)}.${next(5)}`, level: LEVELS[next(LEVELS.length)], decision: DECISIONS[next(DECISIONS.length)],
        n: next(100), city: CITIES[next(CITIES.length)], tags: next(2) === 0 ? ['a'] : ['b', 'c'],
      },
    });
  }
  return out;
}

const DATA = records(600);

function group(data: Rec[], shuffled = false): LogGroup {
  const g = new LogGroup('/test/group', 0);
  const order = shuffled ? [...data].reverse() : data;
  for (const r of order) g.table.append({ timestamp: r.t, ingestionTime: r.t + 5, stream: r.stream, message: JSON.stringify({ message: r.message }) });
  if (shuffled) g.table.sortByTime();
  return g;
}

function run(g: LogGroup, query: string, start = T0 - 1, end = T0 + 1e9, limit = 10_000): { rows: Array<Record<string, string>>; ex: QueryExecution } {
  const ex = new QueryExecution(parseQuery(query), [g], '123456789012', start, end, limit);
  while (!ex.step(97));
  const rows = ex.finish().map((row: ResultField[]) => Object.fromEntries(row.map((f) => [f.field, f.value])));
  return { rows, ex };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

describe('Logs Insights evaluation over a columnar table', () => {
  const g = group(DATA);

  it('filters with comparisons, and/or/not, in and ispresent, counting matches', () => {
    const { rows, ex } = run(g, 'filter (message.level in ["HIGH", "MEDIUM"] or message.decision = "BLOCK") and not message.n < 50 and ispresent(message.city) | stats count(*) as n');
    const expected = DATA.filter((r) => (['HIGH', 'MEDIUM'].includes(r.message.level) || r.message.decision === 'BLOCK') && !(r.message.n < 50) && r.message.city !== undefined).length;
    assert.deepEqual(rows, [{ n: String(expected) }]);
    assert.equal(ex.statistics.recordsScanned, DATA.length);
    assert.ok(expected > 0 && expected < DATA.length);
  });

  it('reads true and false as the text AWS writes for booleans', () => {
    const expected = DATA.filter((r) => r.message.n > 90).length;
    assert.ok(expected > 0);
    const withTrue = run(g, 'fields message.n > 90 as big | filter big = true | stats count(*) as n').rows;
    assert.deepEqual(withTrue, [{ n: String(expected) }]);
    const withFalse = run(g, 'fields message.n > 90 as big | filter big = FALSE | stats count(*) as n').rows;
    assert.deepEqual(withFalse, [{ n: String(DATA.length - expected) }]);
  });

  it('treats numeric fields as numbers when comparing', () => {
    const { rows } = run(g, 'filter message.n >= 9 and message.n <= 10 | stats count(*) as n');
    assert.deepEqual(rows, [{ n: String(DATA.filter((r) => r.message.n >= 9 && r.message.n <= 10).length) }]);
  });

  it('matches like /regex/ with (?i), like "substring", and not like', () => {
    const ci = run(g, 'filter message.city like /(?i)^PARIS$/ | stats count(*) as n').rows;
    assert.deepEqual(ci, [{ n: String(DATA.filter((r) => r.message.city?.toLowerCase() === 'paris').length) }]);
    const cs = run(g, 'filter message.city like /^Par/ | stats count(*) as n').rows;
    assert.deepEqual(cs, [{ n: String(DATA.filter((r) => r.message.city?.startsWith('Par')).length) }]);
    const sub = run(g, 'filter message.ip like "0.3." | stats count(*) as n').rows;
    assert.deepEqual(sub, [{ n: String(DATA.filter((r) => r.message.ip.includes('0.3.')).length) }]);
    const not = run(g, 'filter message.city not like /aris/ | stats count(*) as n').rows;
    assert.deepEqual(not, [{ n: String(DATA.filter((r) => r.message.city !== undefined && !r.message.city.includes('aris')).length) }]);
  });

  it('aggregates by a field: count, count_distinct, min, max, sum, avg, earliest, latest', () => {
    const { rows } = run(g, 'stats count(*) as n, count_distinct(message.ip) as ips, min(message.n) as lo, max(message.n) as hi, sum(message.n) as total, avg(message.n) as mean, earliest(message.ip) as first, latest(message.ip) as last by message.user | sort message.user asc');
    const users = [...new Set(DATA.map((r) => r.message.user))].sort();
    const expected = users.map((user) => {
      const mine = DATA.filter((r) => r.message.user === user).sort((a, b) => a.t - b.t);
      const ns = mine.map((r) => r.message.n);
      const total = ns.reduce((a, b) => a + b, 0);
      return {
        'message.user': user, n: String(mine.length), ips: String(new Set(mine.map((r) => r.message.ip)).size), lo: String(Math.min(...ns)), hi: String(Math.max(...ns)),
        total: String(total), mean: String(Math.round((total / ns.length) * 1e6) / 1e6), first: mine[0].message.ip, last: mine[mine.length - 1].message.ip,
      };
    });
    assert.deepEqual(rows, expected);
  });

  it('groups by bin(5m) and prints the bucket as a timestamp', () => {
    const { rows } = run(g, 'stats count(*) as n by bin(5m) as bucket | sort bucket asc | limit 4');
    const counts = new Map<number, number>();
    for (const r of DATA) {
      const b = Math.floor(r.t / 300_000) * 300_000;
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    const expected = [...counts.entries()].sort((a, b) => a[0] - b[0]).slice(0, 4).map(([b, n]) => ({ bucket: iso(b), n: String(n) }));
    assert.deepEqual(rows, expected);
  });

  it('sorts by several keys with a limit, after stats', () => {
    const { rows } = run(g, 'filter message.decision != "PASS" | stats count(*) as n by message.user, message.decision | sort n desc, message.user asc | limit 3');
    const counts = new Map<string, number>();
    for (const r of DATA) if (r.message.decision !== 'PASS') counts.set(`${r.message.user}\u0000${r.message.decision}`, (counts.get(`${r.message.user}\u0000${r.message.decision}`) ?? 0) + 1);
    const expected = [...counts.entries()]
      .map(([k, n]) => ({ user: k.split('\u0000')[0], decision: k.split('\u0000')[1], n }))
      .sort((a, b) => b.n - a.n || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0))
      .slice(0, 3)
      .map((x) => ({ 'message.user': x.user, 'message.decision': x.decision, n: String(x.n) }));
    assert.deepEqual(rows, expected);
  });

  it('returns raw rows with fields, sort, limit, dedup and @ptr; the time range bounds the scan', () => {
    const start = DATA[100].t;
    const end = DATA[299].t;
    const { rows, ex } = run(g, 'fields @timestamp, message.user as who, message.tags.1 | sort @timestamp desc | dedup who | limit 4', start, end);
    const inRange = DATA.filter((r) => r.t >= start && r.t <= end).sort((a, b) => b.t - a.t);
    const seen = new Set<string>();
    const expected = inRange.filter((r) => (seen.has(r.message.user) ? false : (seen.add(r.message.user), true))).slice(0, 4);
    assert.deepEqual(rows.map((r) => [r['@timestamp'], r.who, r['message.tags.1']]), expected.map((r) => [iso(r.t), r.message.user, r.message.tags[1]]));
    assert.ok(rows.every((r) => typeof r['@ptr'] === 'string' && r['@ptr'].length > 0));
    assert.equal(ex.statistics.recordsScanned, 200);
  });

  it('shows @timestamp and @message when a query names no fields, with @logStream and @log available', () => {
    const { rows } = run(g, 'sort @timestamp asc | limit 1');
    assert.deepEqual(Object.keys(rows[0]).sort(), ['@message', '@ptr', '@timestamp']);
    assert.deepEqual(JSON.parse(rows[0]['@message']), { message: DATA[0].message });
    const [row] = run(g, 'fields @logStream, @log | sort @timestamp asc | limit 1').rows;
    assert.equal(row['@logStream'], DATA[0].stream);
    assert.equal(row['@log'], '123456789012:/test/group');
  });

  it('filters after stats on the aggregated fields, and computes with arithmetic', () => {
    const { rows } = run(g, 'stats sum(message.n) as total, count(*) as n by message.user | fields total / n as mean2 | filter n > 100 | sort message.user asc | display message.user, mean2');
    const expected = [...new Set(DATA.map((r) => r.message.user))].sort().flatMap((user) => {
      const mine = DATA.filter((r) => r.message.user === user);
      if (mine.length <= 100) return [];
      const mean = mine.reduce((a, r) => a + r.message.n, 0) / mine.length;
      return [{ 'message.user': user, mean2: String(Math.round(mean * 1e6) / 1e6) }];
    });
    assert.deepEqual(rows, expected);
    assert.ok(expected.length > 0);
  });

  it('gives the same answers when the rows arrived out of time order', () => {
    const q = 'filter message.level = "HIGH" | stats count(*) as n, latest(message.ip) as ip by message.user | sort message.user asc';
    assert.deepEqual(run(group(DATA, true), q).rows, run(g, q).rows);
  });

  it('caps the rows at the query limit', () => {
    assert.equal(run(g, 'fields message.user', T0 - 1, T0 + 1e9, 7).rows.length, 7);
  });
});

describe('Logs Insights over generated bulk activity (numeric IP and computed user columns)', () => {
  const now = Date.UTC(2026, 0, 10);
  const g = new LogGroup('/bulk', 0, syntheticActivity({ events: 4000, users: 300 }, 7, now, 'us-east-1_Test', ['client1']));
  g.ensureFilled();
  const raw = run(g, 'fields message.ipAddress as ip, message.userName as user, message.riskDecision as d', now - 2 * 86_400_000, now).rows;

  it('groups by IP address and by user as the raw rows count them', () => {
    assert.equal(raw.length, 4000);
    const count = (key: 'ip' | 'user', rows: Array<Record<string, string>>): Map<string, number> => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
      return m;
    };
    const byIp = run(g, 'filter message.riskDecision != "PASS" | stats count(*) as n by message.ipAddress', now - 2 * 86_400_000, now).rows;
    assert.deepEqual(new Map(byIp.map((r) => [r['message.ipAddress'], Number(r.n)])), count('ip', raw.filter((r) => r.d !== 'PASS')));
    const byUser = run(g, 'stats count(*) as n by message.userName', now - 2 * 86_400_000, now).rows;
    assert.deepEqual(new Map(byUser.map((r) => [r['message.userName'], Number(r.n)])), count('user', raw));
    assert.ok(byIp.length > 1 && byUser.length > 100);
  });
});
