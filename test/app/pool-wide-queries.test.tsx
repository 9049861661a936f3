import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { AUDIT_POOL_ID, EMPTY_POOL_ID, LARGE_POOL_ID, NO_ALIAS_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { createSdkGateway } from '../../src/gateway/sdk-gateway.ts';
import type { AuthEvent, CognitoGateway, User } from '../../src/gateway/types.ts';
import type { QueryRow, QueryRun } from '../../src/store/logs-state.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { startApp, type AppHarness } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const NOW = Date.UTC(2026, 10, 29, 10, 0, 0);
const DAY = 86_400_000;
const USERS = 200;

/** Every user of the pool with every event of theirs, read through Cognito's own API (not the logs). */
async function readPoolThroughCognito(gw: CognitoGateway): Promise<Map<string, AuthEvent[]>> {
  const users: User[] = [];
  let token: string | undefined;
  do {
    const page = await gw.listUsers(LARGE_POOL_ID, undefined, token);
    users.push(...page.items);
    token = page.nextToken;
  } while (token);
  const byUser = new Map<string, AuthEvent[]>();
  for (const u of users) {
    const events: AuthEvent[] = [];
    let next: string | undefined;
    do {
      const page = await gw.listAuthEvents(LARGE_POOL_ID, u.username, next);
      events.push(...page.items);
      next = page.nextToken;
    } while (next);
    byUser.set(u.username, events);
  }
  return byUser;
}

/** The test's own reading of "needs attention": High/Medium risk, a takeover or block, compromised credentials, a failure. */
function attention(e: AuthEvent): boolean {
  return e.riskLevel === 'High' || e.riskLevel === 'Medium' || e.riskDecision === 'AccountTakeover' || e.riskDecision === 'Block'
    || e.compromisedCredentials === true || e.response === 'Fail';
}

const inRange = (e: AuthEvent, start: number, end = NOW) => e.createdAt !== undefined && e.createdAt >= start && e.createdAt <= end;

describe('pool-wide queries against the emulator (ink, real SDK)', () => {
  let h: AppHarness;
  let truth: Map<string, AuthEvent[]>;
  const run = (): QueryRun | undefined => {
    const route = currentRoute(h.store.getState());
    return route.view === 'query' ? h.store.getState().logs.runs[route.run] : undefined;
  };
  const rows = (): QueryRow[] => {
    const route = currentRoute(h.store.getState());
    if (route.view !== 'query') return [];
    return (h.store.getState().lists[listKey({ kind: 'query', poolId: LARGE_POOL_ID, run: route.run })] as PagedList<QueryRow>).items;
  };
  async function answered(): Promise<QueryRun> {
    await waitFor(() => run()?.endedAt !== undefined, 20_000, 'the query to end');
    assert.equal(run()!.status, 'Complete', run()!.error);
    await h.waitForText('Complete');
    return run()!;
  }
  async function backToUsers() {
    await h.press('escape');
    await waitFor(() => currentRoute(h.store.getState()).view === 'users');
  }

  before(async () => {
    h = await startApp({
      emulator: { usersInLargePool: USERS, now: NOW }, deepLink: { pool: LARGE_POOL_ID }, rows: 40, columns: 160,
      deps: { now: () => NOW, queryPoll: { firstMs: 5, factor: 1.5, maxMs: 50 } },
    });
    const reader = createSdkGateway({ region: 'us-east-1', endpoint: h.emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    truth = await readPoolThroughCognito(reader);
    await h.waitForText(/\d+\+? users/);
  });
  after(async () => { await h.close(); });

  it('A: the users needing attention in the last 24 h with their counts, worst first, as Cognito\'s own events say', async () => {
    await h.press('A');
    const done = await answered();
    assert.equal(h.count('GetLogDeliveryConfiguration'), 1);
    assert.deepEqual(done.logGroup, `/aws/vendedlogs/cognito/${LARGE_POOL_ID}/user-activity`);
    const expected = new Map<string, number>();
    for (const [user, events] of truth) {
      const n = events.filter((e) => inRange(e, NOW - DAY) && attention(e)).length;
      if (n > 0) expected.set(user, n);
    }
    assert.ok(expected.size > 0, 'the demo pool has users needing attention in the last 24 h');
    assert.deepEqual(new Map(rows().map((r) => [r.cells.user!, Number(r.cells.events)])), expected);
    const first = rows()[0]!.cells.user!;
    assert.ok(truth.get(first)!.some((e) => inRange(e, NOW - DAY) && e.riskLevel === 'High'), `${first} ranks first with a High-risk event`);
    assert.match(h.frame(), /users needing attention/);
    assert.match(h.frame(), /records matched of [\d,]+ scanned · [\d.]+ [KM]?B scanned/);
    assert.match(h.frame(), /records up to \d\d:\d\d:\d\dZ/);
    await h.press('enter');
    await waitFor(() => currentRoute(h.store.getState()).view === 'user');
    assert.equal((currentRoute(h.store.getState()) as { username: string }).username, first);
    await h.press('escape');
    await backToUsers();
  });

  it('I: top IPs by risky or failed sign-ins with the users each touched; enter opens the IP pivot', async () => {
    await h.submit(':', 'since 7d');
    await h.waitForText('range last 7d');
    await h.press('I');
    await answered();
    const expected = new Map<string, { events: number; users: Set<string> }>();
    for (const [user, events] of truth) {
      for (const e of events) {
        if (!inRange(e, NOW - 7 * DAY) || !attention(e) || !e.ip) continue;
        const entry = expected.get(e.ip) ?? { events: 0, users: new Set<string>() };
        entry.events++;
        entry.users.add(user);
        expected.set(e.ip, entry);
      }
    }
    assert.deepEqual(new Map(rows().map((r) => [r.cells.ip!, { events: Number(r.cells.events), users: Number(r.cells.users) }])),
      new Map([...expected].map(([ip, e]) => [ip, { events: e.events, users: e.users.size }])));
    const counts = rows().map((r) => Number(r.cells.events));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    const top = rows()[0]!;
    await h.press('I');
    await waitFor(() => currentRoute(h.store.getState()).view === 'ip');
    await h.waitForText(/and the pool's user-activity logs \(last 7d\)/, 20_000);
    for (const user of expected.get(top.ip!)!.users) await h.waitForText(user);
    await h.press('escape');
    await waitFor(() => currentRoute(h.store.getState()).view === 'query');
    await backToUsers();
  });

  it('W: sign-ins from countries the user had not used in the 30 days before (asks first: the range is over 7 days)', async () => {
    await h.submit(':', 'since 24h');
    await h.press('W');
    await h.waitForText(/Query 31 days of user activity/);
    await h.press('y');
    await answered();
    const start = NOW - DAY;
    const expected = new Set<string>();
    for (const [user, events] of truth) {
      const signIns = events.filter((e) => e.type === 'SignIn' && e.country && inRange(e, start - 30 * DAY));
      const before = new Set(signIns.filter((e) => e.createdAt! < start).map((e) => e.country!));
      if (before.size === 0) continue;
      for (const country of new Set(signIns.filter((e) => e.createdAt! >= start).map((e) => e.country!))) {
        if (!before.has(country)) expected.add(`${user} ${country}`);
      }
    }
    assert.ok(expected.size > 0, 'the demo pool has sign-ins from new countries');
    assert.deepEqual(new Set(rows().map((r) => `${r.cells.user} ${r.cells.country}`)), expected);
    await backToUsers();
  });

  it(':ask history USER: the user\'s whole history in the range; V: the events tagged Invalid', async () => {
    await h.submit(':', `ask history ${TAKEOVER_USERNAME} 30d`);
    await h.waitForText(/Query 30 days of user activity/);
    await h.press('y');
    await answered();
    const mine = truth.get(TAKEOVER_USERNAME)!.filter((e) => inRange(e, NOW - 30 * DAY)).map((e) => e.id).sort();
    assert.ok(mine.length > 0);
    assert.deepEqual(rows().map((r) => r.cells['message.eventId']).sort(), mine);
    await backToUsers();
    await h.submit(':', 'since 30d');
    await h.press('V');
    await h.waitForText(/Query 30 days of user activity/);
    await h.press('y');
    await answered();
    const invalid = [...truth.values()].flat().filter((e) => inRange(e, NOW - 30 * DAY) && e.feedback?.value === 'Invalid').map((e) => e.id).sort();
    assert.ok(invalid.length > 0, 'the demo pool has events tagged Invalid');
    assert.deepEqual(rows().map((r) => r.cells['message.eventId']).sort(), invalid);
    await backToUsers();
  });

  it(':query runs a raw query: the columns it returned, exported like events', async () => {
    await h.submit(':', 'since 24h');
    await h.submit(':', 'query stats count(*) as n by message.eventResponse | sort n desc');
    await answered();
    assert.deepEqual(run()!.columns, ['message.eventResponse', 'n']);
    const byResponse = new Map<string, number>();
    for (const e of [...truth.values()].flat()) if (inRange(e, NOW - DAY)) byResponse.set(e.response!, (byResponse.get(e.response!) ?? 0) + 1);
    assert.deepEqual(new Map(rows().map((r) => [r.cells['message.eventResponse']!.toLowerCase(), Number(r.cells.n)])),
      new Map([...byResponse].map(([k, v]) => [k.toLowerCase(), v])));
    await h.waitForText('EVENTRESPONSE');
    await h.press('e');
    await h.waitForText(/Exported \d+ rows to /);
    const path = /Exported \d+ rows to (\S+\.json)/.exec(h.store.getState().flash!.text)![1]!;
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { columns: string[]; rows: Record<string, string>[]; query: string };
    assert.deepEqual(exported.columns, ['message.eventResponse', 'n']);
    assert.equal(exported.rows.length, rows().length);
    assert.equal(exported.query, 'stats count(*) as n by message.eventResponse | sort n desc');
    await backToUsers();
  });

  it('enter on a row that names the user by sub opens them under the pool\'s username (looked up, never AdminGetUser)', async () => {
    await h.submit(':', `query fields message.userSub | filter message.userName = "${TAKEOVER_USERNAME}" | limit 1`);
    await answered();
    assert.deepEqual(run()!.columns, ['message.userSub']);
    await h.press('enter');
    await waitFor(() => {
      const route = currentRoute(h.store.getState());
      return route.view === 'user' && route.username === TAKEOVER_USERNAME;
    }, 10_000, 'the user view under the canonical username');
    assert.equal(h.count('AdminGetUser'), 0);
    await h.press('escape');
    await backToUsers();
  });

  it('a query error from the service is one line naming the query and the cause', async () => {
    await h.submit(':', 'query stats bogus(( by');
    await waitFor(() => run()?.endedAt !== undefined, 20_000, 'the query to fail');
    assert.equal(run()!.status, 'Failed');
    assert.match(run()!.error!, /^query "stats bogus\(\( by" failed: The query is not valid Logs Insights: .+/);
    await h.waitForText('✖ query "stats bogus(( by" failed');
    await backToUsers();
  });
});

describe('cancelling a pool-wide query (ink, real SDK)', () => {
  it('esc while the query runs sends StopQuery, seen at the server, and the view says it stopped', async () => {
    const h = await startApp({
      emulator: { usersInLargePool: 50, now: NOW, queryLatencyMs: 60_000 }, deepLink: { pool: LARGE_POOL_ID },
      deps: { now: () => NOW, queryPoll: { firstMs: 5, factor: 1.5, maxMs: 50 } },
    });
    try {
      await h.waitForText(/\d+\+? users/);
      await h.press('A');
      await h.waitForText('esc stops it (StopQuery)');
      await waitFor(() => h.count('GetQueryResults') >= 2, 10_000, 'polls');
      await h.waitForText(/(Scheduled|Running) · \d+ records matched/);
      await h.press('escape');
      await waitFor(() => h.count('StopQuery') === 1, 10_000, 'StopQuery at the server');
      await h.waitForText(/Stopped :ask attention \(StopQuery\)/);
      await h.waitForText('Cancelled');
      assert.equal(currentRoute(h.store.getState()).view, 'query');
    } finally {
      await h.close();
    }
  });
});

describe('where the user activity goes, per pool of the emulator (ink, real SDK)', () => {
  it('S3 and Firehose: not queryable here, the sweep offered; none: how to turn it on; nothing is queried', async () => {
    const h = await startApp({ emulator: { usersInLargePool: 50, now: NOW }, deepLink: { pool: AUDIT_POOL_ID }, deps: { now: () => NOW } });
    try {
      await h.waitForText(/\d+\+? users/);
      await h.press('A');
      await h.waitForText('User activity goes to S3: not queryable here; the sweep can still look');
      await h.press('n');
      await h.submit(':', `pool ${NO_ALIAS_POOL_ID}`);
      await h.waitForText(/\d+\+? users/);
      await h.press('A');
      await h.waitForText('User activity goes to Firehose: not queryable here; the sweep can still look');
      await h.press('y');
      await h.waitForText(/Sweep .* for risky events\?/);
      await h.press('n');
      await h.submit(':', `pool ${EMPTY_POOL_ID}`);
      await h.press('A');
      await h.waitForText('This pool exports no user activity');
      assert.equal(h.count('GetLogDeliveryConfiguration'), 3);
      assert.equal(h.count('StartQuery'), 0);
    } finally {
      await h.close();
    }
  });
});

describe('the results at 80×24 (ink, real SDK)', () => {
  it('every line fits, the progress and the footer show, and ] reaches the columns that did not fit', async () => {
    const h = await startApp({
      emulator: { usersInLargePool: 50, now: NOW }, deepLink: { pool: LARGE_POOL_ID }, columns: 80, rows: 24,
      deps: { now: () => NOW, queryPoll: { firstMs: 5, factor: 1.5, maxMs: 50 } },
    });
    try {
      await h.waitForText(/\d+\+? users/);
      await h.submit(':', 'since 30d');
      await h.submit(':', 'ask history maria.garcia');
      await h.waitForText(/Query 30 days/);
      await h.press('y');
      const frame = await h.waitForText(/Complete · /, 20_000);
      for (const line of frame.split('\n')) assert.ok([...line].length <= 80, `too wide: ${line}`);
      assert.match(frame, /\? help/);
      assert.doesNotMatch(frame, /USERNAME/);
      for (let i = 0; i < 12; i++) await h.press(']');
      await h.waitForText('USERNAME');
    } finally {
      await h.close();
    }
  });
});

describe('denied (ink, real SDK, the emulator injecting the denials)', () => {
  it('GetLogDeliveryConfiguration denied: says so and names --log-group; :log-group then works; StartQuery denied names logs:StartQuery', async () => {
    const h = await startApp({
      emulator: { usersInLargePool: 50, now: NOW, faults: { operationErrors: { GetLogDeliveryConfiguration: { type: 'NotAuthorizedException' } } } },
      deepLink: { pool: LARGE_POOL_ID }, columns: 200, deps: { now: () => NOW, queryPoll: { firstMs: 5, factor: 1.5, maxMs: 50 } },
    });
    try {
      await h.waitForText(/\d+\+? users/);
      await h.press('A');
      await h.waitForText(/Not allowed to read where user activity goes \(.*cognito-idp:GetLogDeliveryConfiguration.*\) — name the log group with --log-group or :log-group NAME/);
      assert.equal(h.count('StartQuery'), 0);
      await h.submit(':', `log-group /aws/vendedlogs/cognito/${LARGE_POOL_ID}/user-activity`);
      await h.press('A');
      await h.waitForText(/Complete · /, 20_000);
      await h.press('escape');
      h.emulator.setFaults({ operationErrors: { StartQuery: { type: 'AccessDeniedException' } } });
      await h.press('V');
      await h.waitForText(/:ask invalid failed: Not allowed to call StartQuery: add logs:StartQuery to your IAM policy/, 20_000);
    } finally {
      await h.close();
    }
  });
});
