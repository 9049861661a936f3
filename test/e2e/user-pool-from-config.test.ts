import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { bareEnv, BUILT_CLI } from '../helpers/pty-session.ts';

const xdg = mkdtempSync(join(tmpdir(), 'cognito-tui-user-pool-e2e-'));
after(() => rmSync(xdg, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

function run(config: string | undefined, args: string[]) {
  rmSync(join(xdg, 'cognito-tui'), { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  mkdirSync(join(xdg, 'cognito-tui'), { recursive: true });
  if (config !== undefined) writeFileSync(join(xdg, 'cognito-tui', 'config.yaml'), config);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...bareEnv(), XDG_CONFIG_HOME: xdg })) if (v !== undefined) env[k] = v;
  return spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8', input: '', timeout: 20000, env });
}

describe('the built CLI: --user with the config\'s pool', () => {
  it('is taken (it goes on to ask for a terminal, the next check)', () => {
    const r = run('pool: eu-west-1_AbCdEf123\n', ['--user', 'alice']);
    assert.doesNotMatch(r.stderr, /--user needs --pool/);
    assert.match(r.stderr, /needs an interactive terminal/);
  });
  it('without a pool anywhere: exit 2 and the one line', () => {
    const r = run(undefined, ['--user', 'alice']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cognito-tui: --user needs --pool: the pool the user is in, e.g. --pool eu-west-1_AbCdEf123 --user alice (or pool: in the config file)\n');
  });
});
