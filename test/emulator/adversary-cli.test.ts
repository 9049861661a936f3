import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { rawCall } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/run-emulator-command.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = once(child, 'close').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exit };
}

describe('cognito-tui emulator --adversary', () => {
  it('--help lists the modes', async () => {
    const r = run(['--help']);
    assert.equal(await r.exit, 0);
    assert.match(r.stdout(), /--adversary OP=MODE\[:ARG\]/);
    assert.match(r.stdout(), /empty-pages, same-token, repeat-pages, slowloris, hang, wrong-types, html-200, truncated-json,\s+server-error, reset, combining-flood, huge-field/);
  });

  it('misbehaves as asked on the named operation only, and says so in the banner', async () => {
    const r = run(['--port', '0', '--users', '20', '--adversary', 'ListUsers=empty-pages', '--adversary', 'DescribeUserPool=server-error']);
    try {
      await waitFor(() => r.stdout().includes('Press Ctrl+C to stop.'), 20_000, 'the banner');
      assert.match(r.stdout(), /Adversary: ListUsers answers empty-pages/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(r.stdout())![1];
      const users = await rawCall({ url }, 'ListUsers', { UserPoolId: LARGE_POOL_ID });
      assert.deepEqual(users.json.Users, []);
      assert.equal(typeof users.json.PaginationToken, 'string');
      assert.equal((await rawCall({ url }, 'DescribeUserPool', { UserPoolId: LARGE_POOL_ID })).status, 500);
      assert.equal((await rawCall({ url }, 'ListUserPools', { MaxResults: 5 })).status, 200);
    } finally {
      r.child.kill('SIGTERM');
      await r.exit;
    }
  });

  it('rejects a bad one with exit code 2 and one clear sentence', async () => {
    const r = run(['--adversary', 'ListUsers=sloth']);
    assert.equal(await r.exit, 2);
    assert.match(r.stderr(), /Unknown adversary mode "sloth" for ListUsers; the modes are empty-pages/);
    assert.doesNotMatch(r.stderr(), /\n\s+at /);
  });
});
