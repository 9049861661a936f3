import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { sessionConfig } from '../../src/cli/session-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-user-pool-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const withPool = join(dir, 'with-pool.yaml');
writeFileSync(withPool, 'pool: eu-west-1_AbCdEf123\n');
const withoutPool = join(dir, 'without-pool.yaml');
writeFileSync(withoutPool, 'time: local\n');
const nowhere = { XDG_CONFIG_HOME: join(dir, 'none') };

const session = (argv: string[]) => sessionConfig(parseArgs(argv), nowhere);
const needsPool = (e: unknown) => e instanceof UsageError && /^--user needs --pool: the pool the user is in, e\.g\. --pool eu-west-1_AbCdEf123 --user alice/.test(e.message);

describe('--user with the pool from the config', () => {
  it('the config\'s pool is the pool --user is looked up in (and its region the region)', async () => {
    const { opts } = await session(['--config', withPool, '--user', 'alice']);
    assert.deepEqual([opts.pool, opts.user, opts.region], ['eu-west-1_AbCdEf123', 'alice', 'eu-west-1']);
  });
  it('--pool still wins over the config\'s pool', async () => {
    const { opts } = await session(['--config', withPool, '--pool', 'us-east-1_Xyz', '--user', 'bob']);
    assert.deepEqual([opts.pool, opts.user], ['us-east-1_Xyz', 'bob']);
  });
  it('no pool from either: the clear message, naming both places', async () => {
    await assert.rejects(session(['--user', 'alice']), (e: unknown) => needsPool(e) && /or pool: in the config file/.test((e as Error).message));
    await assert.rejects(session(['--config', withoutPool, '--user', 'alice']), needsPool);
  });
  it('the demo takes no pool from the config, so it still needs --pool', async () => {
    await assert.rejects(session(['--demo', '--config', withPool, '--user', 'alice']), (e: unknown) => needsPool(e) && !/config file/.test((e as Error).message));
  });
});
