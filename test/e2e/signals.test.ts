import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cognito-tui-signals-'));
after(() => rmSync(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

/** A state directory of its own for each session, so that no test reads another's record of unknown writes. */
function freshStateHome(): string {
  return mkdtempSync(join(scratch, 'state-'));
}

const DEMO_ENV = { AWS_PROFILE: undefined };
/** Enough for a quiet exit on a loaded machine; the app itself exits within tens of milliseconds. */
const EXIT_WITHIN_MS = 1500;
/** The whole frame: the header on the first row, a pool, and the footer's last hints. */
const WHOLE_FRAME = new RegExp(`^cognito-tui │[^]*${LARGE_POOL_ID}[^]*\\? help`);

/**
 * Waits until the app reads keys in raw mode (its input handlers are in place): j moves the cursor off the first pool.
 * A Ctrl-Z typed before that is the terminal's own SIGTSTP, not a key.
 */
async function readingKeys(s: PtySession): Promise<void> {
  await s.waitForText(LARGE_POOL_ID);
  s.press('j');
  await s.waitForText(new RegExp(`\\s${LARGE_POOL_ID}[^\\n]*\\n▶ `));
}

function crashLogOf(pid: number): string {
  return join(tmpdir(), `cognito-tui-crash-${pid}.log`);
}

/** The terminal was given back: the last alternate-screen switch leaves it, and the cursor was shown after it was last hidden. */
function assertRestored(raw: string): void {
  assert.ok(raw.lastIndexOf('\u001b[?1049l') > raw.lastIndexOf('\u001b[?1049h'), 'left the alternate screen last');
  assert.ok(raw.lastIndexOf('\u001b[?25h') > raw.lastIndexOf('\u001b[?25l'), 'showed the cursor last');
}

/** No crash log for the app (`pid`: the app's own, when it runs under a shell), no error line, no stack trace. */
function assertQuiet(s: PtySession, pid = s.pid): void {
  assert.equal(existsSync(crashLogOf(pid)), false, 'no crash log');
  assert.doesNotMatch(s.raw, /internal error|\n\s+at .+:\d+:\d+/, 'no error line, no stack trace');
}

/** Sends `signal` and returns the exit status and how long the exit took. */
async function endWith(s: PtySession, signal: string | 'close'): Promise<{ code: number; ms: number }> {
  const t0 = Date.now();
  if (signal === 'close') s.closeTerminal();
  else s.kill(signal);
  const code = await s.exited();
  return { code, ms: Date.now() - t0 };
}

describe('signals and a lost terminal end the app quietly', () => {
  for (const [signal, status] of [['SIGHUP', 129], ['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal}: exit status ${status} within a second, terminal restored, no crash log`, async () => {
      const s = new PtySession([BUILT_CLI, '--demo'], { env: { ...DEMO_ENV, XDG_STATE_HOME: freshStateHome() } });
      try {
        await s.waitForText(LARGE_POOL_ID);
        const { code, ms } = await endWith(s, signal);
        assert.equal(code, status);
        assert.equal(s.exitSignal, 0, 'exited, not killed by a signal');
        assert.ok(ms < EXIT_WITHIN_MS, `exited after ${ms} ms`);
        assertRestored(s.raw);
        assertQuiet(s);
      } finally {
        await s.stop();
      }
    });
  }

  it('the terminal closing under the app (its master side gone): exit status 129, no crash log, no abort', async () => {
    const s = new PtySession([BUILT_CLI, '--demo'], { env: { ...DEMO_ENV, XDG_STATE_HOME: freshStateHome() } });
    try {
      await s.waitForText(LARGE_POOL_ID);
      const { code, ms } = await endWith(s, 'close');
      assert.equal(s.exitSignal, 0, `ended by signal ${s.exitSignal} (6 is Node aborting on the dead terminal)`);
      assert.equal(code, 129);
      assert.ok(ms < EXIT_WITHIN_MS, `exited after ${ms} ms`);
      assertQuiet(s);
    } finally {
      await s.stop();
    }
  });
});

describe('a write in flight when the terminal hangs up', () => {
  it('is not waited for: its unknown outcome is recorded (0600, no secret) and shown at the next start, then cleared', async () => {
    const emu = await startEmulator({ port: 0 });
    const stateHome = freshStateHome();
    const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYSECRET';
    const env = { ...AWS_ENV, AWS_SECRET_ACCESS_KEY: secret, XDG_STATE_HOME: stateHome };
    const args = [BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME];
    const dir = join(stateHome, 'cognito-tui');
    const file = join(dir, 'unknown-writes.json');
    const first = new PtySession(args, { env });
    let eventId = '';
    try {
      await first.waitForText(/\d+\/\d+\+? events/);
      first.press('enter');
      const detail = await first.waitForText('event id');
      eventId = /event id\s+(\S+)/.exec(detail)![1];
      emu.setFaults({ latencyMs: 120_000 });
      first.press('i');
      await first.waitForText('as Invalid?');
      first.press('y');
      await first.waitForText('(sending…)');
      const { code, ms } = await endWith(first, 'SIGHUP');
      assert.equal(code, 129);
      assert.ok(ms < EXIT_WITHIN_MS, `exited after ${ms} ms, not waiting for the write`);
      assertQuiet(first);

      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const text = readFileSync(file, 'utf8');
      assert.ok(!text.includes(secret), 'no secret in the record');
      const records = JSON.parse(text) as Record<string, string>[];
      assert.equal(records.length, 1);
      assert.equal(records[0].operation, 'AdminUpdateAuthEventFeedback');
      assert.equal(records[0].write, 'feedback Invalid');
      assert.equal(records[0].poolId, LARGE_POOL_ID);
      assert.equal(records[0].username, TAKEOVER_USERNAME);
      assert.equal(records[0].eventId, eventId);
    } finally {
      await first.stop();
    }

    emu.setFaults({});
    const next = new PtySession(args, { env });
    try {
      await next.waitForText('1 write had an unknown outcome when the last session ended');
      next.press('q');
      assert.equal(await next.exited(), 0);
      assert.match(next.raw.replace(/\s+/g, ' '), new RegExp(`an unknown outcome when an earlier session ended.*feedback Invalid on event ${eventId} of ${TAKEOVER_USERNAME}`));
      assert.equal(existsSync(file), false, 'cleared once shown');
    } finally {
      await next.stop();
      await emu.close();
    }
  });
});

describe('a write in flight when the user quits anyway (q twice)', () => {
  it('is listed on the main screen as unknown and recorded for the next start', async () => {
    const emu = await startEmulator({ port: 0 });
    const stateHome = freshStateHome();
    const s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME], { env: { ...AWS_ENV, XDG_STATE_HOME: stateHome } });
    try {
      await s.waitForText(/\d+\/\d+\+? events/);
      s.press('enter');
      await s.waitForText('event id');
      emu.setFaults({ latencyMs: 120_000 });
      s.press('i');
      await s.waitForText('as Invalid?');
      s.press('y');
      await s.waitForText('(sending…)');
      s.press('q');
      await s.waitForText('press q again');
      s.press('q');
      assert.equal(await s.exited(), 0);
      assert.match(s.raw.replace(/\s+/g, ' '), /1 write was still in flight when you quit; the outcome is unknown \(recorded in .*cognito-tui, shown at the next start\): - feedback Invalid on event /);
      const records = JSON.parse(readFileSync(join(stateHome, 'cognito-tui', 'unknown-writes.json'), 'utf8')) as { operation: string }[];
      assert.deepEqual(records.map((r) => r.operation), ['AdminUpdateAuthEventFeedback']);
    } finally {
      await s.stop();
      await emu.close();
    }
  });
});

function onlyChild(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return children.length === 1 ? Number(children[0]) : 0;
}

/** The app's process, `depth` levels under the shell running in `s` (2 under a wrapper). */
async function appPidUnder(s: PtySession, depth: number): Promise<number> {
  return waitFor(() => {
    let pid = s.pid;
    for (let i = 0; i < depth && pid; i++) pid = onlyChild(pid);
    return pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(BUILT_CLI) ? pid : 0;
  }, 10000, 'the app under the shell');
}

function processState(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

describe('suspending under a shell with job control', () => {
  const shell = () => new PtySession(['--norc', '--noprofile', '-i'], {
    file: '/bin/bash',
    cols: 120,
    rows: 30,
    env: { ...DEMO_ENV, PS1: 'ready$ ', HISTFILE: '/dev/null', XDG_STATE_HOME: freshStateHome() },
  });

  const cases = [
    { how: 'Ctrl-Z', wrapped: false }, { how: 'SIGTSTP', wrapped: false }, { how: 'Ctrl-Z', wrapped: true },
  ] as const;
  for (const { how, wrapped } of cases) {
    it(`${how}${wrapped ? ' under a wrapper (npx, npm start)' : ''} gives the terminal back and stops the job; fg redraws the whole frame and keys work again`, async () => {
      const s = shell();
      try {
        await s.waitForText('ready$');
        const command = `"${process.execPath}" "${BUILT_CLI}" --demo`;
        s.type(wrapped ? `sh -c '${command}; exit $?'\r` : `${command}\r`);
        await readingKeys(s);
        const app = await appPidUnder(s, wrapped ? 2 : 1);
        const before = s.raw.length;
        if (how === 'Ctrl-Z') s.press('ctrl+z');
        else process.kill(app, 'SIGTSTP');
        await s.waitForText(/Stopped/);
        await waitFor(() => processState(app) === 'T', 5000, 'the app to be stopped');
        assertRestored(s.raw.slice(before));
        assert.doesNotMatch(await s.screen(), new RegExp(LARGE_POOL_ID), 'the shell is on the main screen');

        const stopped = s.raw.length;
        s.type('fg; echo "exit=$?"\r');
        const screen = await s.waitForText(WHOLE_FRAME);
        assert.ok(s.raw.indexOf('\u001b[?1049h', stopped) >= 0, 'took the alternate screen again');
        assert.match(screen.split('\n')[0], /^cognito-tui │/);
        assert.equal(processState(app) === 'T', false);
        s.press('q');
        await s.waitForText('exit=0');
        assertQuiet(s, app);
      } finally {
        s.kill('SIGKILL');
      }
    });
  }

  it('Ctrl-Z without job control (the app is the terminal\'s own process) says it cannot suspend and keeps running', async () => {
    const s = new PtySession([BUILT_CLI, '--demo'], { env: { ...DEMO_ENV, XDG_STATE_HOME: freshStateHome() } });
    try {
      await readingKeys(s);
      s.press('ctrl+z');
      await s.waitForText('cannot be suspended here');
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });
});
