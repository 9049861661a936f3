import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, bareEnv, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

function runPlain(args: string[]) {
  return spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8', input: '', timeout: 20000 });
}

describe('built CLI without a terminal', () => {
  it('--help prints the usage', () => {
    const r = runPlain(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage:/);
    assert.match(r.stdout, /--read-only/);
    assert.match(r.stdout, /\nExit status:\n  0 +quit normally.*\n  2 +bad command line[^]*\n  129 +hang-up[^]*\n  143 +SIGTERM/);
  });
  it('help keys prints the key table of every view', () => {
    const r = runPlain(['help', 'keys']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^User pools \(pools\)\n  enter +open the pool's users/);
    assert.match(r.stdout, /\nUsers \(users\)\n[^]*\n  S +sign out everywhere/);
  });
  it('an unknown shell for completion: exit 2 and one line', () => {
    const r = runPlain(['completion', 'tcsh']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cognito-tui: completion takes bash, zsh or fish, not "tcsh", e.g. cognito-tui completion zsh.\n');
    assert.equal(r.stdout, '');
  });
  it('--version prints the version', () => {
    const r = runPlain(['--version']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^cognito-tui \d+\.\d+\.\d+/);
  });
  it('refuses to start without a TTY, says why, and exits with the usage status 2', () => {
    const r = runPlain(['--demo']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /needs an interactive terminal/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });
  it('a bad flag gets a usage message, not a stack trace', () => {
    const r = runPlain(['--pool', 'garbage']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not a user pool id/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });
});

describe('built CLI in a pseudo-terminal: pools → users → user → events → feedback', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url], { cols: 130, rows: 34, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('opens on the pool list', async () => {
    await s.waitForText(LARGE_POOL_ID);
    await s.waitForText('cognito-tui │ us-east-1');
  });

  it('opens the users of the large pool', async () => {
    await s.waitForText(/▶ \S/);
    s.press('enter');
    await s.waitForText(/1\/60\+ users/);
  });

  it('searches for the takeover user and opens her', async () => {
    s.press('/');
    s.type(TAKEOVER_USERNAME);
    await s.waitForText(`/${TAKEOVER_USERNAME}`);
    s.press('enter');
    await s.waitForText(`filter: email ^= "${TAKEOVER_USERNAME}"`);
    await s.waitForText(/1\/1 users/);
    s.press('enter');
    await s.waitForText('attributes');
  });

  it('shows her events with the takeover burst', async () => {
    s.press('enter');
    await s.waitForText(/▲▲ High +✖ (AccountTakeover|Block)/);
  });

  it('tags the selected event Invalid after confirming, and the emulator receives exactly one write', async () => {
    s.press('i');
    await s.waitForText('as Invalid?');
    s.press('y');
    await s.waitForText('Saved:');
    const writes = emu.requests.filter((r) => r.operation === 'AdminUpdateAuthEventFeedback');
    assert.equal(writes.length, 1);
    assert.equal((writes[0].body as { FeedbackValue: string }).FeedbackValue, 'Invalid');
  });

  it('q quits cleanly and leaves the alternate screen', async () => {
    s.press('q');
    assert.equal(await s.exited(), 0);
    assert.ok(s.raw.includes('\u001b[?1049l'));
  });
});

describe('built CLI in a pseudo-terminal: deep link and demo', () => {
  it('--pool --user opens that user\'s events directly', async () => {
    const emu = await startEmulator({ port: 0 });
    const s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME], { env: AWS_ENV });
    try {
      await s.waitForText(`events of ${TAKEOVER_USERNAME}`);
      await s.waitForText(/\d+\/\d+\+? events/);
      const ops = emu.requests.map((r) => r.operation);
      assert.deepEqual(emu.requests[0].body, { UserPoolId: LARGE_POOL_ID, Filter: `username = "${TAKEOVER_USERNAME}"`, Limit: 60 }, 'the pool\'s username for the user is looked up first');
      const events = emu.requests.find((r) => r.operation === 'AdminListUserAuthEvents');
      assert.equal((events?.body as { Username?: string }).Username, TAKEOVER_USERNAME, 'then the events are read by it');
      assert.equal(ops.filter((o) => o === 'AdminListUserAuthEvents').length, 1, 'one events call for the first screen');
      assert.deepEqual(ops.filter((o) => o !== 'AdminListUserAuthEvents' && o !== 'ListUsers'), [], 'nothing else, and never AdminGetUser');
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
      await emu.close();
    }
  });

  it('without credentials, the pool list says how to get them', async () => {
    const s = new PtySession([BUILT_CLI, '--region', 'eu-west-1'], { env: bareEnv() });
    try {
      await s.waitForText('No AWS credentials found', 30000);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });

  it('SIGTERM restores the terminal and exits with status 143', async () => {
    const s = new PtySession([BUILT_CLI, '--demo'], { env: { AWS_PROFILE: undefined } });
    try {
      await s.waitForText(LARGE_POOL_ID);
      s.kill('SIGTERM');
      assert.equal(await s.exited(), 143);
      assert.ok(s.raw.lastIndexOf('\u001b[?1049l') > s.raw.lastIndexOf('\u001b[?1049h'));
    } finally {
      await s.stop();
    }
  });

  it('--demo starts its own emulator and shows the pools', async () => {
    const s = new PtySession([BUILT_CLI, '--demo'], { env: { AWS_PROFILE: undefined } });
    try {
      await s.waitForText(LARGE_POOL_ID);
      s.press('?');
      await s.waitForText('Keys — esc, ? or q closes');
      s.press('escape');
      await s.waitForText(LARGE_POOL_ID);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });
});
