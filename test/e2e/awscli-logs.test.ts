import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { activityLogGroupName, startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { logsClient, rowsOf, runQuery } from '../emulator/logs-helpers.ts';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
const skip = !existsSync(AWS) && !process.env.CI ? 'the AWS CLI v2 is not at /usr/bin/aws (apt-get install awscli)' : false;
const QUERY = 'filter message.riskDecision != "PASS" | stats count(*) as risky, count_distinct(message.ipAddress) as ips by message.userName | sort risky desc, message.userName asc | limit 20';

describe('aws logs start-query and get-query-results against the emulator', { skip }, () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ port: 0, usersInLargePool: 300 }); });
  after(async () => { await emu.close(); });

  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(AWS, ['logs', ...args, '--endpoint-url', emu.url, '--region', 'us-east-1', '--output', 'json'], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_PROFILE: undefined, AWS_DEFAULT_PROFILE: undefined },
      timeout: 60_000,
    });
    return (stdout.trim() === '' ? {} : JSON.parse(stdout)) as Record<string, unknown>;
  }

  it('returns the rows the SDK gets for the same query', async () => {
    const end = Math.floor(Date.now() / 1000);
    const start = end - 7 * 86_400;
    const group = activityLogGroupName(LARGE_POOL_ID);
    const started = await aws('start-query', '--log-group-name', group, '--start-time', String(start), '--end-time', String(end), '--query-string', QUERY);
    assert.match(String(started.queryId), /^[0-9a-f-]{36}$/);
    const answer = (await waitFor(async () => {
      const r = await aws('get-query-results', '--query-id', String(started.queryId));
      return r.status === 'Complete' ? r : undefined;
    }, 60_000, 'the CLI query to complete')) as Record<string, unknown>;
    const cliRows = (answer.results as Array<Array<{ field: string; value: string }>>).map((row) => Object.fromEntries(row.map((f) => [f.field, f.value])));
    const sdk = await runQuery(logsClient(emu), group, QUERY, start, end);
    assert.deepEqual(cliRows, rowsOf(sdk));
    assert.ok(cliRows.length > 0 && cliRows.length <= 20);
    const stats = answer.statistics as Record<string, number>;
    assert.equal(stats.recordsScanned, sdk.statistics?.recordsScanned);
    assert.ok(emu.requests.some((r) => r.operation === 'GetQueryResults' && r.service === 'CloudWatch Logs'));
  });
});
