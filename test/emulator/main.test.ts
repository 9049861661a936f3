import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { HOSTILE_USER_COUNT } from '../../src/emulator/cognito/hostile.ts';
import { AUDIT_POOL_ID, EMPTY_POOL_ID, LARGE_POOL_ID, OFF_POOL_ID, startEmulator } from '../../src/emulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { rawCall } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/run-emulator-command.ts', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = once(child, 'close').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exit };
}

function outputContaining(r: Run, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (r.stdout().includes(text)) {
        r.child.stdout?.off('data', check);
        resolve(r.stdout());
      }
    };
    r.child.stdout?.on('data', check);
    r.exit.then(() => reject(new Error(`exited before printing "${text}": ${r.stderr()}`)), reject);
    check();
  });
}

describe('runEmulatorCommand', () => {
  it('prints usage for --help and exits 0', async () => {
    const r = run(['--help']);
    assert.equal(await r.exit, 0);
    assert.match(r.stdout(), /^Usage: cognito-tui emulator/);
    assert.match(r.stdout(), /--throttle-rate X/);
  });

  for (const [args, message] of [
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, got "abc"/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--throttle-rate', '2'], /--throttle-rate must be a number from 0 to 1/],
    [['--latency-ms', '-5'], /--latency-ms needs a value; write --latency-ms=VALUE/],
    [['--latency-ms=-5'], /--latency-ms must be a whole number/],
    [['--port'], /Option '--port <value>' argument missing/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--log-users', '5'], /--log-users and --log-days go with --log-events N/],
    [['--log-events', '0'], /--log-events must be a whole number from 1 to 50000000/],
    [['extra'], /extra/],
  ] as const) {
    it(`rejects ${args.join(' ')} with exit code 2 and no stack trace`, async () => {
      const r = run([...args]);
      assert.equal(await r.exit, 2);
      assert.match(r.stderr(), message);
      assert.match(r.stderr(), /cognito-tui emulator --help/);
      assert.doesNotMatch(r.stderr(), /\n\s+at /);
    });
  }

  it('serves in the foreground, prints how to use it, and stops cleanly on SIGTERM', async () => {
    const r = run(['--port', '0', '--seed', '3', '--users', '50']);
    const banner = await outputContaining(r, 'Press Ctrl+C to stop.');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
    assert.ok(url, banner);
    assert.match(banner, /Region: us-east-1/);
    assert.match(banner, /Serves: Cognito user pools, CloudWatch Logs \(Logs Insights queries\), CloudWatch \(GetMetricData\)/);
    assert.match(banner, /aws logs start-query --endpoint-url http:\/\/127\.0\.0\.1:\d+ .*--log-group-name \/aws\/vendedlogs\/cognito\/us-east-1_Qm7Rk2Tz9\/user-activity/);
    for (const id of [LARGE_POOL_ID, AUDIT_POOL_ID, OFF_POOL_ID, EMPTY_POOL_ID]) assert.ok(banner.includes(id), id);
    assert.ok(
      banner.includes(`AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws cognito-idp list-users --endpoint-url ${url[1]} --region us-east-1 --user-pool-id ${LARGE_POOL_ID}`),
    );
    const res = await rawCall({ url: url[1] }, 'ListUserPools', { MaxResults: 5 });
    assert.equal(res.status, 200);
    r.child.kill('SIGTERM');
    assert.equal(await r.exit, 0);
    assert.match(r.stdout(), /Emulator stopped\.\n$/);
  });

  it('fills the large pool\'s log group with --log-events records from --log-users users', async () => {
    const r = run(['--port', '0', '--users', '20', '--log-events', '3000', '--log-users', '40']);
    const banner = await outputContaining(r, 'Press Ctrl+C to stop.');
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
      assert.ok(url, banner);
      const logs = (operation: string, body: unknown) =>
        fetch(url[1], { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `Logs_20140328.${operation}` }, body: JSON.stringify(body) })
          .then((res) => res.json() as Promise<Record<string, unknown>>);
      const end = Math.floor(Date.now() / 1000) + 1;
      const started = await logs('StartQuery', {
        logGroupName: '/aws/vendedlogs/cognito/us-east-1_Qm7Rk2Tz9/user-activity', startTime: end - 2 * 86_400, endTime: end,
        queryString: 'stats count(*) as n, count_distinct(message.userName) as users',
      });
      const answer = await waitFor(async () => {
        const a = await logs('GetQueryResults', { queryId: started.queryId });
        return a.status === 'Complete' ? a : undefined;
      }, 30_000, 'the query to complete');
      assert.deepEqual(answer?.results, [[{ field: 'n', value: '3000' }, { field: 'users', value: '40' }]]);
    } finally {
      r.child.kill('SIGTERM');
      await r.exit;
    }
  });

  it('counts the hostile users in the banner as DescribeUserPool does', async () => {
    const r = run(['--port', '0', '--users', '50', '--hostile']);
    const banner = await outputContaining(r, 'Press Ctrl+C to stop.');
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
      assert.ok(url, banner);
      const line = banner.split('\n').find((l) => l.includes(LARGE_POOL_ID));
      assert.match(line ?? '', new RegExp(` ${50 + HOSTILE_USER_COUNT} users$`));
      const res = await rawCall({ url: url[1] }, 'DescribeUserPool', { UserPoolId: LARGE_POOL_ID });
      assert.equal((res.json.UserPool as { EstimatedNumberOfUsers: number }).EstimatedNumberOfUsers, 50 + HOSTILE_USER_COUNT);
    } finally {
      r.child.kill('SIGTERM');
      await r.exit;
    }
  });

  it('stops on SIGINT too', async () => {
    const r = run([]);
    await outputContaining(r, 'Press Ctrl+C to stop.');
    r.child.kill('SIGINT');
    assert.equal(await r.exit, 0);
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const taken = await startEmulator({ port: 0, usersInLargePool: 10 });
    try {
      const r = run(['--port', String(taken.port)]);
      assert.equal(await r.exit, 1);
      assert.match(r.stderr(), new RegExp(`could not start: port ${taken.port} is already in use`));
      assert.doesNotMatch(r.stderr(), /\n\s+at /);
    } finally {
      await taken.close();
    }
  });
});
