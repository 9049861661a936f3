import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, FilterLogEventsCommand, GetQueryResultsCommand, LimitExceededException,
  MalformedQueryException, PutLogEventsCommand, ResourceAlreadyExistsException, ResourceNotFoundException, InvalidParameterException, StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { waitFor } from '../helpers/wait-for.ts';
import { useEmulator } from './helpers.ts';
import { logsClient, rowsOf, runQuery } from './logs-helpers.ts';

const GROUP = '/test/app';
const STREAM = 'web-1';

async function putEvents(fx: ReturnType<typeof useEmulator>, count: number, start: number): Promise<Array<{ timestamp: number; message: string }>> {
  const logs = logsClient(fx.emu);
  const events = Array.from({ length: count }, (_, i) => ({ timestamp: start + i * 10, message: JSON.stringify({ level: i % 3 === 0 ? 'ERROR' : 'INFO', user: `u${i % 7}`, n: i }) }));
  for (let i = 0; i < events.length; i += 5000) {
    await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, logEvents: events.slice(i, i + 5000) }));
  }
  return events;
}

describe('CloudWatch Logs in the emulator, through the real SDK client', () => {
  const fx = useEmulator({ usersInLargePool: 50, queryLatencyMs: 0 });
  const now = Date.now();

  it('creates a group and a stream, stores events, lists and filters them', async () => {
    const logs = logsClient(fx.emu);
    await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await assert.rejects(logs.send(new CreateLogGroupCommand({ logGroupName: GROUP })), ResourceAlreadyExistsException);
    await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: STREAM }));
    await assert.rejects(logs.send(new CreateLogStreamCommand({ logGroupName: '/missing', logStreamName: STREAM })), ResourceNotFoundException);
    await assert.rejects(logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'nope', logEvents: [{ timestamp: now, message: 'x' }] })), ResourceNotFoundException);
    await assert.rejects(
      logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, logEvents: [{ timestamp: now, message: 'b' }, { timestamp: now - 1, message: 'a' }] })),
      InvalidParameterException,
    );
    const old = await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, logEvents: [{ timestamp: now - 15 * 86_400_000, message: 'too old' }, { timestamp: now - 60_000, message: 'plain text ERROR line' }] }));
    assert.deepEqual(old.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1 });
    const events = await putEvents(fx, 30, now - 50_000);
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/test/' }));
    assert.deepEqual(groups.logGroups?.map((g) => g.logGroupName), [GROUP]);
    assert.ok((groups.logGroups?.[0].storedBytes ?? 0) > 0);
    const errors = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: '{ $.level = "ERROR" }', startTime: now - 60_000 }));
    assert.deepEqual(errors.events?.map((e) => e.message), events.filter((e) => JSON.parse(e.message).level === 'ERROR').map((e) => e.message));
    const words = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: 'ERROR line' }));
    assert.deepEqual(words.events?.map((e) => e.message), ['plain text ERROR line']);
    const paged = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 10 }));
    assert.equal(paged.events?.length, 10);
    const rest = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 100, nextToken: paged.nextToken }));
    assert.equal(rest.events?.length, 21);
  });

  it('answers a Logs Insights query over the events sent, with statistics', async () => {
    const logs = logsClient(fx.emu);
    const out = await runQuery(logs, GROUP, 'filter level = "ERROR" | stats count(*) as n, max(n) as top by user | sort user asc', Math.floor(now / 1000) - 3600, Math.floor(now / 1000) + 60);
    assert.equal(out.status, 'Complete');
    const sent = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 === 0);
    const expected = [...new Set(sent.map((i) => `u${i % 7}`))].sort().map((user) => {
      const mine = sent.filter((i) => `u${i % 7}` === user);
      return { user, n: String(mine.length), top: String(Math.max(...mine)) };
    });
    assert.deepEqual(rowsOf(out), expected);
    assert.equal(out.statistics?.recordsScanned, 31);
    assert.equal(out.statistics?.recordsMatched, sent.length);
    assert.ok((out.statistics?.bytesScanned ?? 0) > 0);
  });

  it('refuses a malformed query with where it went wrong, a missing group and an inverted time range', async () => {
    const logs = logsClient(fx.emu);
    const t = Math.floor(now / 1000);
    const bad = await logs.send(new StartQueryCommand({ logGroupName: GROUP, queryString: 'fields a | filter b ==', startTime: t - 60, endTime: t })).catch((e: unknown) => e);
    assert.ok(bad instanceof MalformedQueryException, String(bad));
    assert.match(bad.message, /character 22, found "="/);
    assert.deepEqual(bad.queryCompileError?.location, { startCharOffset: 21, endCharOffset: 22 });
    await assert.rejects(logs.send(new StartQueryCommand({ logGroupName: '/nope', queryString: 'fields a', startTime: t - 60, endTime: t })), (e: Error) => e instanceof ResourceNotFoundException && /nope/.test(e.message));
    await assert.rejects(logs.send(new StartQueryCommand({ logGroupName: GROUP, queryString: 'fields a', startTime: t, endTime: t - 60 })), InvalidParameterException);
  });

  it('queries several groups at once, telling them apart by @log', async () => {
    const logs = logsClient(fx.emu);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/test/other' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/test/other', logStreamName: 's' }));
    await logs.send(new PutLogEventsCommand({ logGroupName: '/test/other', logStreamName: 's', logEvents: [0, 1, 2].map((i) => ({ timestamp: now - 30_000 + i, message: JSON.stringify({ level: 'ERROR', user: 'x' }) })) }));
    const t = Math.floor(now / 1000);
    const { queryId } = await logs.send(new StartQueryCommand({ logGroupNames: [GROUP, '/test/other'], queryString: 'filter level = "ERROR" | stats count(*) as n by @log | sort @log asc', startTime: t - 3600, endTime: t + 60 }));
    const out = await waitFor(async () => {
      const r = await logs.send(new GetQueryResultsCommand({ queryId }));
      return r.status === 'Complete' ? r : undefined;
    }, 10_000, 'the query to complete');
    assert.deepEqual(rowsOf(out as NonNullable<typeof out>), [{ '@log': '123456789012:/test/app', n: '10' }, { '@log': '123456789012:/test/other', n: '3' }]);
  });

  it('cuts results at 10,000 rows', async () => {
    const logs = logsClient(fx.emu);
    await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'bulk' }));
    const start = now - 3_000_000;
    for (let b = 0; b < 3; b += 1) {
      const batch = Array.from({ length: 3500 }, (_, i) => ({ timestamp: start + (b * 3500 + i) * 100, message: `line ${b * 3500 + i}` }));
      await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'bulk', logEvents: batch }));
    }
    const out = await runQuery(logs, GROUP, 'fields @message | filter @logStream = "bulk"', Math.floor(start / 1000) - 1, Math.floor(now / 1000) + 1);
    assert.equal(out.results?.length, 10_000);
    assert.equal(out.statistics?.recordsMatched, 10_500);
  });
});

describe('Logs Insights query lifecycle', () => {
  const fx = useEmulator({ usersInLargePool: 50, queryLatencyMs: 400, maxConcurrentQueries: 2 });

  it('goes Scheduled → Running → Complete, and StopQuery cancels a running one', async () => {
    const logs = logsClient(fx.emu);
    await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    const t = Math.floor(Date.now() / 1000);
    const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: GROUP, queryString: 'stats count(*)', startTime: t - 60, endTime: t }));
    const seen = new Set<string>();
    await waitFor(async () => {
      const r = await logs.send(new GetQueryResultsCommand({ queryId }));
      seen.add(r.status ?? '');
      return r.status === 'Complete';
    }, 10_000, 'the query to complete');
    assert.ok(seen.has('Scheduled') || seen.has('Running'), [...seen].join());
    const second = await logs.send(new StartQueryCommand({ logGroupName: GROUP, queryString: 'stats count(*)', startTime: t - 60, endTime: t }));
    const stopped = await logs.send(new StopQueryCommand({ queryId: second.queryId }));
    assert.equal(stopped.success, true);
    assert.equal((await logs.send(new GetQueryResultsCommand({ queryId: second.queryId }))).status, 'Cancelled');
    assert.ok(fx.emu.requests.some((r) => r.operation === 'StopQuery' && r.service === 'CloudWatch Logs' && (r.body as { queryId?: string }).queryId === second.queryId));
    assert.equal((await logs.send(new StopQueryCommand({ queryId }))).success, false);
  });

  it('refuses more concurrent queries than the quota with LimitExceededException', async () => {
    const logs = logsClient(fx.emu);
    const t = Math.floor(Date.now() / 1000);
    const start = () => logs.send(new StartQueryCommand({ logGroupName: GROUP, queryString: 'stats count(*)', startTime: t - 60, endTime: t }));
    const a = await start();
    const b = await start();
    await assert.rejects(start(), LimitExceededException);
    for (const q of [a, b]) await logs.send(new StopQueryCommand({ queryId: q.queryId }));
    await start();
  });
});
