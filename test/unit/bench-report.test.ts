import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callWaves, describeCalls } from '../../scripts/bench/calls.ts';
import { BEGIN, END, withTable } from '../../scripts/bench/readme-table.ts';
import { pooled } from '../../scripts/bench/stats.ts';

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
