import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callWaves, describeCalls } from '../../scripts/bench/calls.ts';
import { BEGIN, END, withTable } from '../../scripts/bench/readme-table.ts';
import { pooled } from '../../scripts/bench/stats.ts';
import type { LargeListRecord } from '../../scripts/bench/large-list.ts';
import { renderTable, type BenchResult, type RunRecord } from '../../scripts/bench/report.ts';

const call = (operation: string, receivedAt: number, answeredAt: number, filter?: string) => ({ operation, receivedAt, answeredAt, filter });

test('calls sent before any answer form one wave; a call sent after an answer starts the next', () => {
  const calls = [call('AdminListUserAuthEvents', 30, 40), call('GetCallerIdentity', 2, 9), call('ListUsers', 1, 20, 'username = "a"')];
  assert.deepEqual(callWaves(calls).map((w) => w.map((c) => c.operation)), [['ListUsers', 'GetCallerIdentity'], ['AdminListUserAuthEvents']]);
  assert.equal(describeCalls(calls), 'ListUsers(username) ∥ GetCallerIdentity → AdminListUserAuthEvents');
  assert.equal(describeCalls([call('ListUserPools', 1, 5), call('DescribeUserPool', 6, 8)]), 'ListUserPools → DescribeUserPool');
  assert.equal(describeCalls([]), 'none');
});

test('a pooled distribution takes percentiles over every sample of every run and the spread of run medians', () => {
  const runs = [[1, 2, 3], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]];
  const d = pooled(runs);
  assert.equal(d.n, 13);
  assert.equal(d.p50, 40);
  assert.equal(d.p90, 90);
  assert.equal(d.worst, 100);
  assert.deepEqual(d.runMedians, [2, 55]);
});

test('the README table goes between the markers and nowhere else; missing markers are an error', () => {
  const readme = `# x\n${BEGIN}\nold table\n${END}\ntail\n`;
  assert.equal(withTable(readme, '| new |'), `# x\n${BEGIN}\n| new |\n${END}\ntail\n`);
  assert.throws(() => withTable('# no markers\n', '| t |'), /markers/);
});

function largeRecord(extra: Partial<LargeListRecord>): LargeListRecord {
  const sample = { rss: 100e6, peakRss: 120e6, heapUsed: 50e6 };
  return { users: 100_000, loaded: 100_000, loadMs: 6000, idle: sample, full: sample, loadingKeyMs: [5], loadingFloorKeyMs: [2], idleKeyMs: [3], ...extra };
}

function resultWith(list: LargeListRecord): BenchResult {
  const call = { operation: 'ListUserPools', receivedAt: 1, answeredAt: 2 };
  const startup = { node: [100], inkFloor: [300], appFloorPools: [200], poolList: [250], appFloorEvents: [200], deepLink: [300] };
  const run: RunRecord = {
    run: 1, startup, poolListCalls: [call], deepLinkCalls: [{ ...call, operation: 'ListUsers', filter: 'username = "a"' }], awsEventsMs: null,
    firstUsers: { ms: 100, listCalls: 1, eventCalls: 1 }, walk: { ms: 1000, presses: 1, listCalls: 300 }, awsListUsers: null,
    large: [{ list, raw: { ms: 4000, pages: 1667, users: 100_000 } }], sweep: { appMs: [5], floorMs: [2] },
  };
  return { when: '2026-11-29T00:00:00Z', node: 'v20', machine: '2 × cpu', cli: 'dist/cli.js', runs: [run] };
}

test('the load row names a pure load and shows the CPU split of app and emulator; an older record keeps its old label', () => {
  const pure = renderTable(resultWith(largeRecord({ loadCpu: { appMs: 3500, emulatorMs: 1200 }, keysLoadMs: 7000 })));
  const row = pure.split('\n').find((l) => l.includes('load 100,000 users to the end'));
  assert.match(row ?? '', /only `G` pressed, emulator idle at the start/);
  assert.match(row ?? '', /CPU during the load: app 3\.50 s, emulator 1\.20 s/);
  assert.match(row ?? '', /1\.50×/);
  const older = renderTable(resultWith(largeRecord({})));
  assert.match(older, /load 100,000 users to the end \(`G`, unpaced, keys pressed meanwhile\)/);
  assert.doesNotMatch(older, /CPU during the load/);
});
