import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { bareEnv, BUILT_CLI } from '../helpers/pty-session.ts';
import { WatchedPty } from './watched-pty.ts';

/** A stack frame as Node prints it. */
const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;
const scratch = mkdtempSync(join(tmpdir(), 'cognito-tui-bad-input-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const KEYS = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };

function runPlain(args: string[], env: Record<string, string | undefined> = {}) {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) merged[k] = v;
  return spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8', input: '', timeout: 20000, env: merged });
}

function assertNoStack(text: string): void {
  assert.doesNotMatch(text, STACK, `a stack trace was printed:\n${text}`);
}

describe('bad command lines get one clear sentence, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['a pool id carrying escapes is shown escaped', ['--pool', 'us-east-1_\u001b]0;pwned\u0007'], /"us-east-1_␛\]0;pwned␇" is not a user pool id/],
    ['a pool id that is too long', ['--pool', `us-east-1_${'A'.repeat(60)}`], /is not a user pool id/],
    ['a region that is not one', ['--region', 'moon'], /"moon" is not an AWS region name/],
    ['a user without a pool', ['--user', 'alice'], /--user needs --pool/],
    ['a flag without its value', ['--pool'], /--pool needs a value/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = runPlain(args, bareEnv());
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(r.stderr, /[\u0007\u001b\u009b]/);
      assertNoStack(r.stderr);
    });
  }
});

describe('an unknown AWS profile is named before anything starts', () => {
  const emptyConfig = join(scratch, 'empty-config');
  before(() => writeFileSync(emptyConfig, ''));

  it('--profile that is in no file', () => {
    const r = runPlain(['--profile', 'ghost', '--region', 'eu-west-1'], bareEnv({ AWS_CONFIG_FILE: emptyConfig, AWS_SHARED_CREDENTIALS_FILE: emptyConfig }));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /AWS profile "ghost" is not in .*empty-config\. No profiles are defined there\./);
    assert.match(r.stderr, /aws configure --profile ghost/);
    assertNoStack(r.stderr);
  });

  it('AWS_PROFILE that is in no file, with the profiles that are', () => {
    const config = join(scratch, 'two-profiles');
    writeFileSync(config, '[profile prod]\nregion = eu-west-1\n[default]\nregion = us-east-1\n');
    const r = runPlain(['--region', 'eu-west-1'], bareEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: emptyConfig, AWS_PROFILE: 'prdo' }));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /AWS profile "prdo" \(from AWS_PROFILE\) is not in .*Profiles there: default, prod\./);
  });
});

describe('stdin or stdout not a terminal', () => {
  for (const [what, script] of [
    ['stdin from /dev/null', `exec "${process.execPath}" "${BUILT_CLI}" --demo < /dev/null`],
    ['stdout into a pipe', `"${process.execPath}" "${BUILT_CLI}" --demo | cat`],
  ] as const) {
    it(`${what}: says it needs a terminal and exits 1`, async () => {
      const s = new WatchedPty(['-c', script], { file: '/bin/sh' });
      try {
        await s.waitForText('needs an interactive terminal');
        await s.exited();
        assertNoStack(s.raw);
      } finally {
        await s.stop();
      }
    });
  }
});

describe('bad targets inside the app: a message on screen, the app keeps running', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ port: 0, usersInLargePool: 300 }); });
  after(async () => { await emu.close(); });

  async function expectScreen(args: string[], env: Record<string, string | undefined>, text: RegExp, timeoutMs = 20000): Promise<void> {
    const s = new WatchedPty([BUILT_CLI, ...args], { cols: 150, rows: 30, env });
    try {
      await s.waitForText(text, timeoutMs);
      s.press('r');
      await s.waitForText(text, timeoutMs);
      s.press('q');
      assert.equal(await s.exited(), 0);
      assertNoStack(s.raw);
    } finally {
      await s.stop();
    }
  }

  it('an unknown pool in --pool', () =>
    expectScreen(['--endpoint-url', emu.url, '--pool', 'us-east-1_Nope0000'], bareEnv({ ...KEYS, AWS_REGION: 'us-east-1' }), /does not exist/));

  it('an unknown user in --user', () =>
    expectScreen(['--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', 'nobody.here'], bareEnv({ ...KEYS, AWS_REGION: 'us-east-1' }), /No user "nobody\.here"|No such user/));

  it('no region anywhere', () =>
    expectScreen(['--endpoint-url', emu.url], bareEnv(KEYS), /No AWS region set: pass --region/));

  it('a region with no Cognito endpoint', () =>
    expectScreen(['--region', 'xx-nowhere-9'], bareEnv(KEYS), /cognito-idp\.xx-nowhere-9\.amazonaws\.com/, 40000));

  it('no credentials at all', () =>
    expectScreen(['--endpoint-url', emu.url, '--region', 'us-east-1'], bareEnv(), /No AWS credentials found/, 30000));

  it('an expired SSO session says how to log in again, and r tries again', async () => {
    const home = join(scratch, 'sso-home');
    mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    writeFileSync(join(home, '.aws', 'config'), [
      '[profile oncall]', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = ReadOnly', 'region = us-east-1', '',
      '[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start', 'sso_region = us-east-1', '',
    ].join('\n'));
    const token = { accessToken: 'expired', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://example.awsapps.com/start' };
    writeFileSync(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`), JSON.stringify(token));
    await expectScreen(['--endpoint-url', emu.url, '--profile', 'oncall'], bareEnv({ HOME: home }), /SSO session has expired\. Run: aws sso login --profile oncall/, 30000);
  });
});

describe('terminal sizes', () => {
  let emu: RunningEmulator;
  const env = bareEnv({ ...KEYS, AWS_REGION: 'us-east-1' });
  before(async () => { emu = await startEmulator({ port: 0, usersInLargePool: 300 }); });
  after(async () => { await emu.close(); });

  function selectedRow(screen: string): string | undefined {
    return screen.split('\n').find((l) => l.startsWith('▶ '))?.slice(2).split(/\s+/)[0];
  }

  it('resized down to 40×10 and back: the selected row stays on screen and keys keep working', async () => {
    const s = new WatchedPty([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 120, rows: 32, env });
    try {
      await s.waitForText(/1\/\d+\+? users/);
      s.resize(40, 10);
      await s.waitForText(/^▶ \S+.*\n(.*\n)*.*users/m);
      s.press(...Array<string>(12).fill('j'));
      await s.waitForText(/^ {2}13\/\d+\+? users/m);
      const small = await s.screen();
      const selected = selectedRow(small);
      assert.ok(selected, `the selected row is visible at 40×10:\n${small}`);
      for (const line of small.split('\n')) assert.ok(stringWidth(line) <= 40, line);
      s.resize(120, 32);
      const big = await s.waitForText(/USERNAME\s+EMAIL\s+NAME\s+STATUS/);
      assert.equal(selectedRow(big), selected, `the same row is still selected:\n${big}`);
      s.press('enter');
      await s.waitForText(new RegExp(`username\\s+${selected}`));
      s.press('q');
      assert.equal(await s.exited(), 0);
      assertNoStack(s.raw);
    } finally {
      await s.stop();
    }
  });

  for (const [cols, rows] of [[24, 24], [300, 80], [30, 8]] as const) {
    it(`starts at ${cols}×${rows} with the list on screen`, async () => {
      const s = new WatchedPty([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols, rows, env });
      try {
        const screen = await s.waitForText(/users/);
        await s.waitForText(/^▶ /m);
        if (cols >= 200) await s.waitForText(/USERNAME\s+EMAIL\s+NAME\s+STATUS\s+ENABLED\s+CREATED/);
        s.press('j', 'enter');
        await s.waitForText(/username/);
        s.press('q');
        assert.equal(await s.exited(), 0, screen);
        assertNoStack(s.raw);
      } finally {
        await s.stop();
      }
    });
  }
});

describe('a failure nobody expected', () => {
  it('gives the terminal back and prints one line, with the stack in a file', async () => {
    const emu = await startEmulator({ port: 0, usersInLargePool: 100 });
    const boom = join(scratch, 'boom.mjs');
    const trigger = join(scratch, 'boom-now');
    writeFileSync(boom, [
      "import { existsSync } from 'node:fs';",
      `const timer = setInterval(() => { if (existsSync(${JSON.stringify(trigger)})) { clearInterval(timer); throw new Error('boom from a test'); } }, 20);`,
      'timer.unref();',
    ].join('\n'));
    const script = `"${process.execPath}" "${BUILT_CLI}" --endpoint-url ${emu.url}; echo "exit=$?"; sleep 1`;
    const s = new WatchedPty(['-c', script], { file: '/bin/sh', env: bareEnv({ ...KEYS, AWS_REGION: 'us-east-1', NODE_OPTIONS: `--import=${boom}` }) });
    try {
      await s.waitForText(LARGE_POOL_ID);
      writeFileSync(trigger, '');
      await s.waitForText('exit=70');
      await s.waitForText('internal error: boom from a test');
      const log = /Details are in (\S+cognito-tui-crash-\d+\.log)/.exec(s.raw)?.[1];
      assert.ok(log, 'names the file with the details');
      rmSync(log, { force: true });
      assert.ok(s.raw.lastIndexOf('\u001b[?1049l') > s.raw.lastIndexOf('\u001b[?1049h'), 'left the alternate screen');
      assertNoStack(await s.screen());
    } finally {
      await s.stop();
      await emu.close();
    }
  });
});
