import assert from 'node:assert/strict';
import { NO_CONFIG } from '../../src/config/config-types.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createFileJournal } from '../../src/journal/file-journal.ts';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { QueryRow } from '../../src/store/logs-state.ts';
import type { PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import { currentRoute } from '../../src/store/selectors.ts';
import { makeUsers } from '../helpers/fake-gateway.ts';
import { complete, FakeLogsGateway } from '../helpers/fake-logs-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const GROUP = '/aws/cognito/pool-one';
const NOW = Date.UTC(2026, 10, 29, 14, 0, 0);
const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'query-store-'));
  dirs.push(dir);
  return dir;
}

function setup(opts: { logGroup?: string; configGroup?: string; delivery?: FakeLogsGateway['delivery'] } = {}) {
  const gw = new FakeLogsGateway();
  gw.users = makeUsers(5);
  gw.delivery = opts.delivery ?? { poolId: POOL, userAuthEvents: { kind: 'cloudwatch', arn: `arn:aws:logs:us-test-1:1:log-group:${GROUP}`, logGroupName: GROUP, level: 'INFO' } };
  const exportDir = tempDir();
  const journalDir = tempDir();
  const store = createAppStore({
    gateway: gw, listRows: 20, now: () => NOW, exportDir, journal: createFileJournal(journalDir, () => NOW),
    queryPoll: { firstMs: 1, factor: 1, maxMs: 1 }, ...(opts.logGroup ? { logGroup: opts.logGroup } : {}),
    ...(opts.configGroup ? { config: { ...NO_CONFIG, pools: { [POOL]: { logGroup: opts.configGroup } } } } : {}),
  });
  store.getState().actions.push({ view: 'pools' });
  store.getState().actions.push({ view: 'users', poolId: POOL });
  const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, k.length === 1 ? k : ''); };
  const rows = () => {
    const route = currentRoute(store.getState());
    if (route.view !== 'query') return undefined;
    return store.getState().lists[listKey({ kind: 'query', poolId: POOL, run: route.run })] as PagedList<QueryRow> | undefined;
  };
  const run = () => {
    const route = currentRoute(store.getState());
    return route.view === 'query' ? store.getState().logs.runs[route.run] : undefined;
  };
  return { gw, store, press, rows, run, exportDir, journalDir };
}

const ATTENTION_ROWS = [
  { 'message.userName': 'user00001', events: '5', worst: '16', high: '0', medium: '2', decided: '0', compromised: '0', failed: '3', last: '2026-11-29 13:01:00.000' },
  { 'message.userName': 'user00002', events: '1', worst: '31', high: '1', medium: '0', decided: '1', compromised: '1', failed: '1', last: '2026-11-29 13:58:30.000' },
];

describe('pool-wide queries: discovery', () => {
  it('CloudWatch Logs: A on the users list asks the pool\'s group over the last 24 h, ranked worst first with counts', async () => {
    const { gw, store, press, rows, run } = setup();
    gw.script = [{ status: 'Running', columns: [], rows: [], statistics: { recordsScanned: 10 } }, complete(ATTENTION_ROWS)];
    press('A');
    await waitFor(() => run()?.status === 'Complete');
    assert.equal(gw.count('GetLogDeliveryConfiguration'), 1);
    assert.deepEqual(gw.started.map((q) => [q.logGroups, q.startMs, q.endMs, q.limit]), [[[GROUP], NOW - 86_400_000, NOW, 10_000]]);
    assert.match(gw.started[0]!.query, /stats count\(\*\) as events, max\(severity\) as worst, .* by message\.userName\n\| sort worst desc\n\| limit 10000$/);
    assert.ok(gw.count('GetQueryResults') >= 2);
    assert.deepEqual(rows()!.items.map((r) => [r.cells.user, r.cells.worst, r.cells.events, r.cells.high, r.cells.failed, r.cells.compromised]),
      [['user00002', '▲▲ High ✖ AccountTakeover !CC', '1', '1', '1', '1'], ['user00001', '▲ Medium –', '5', '0', '3', '0']]);
    assert.equal(run()!.newestMs, Date.UTC(2026, 10, 29, 13, 58, 30));
    assert.equal(store.getState().logs.sources[POOL]?.state, 'group');
  });

  for (const [kind, arn, words] of [
    ['s3', 'arn:aws:s3:::activity-bucket', /User activity goes to S3: not queryable here; the sweep can still look/],
    ['firehose', 'arn:aws:firehose:us-test-1:1:deliverystream/activity', /User activity goes to Firehose: not queryable here; the sweep can still look/],
  ] as const) {
    it(`${kind}: says so and offers the sweep instead; no query is started`, async () => {
      const { gw, store, press } = setup({ delivery: { poolId: POOL, userAuthEvents: { kind, arn } } });
      press('A');
      await waitFor(() => store.getState().confirm);
      const dialog = store.getState().confirm!;
      assert.match(String(dialog.title), words);
      assert.equal('yesLabel' in dialog ? dialog.yesLabel : '', 'sweep');
      press('y');
      await waitFor(() => /^Sweep /.test(String((store.getState().confirm?.title as (s: unknown) => string)?.(store.getState()) ?? '')));
      assert.equal(gw.started.length, 0);
    });
  }

  it('none configured: says how to turn export on (Plus plan, threat protection, group in the same account, INFO)', async () => {
    const { gw, store, press } = setup({ delivery: { poolId: POOL } });
    press('A');
    await waitFor(() => store.getState().confirm);
    const title = String(store.getState().confirm!.title);
    assert.match(title, /exports no user activity/);
    assert.match(title, /Plus feature plan with threat protection active/);
    assert.match(title, /CloudWatch Logs group in the same account/);
    assert.match(title, /userAuthEvents, INFO/);
    assert.equal(gw.started.length, 0);
  });

  it('access denied: says so and points at --log-group', async () => {
    const { gw, store, press } = setup({
      delivery: new GatewayError({ kind: 'permission', retryable: false, operation: 'GetLogDeliveryConfiguration', message: 'Not allowed to call GetLogDeliveryConfiguration: add cognito-idp:GetLogDeliveryConfiguration to your IAM policy for this pool.' }),
    });
    press('A');
    await waitFor(() => store.getState().flash);
    assert.match(store.getState().flash!.text, /^Not allowed to read where user activity goes \(.*cognito-idp:GetLogDeliveryConfiguration.*\) — name the log group with --log-group or :log-group NAME\.$/);
    assert.equal(gw.started.length, 0);
    assert.equal(store.getState().logs.sources[POOL]?.state, 'denied');
  });

  it('--log-group names the group without asking Cognito; :log-group names another for the open pool', async () => {
    const { gw, store, press, run } = setup({ logGroup: '/copied/activity' });
    press('A');
    await waitFor(() => run()?.status === 'Complete');
    assert.equal(gw.count('GetLogDeliveryConfiguration'), 0);
    assert.deepEqual(gw.started[0]!.logGroups, ['/copied/activity']);
    press('escape');
    store.getState().actions.setLogGroup('/other/group');
    press('V');
    await waitFor(() => gw.started.length === 2 && run()?.status === 'Complete');
    assert.deepEqual(gw.started[1]!.logGroups, ['/other/group']);
    assert.match(gw.started[1]!.query, /eventFeedbackValue like \/\(\?i\)\^invalid\$\//);
  });

  it('pools.<id>.logGroup in the config file names the pool\'s group without asking Cognito; --log-group and :log-group win over it', async () => {
    const configured = setup({ configGroup: '/from/config' });
    configured.press('A');
    await waitFor(() => configured.run()?.status === 'Complete');
    assert.equal(configured.gw.count('GetLogDeliveryConfiguration'), 0);
    assert.deepEqual(configured.gw.started[0]!.logGroups, ['/from/config']);
    assert.equal(configured.store.getState().logs.sources[POOL], undefined);
    configured.press('escape');
    configured.store.getState().actions.setLogGroup('/from/command');
    configured.press('V');
    await waitFor(() => configured.gw.started.length === 2 && configured.run()?.status === 'Complete');
    assert.deepEqual(configured.gw.started[1]!.logGroups, ['/from/command']);

    const flagged = setup({ configGroup: '/from/config', logGroup: '/from/flag' });
    flagged.press('A');
    await waitFor(() => flagged.run()?.status === 'Complete');
    assert.equal(flagged.gw.count('GetLogDeliveryConfiguration'), 0);
    assert.deepEqual(flagged.gw.started[0]!.logGroups, ['/from/flag']);
  });
});

describe('pool-wide queries: the run', () => {
  it('esc while it runs sends StopQuery for its id and says it stopped', async () => {
    const { gw, store, press, run } = setup();
    gw.script = [{ status: 'Running', columns: [], rows: [], statistics: { recordsScanned: 5, bytesScanned: 100 } }];
    press('A');
    await waitFor(() => run()?.status === 'Running' && gw.count('GetQueryResults') >= 2);
    press('escape');
    await waitFor(() => run()?.status === 'Cancelled');
    assert.deepEqual(gw.stopped, ['query-1']);
    assert.match(store.getState().flash!.text, /^Stopped :ask attention \(StopQuery\)/);
    assert.equal(currentRoute(store.getState()).view, 'query');
  });

  it('the end of a session stops every query still running (StopQuery), the IP pivot\'s too, and waits for their journal lines', async () => {
    const { gw, store, press, journalDir } = setup();
    assert.equal(await store.getState().actions.stopQueries(1000), 0, 'nothing running: nothing stopped');
    gw.script = [{ status: 'Running', columns: [], rows: [], statistics: { recordsScanned: 5, bytesScanned: 100 } }];
    press('A');
    await waitFor(() => gw.count('GetQueryResults') >= 1);
    store.getState().actions.push({ view: 'ip', poolId: POOL, address: '203.0.113.7' });
    await waitFor(() => gw.started.length === 2 && gw.count('GetQueryResults') >= 2);
    assert.equal(await store.getState().actions.stopQueries(2000), 2);
    assert.deepEqual([...gw.stopped].sort(), ['query-1', 'query-2']);
    const lines = createFileJournal(journalDir).read('2026-11-29');
    assert.deepEqual(lines.map((l) => [l.write, l.parameters.status]).sort(), [['query attention', 'Cancelled'], ['query ip', 'Cancelled']]);
  });

  it('a range over 7 days asks first; a service error is one line naming the query and the cause', async () => {
    const { gw, store, run } = setup();
    store.getState().actions.setTimeRange('8d');
    gw.startFailure = new GatewayError({ kind: 'invalid-input', retryable: false, operation: 'StartQuery', message: 'The query is not valid Logs Insights: unexpected symbol at 1:7' });
    store.getState().actions.runRawQuery('fields @@@');
    await waitFor(() => store.getState().confirm);
    assert.match(String(store.getState().confirm!.title), /^Query 8 days of user activity in \/aws\/cognito\/pool-one\?$/);
    assert.equal(gw.count('StartQuery'), 0);
    store.getState().actions.confirmYes();
    await waitFor(() => run()?.status === 'Failed');
    assert.equal(run()!.error, 'query "fields @@@" failed: The query is not valid Logs Insights: unexpected symbol at 1:7');
    assert.equal(store.getState().flash!.text, run()!.error);
  });

  it('10,000 rows: says the answer was cut at the limit and how to narrow it', async () => {
    const { gw, store, run } = setup();
    gw.script = [complete(Array.from({ length: 10_000 }, (_, i) => ({ '@timestamp': '2026-11-29 13:00:00.000', n: String(i) })))];
    store.getState().actions.runRawQuery('fields @timestamp');
    await waitFor(() => run()?.status === 'Complete');
    assert.equal(run()!.truncated, true);
    assert.match(store.getState().flash!.text, /^Cut at the service's limit of 10,000 rows: narrow the range \(:since\) or add a filter/);
  });

  it('raw results keep the columns the query returned; export writes them; the journal records the query and its figures', async () => {
    const { gw, store, press, rows, run, exportDir, journalDir } = setup();
    gw.script = [complete([
      { '@timestamp': '2026-11-29 13:02:11.000', 'message.userName': 'user00003', 'message.ipAddress': '203.0.113.7' },
      { '@timestamp': '2026-11-29 12:00:00.000', 'message.ipAddress': '198.51.100.9' },
    ], { recordsMatched: 2, recordsScanned: 1500, bytesScanned: 307_200 })];
    store.getState().actions.runRawQuery('fields @timestamp, message.userName, message.ipAddress');
    await waitFor(() => run()?.status === 'Complete');
    assert.deepEqual(run()!.columns, ['@timestamp', 'message.userName', 'message.ipAddress']);
    assert.deepEqual(rows()!.items.map((r) => [r.user, r.ip]), [['user00003', '203.0.113.7'], [undefined, '198.51.100.9']]);
    press('E');
    await waitFor(() => /^Exported 2 rows to /.test(store.getState().flash?.text ?? ''));
    const csvPath = store.getState().flash!.text.replace(/^Exported 2 rows to /, '');
    assert.equal(readFileSync(csvPath, 'utf8'), "'@timestamp,message.userName,message.ipAddress\r\n2026-11-29 13:02:11.000,user00003,203.0.113.7\r\n2026-11-29 12:00:00.000,,198.51.100.9\r\n");
    assert.ok(csvPath.startsWith(exportDir));
    const journal = createFileJournal(journalDir).read('2026-11-29');
    assert.equal(journal.length, 1);
    assert.deepEqual([journal[0]!.action, journal[0]!.outcome, journal[0]!.parameters], ['query', 'ok', {
      query: 'fields @timestamp, message.userName, message.ipAddress', start: '2026-11-28T14:00:00.000Z', end: '2026-11-29T14:00:00.000Z',
      logGroup: GROUP, status: 'Complete', rows: '2', queryId: 'query-1', recordsMatched: '2', recordsScanned: '1500', bytesScanned: '307200',
    }]);
  });

  it('enter on a row with a user opens that user; on a row with only an IP, the IP pivot; space marks users only', async () => {
    const { gw, store, press, run } = setup();
    gw.script = [complete([{ 'message.userName': 'user00003', 'message.ipAddress': '203.0.113.7' }, { 'message.ipAddress': '198.51.100.9' }])];
    store.getState().actions.runRawQuery('fields message.userName, message.ipAddress');
    await waitFor(() => run()?.status === 'Complete');
    const ref = { kind: 'query' as const, poolId: POOL, run: run()!.id };
    press('space');
    assert.deepEqual(store.getState().marks[listKey(ref)], { user00003: true });
    press('space');
    assert.match(store.getState().flash!.text, /This row names no user to mark/);
    press('enter');
    assert.deepEqual(currentRoute(store.getState()), { view: 'ip', poolId: POOL, address: '198.51.100.9' });
    press('escape', 'k', 'enter');
    assert.deepEqual(currentRoute(store.getState()), { view: 'user', poolId: POOL, username: 'user00003' });
  });

  it('H asks the history of the user under the cursor; a user named by email is looked up first; [ and ] scroll the table sideways', async () => {
    const { gw, store, press, run } = setup();
    await waitFor(() => store.getState().lists[listKey({ kind: 'users', poolId: POOL, filter: '' })]?.items.length === 5);
    press('j', 'H');
    await waitFor(() => run()?.status === 'Complete');
    assert.match(gw.started[0]!.query, /filter message\.userName = "user00001" or message\.userSub = "sub-1"/);
    assert.equal(run()!.title, 'history of user00001');
    press('escape');
    store.getState().actions.askQuestion('history', 'user00003@example.com');
    await waitFor(() => gw.started.length === 2 && run()?.status === 'Complete');
    assert.match(gw.started[1]!.query, /filter message\.userName = "user00003" or message\.userSub = "sub-3"/);
    press('escape');
    gw.script = [complete([{ a: '1', b: '2', c: '3' }])];
    store.getState().actions.runRawQuery('fields a, b, c');
    await waitFor(() => run()?.status === 'Complete' && run()!.columns.length === 3);
    press(']', ']', ']', ']');
    assert.equal(run()!.firstColumn, 2);
    press('[');
    assert.equal(run()!.firstColumn, 1);
  });

  it('the IP pivot asks the logs for every user of the address once the group is known, and journals that query', async () => {
    const { gw, store, journalDir } = setup();
    gw.scripts.set('message.ipAddress = "203.0.113.7"', [complete([
      { 'message.userName': 'user00004', 'message.riskLevel': 'HIGH', 'message.riskDecision': 'BLOCK', 'message.eventResponse': 'Fail', 'message.compromisedCredentialDetected': 'false', events: '3', last: '2026-11-29 13:00:00.000' },
      { 'message.userName': 'user00002', 'message.riskLevel': '', 'message.riskDecision': 'PASS', 'message.eventResponse': 'Pass', 'message.compromisedCredentialDetected': 'false', events: '1', last: '2026-11-29 11:00:00.000' },
    ])]);
    store.getState().actions.push({ view: 'ip', poolId: POOL, address: '203.0.113.7' });
    const ref = listKey({ kind: 'ip', poolId: POOL, address: '203.0.113.7' });
    await waitFor(() => (store.getState().lists[ref]?.items.length ?? 0) === 2);
    const items = store.getState().lists[ref]!.items as { user: { username: string }; events: number; worst: { riskDecision?: string } }[];
    assert.deepEqual(items.map((r) => [r.user.username, r.events, r.worst.riskDecision]), [['user00004', 3, 'Block'], ['user00002', 1, 'NoRisk']]);
    assert.equal(gw.started[0]!.endMs - gw.started[0]!.startMs, 86_400_000);
    const journal = await waitFor(() => createFileJournal(journalDir).read('2026-11-29').find((l) => l.write === 'query ip'));
    assert.equal(journal.parameters.rows, '2');
  });

  it('users marked in the results are what :contain acts on', async () => {
    const { gw, store, press, run } = setup();
    gw.script = [complete([{ 'message.userName': 'user00001' }, { 'message.userName': 'user00002' }, { 'message.userName': 'user00003' }])];
    store.getState().actions.runRawQuery('fields message.userName');
    await waitFor(() => run()?.status === 'Complete');
    press('space', 'j', 'space');
    store.getState().actions.askContain();
    const dialog = await waitFor(() => store.getState().confirm);
    const title = typeof dialog.title === 'function' ? dialog.title(store.getState()) : dialog.title;
    assert.match(title, /2 users/);
    assert.equal(dialog.kind, 'checklist');
    const lines = dialog.kind === 'checklist' ? dialog.describe(dialog.steps).join('\n') : '';
    assert.match(lines, /user00001/);
    assert.match(lines, /user00003/);
    assert.doesNotMatch(lines, /user00002/);
  });

  it(':query alone opens the command line with "query " typed; :since changes the range of the open pool only', async () => {
    const { store, press } = setup();
    press(':');
    for (const ch of 'query') press(ch);
    press('enter');
    assert.equal(store.getState().prompt?.text, 'query ');
    press('escape');
    store.getState().actions.setTimeRange('2026-11-01 2026-11-03');
    assert.deepEqual(store.getState().logs.ranges[POOL], { kind: 'between', startMs: Date.UTC(2026, 10, 1), endMs: Date.UTC(2026, 10, 3, 23, 59, 59, 999) });
    assert.equal(store.getState().logs.ranges['us-test-1_Pool2'], undefined);
    assert.match(store.getState().flash!.text, /now read the 2026-11-01 00:00Z → 2026-11-03 23:59Z/);
  });

  it(':log-group warns when DescribeLogGroups knows no such group, and is quiet when it does', async () => {
    const { gw, store } = setup();
    gw.logGroups = [{ name: '/aws/cognito/there' }];
    store.getState().actions.setLogGroup('/aws/cognito/there');
    await waitFor(() => gw.count('DescribeLogGroups') === 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(store.getState().flash!.text, /^User activity: CloudWatch Logs group \/aws\/cognito\/there: :ask and :query read it\.$/);
    store.getState().actions.setLogGroup('/aws/cognito/typo');
    await waitFor(() => /no group named/.test(store.getState().flash?.text ?? ''));
    assert.equal(store.getState().flash!.text, 'CloudWatch Logs has no group named /aws/cognito/typo in us-test-1 (DescribeLogGroups): queries will fail until the name is right.');
  });
});
