import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import xterm from '@xterm/headless';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { bareEnv, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cognito-tui-prepaint-'));
after(() => rmSync(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

/** The end of the pool list painted before the app is loaded: one synchronized update. */
const END_UPDATE = '\u001b[?2026l';
/** What the app's first frame starts with when a paint is on the screen: the clear, in the same update. */
const INK_TAKES_OVER = '\u001b[?2026h\u001b[H\u001b[2J';

function start(cols = 80, rows = 24): PtySession {
  return new PtySession([BUILT_CLI, '--demo'], { cols, rows, env: bareEnv({ XDG_STATE_HOME: mkdtempSync(join(scratch, 'state-')) }) });
}

/** Waits for the paint to be out, and checks the app's first frame had not followed yet. */
async function painted(s: PtySession): Promise<void> {
  await waitFor(() => s.raw.includes(END_UPDATE), 15000, 'the paint');
  assert.ok(s.raw.includes(LARGE_POOL_ID), 'the paint holds the pools');
  assert.ok(!s.raw.includes(INK_TAKES_OVER), 'acted before the app drew (the app loads in 100 ms or more)');
}

/** Each cell of the screen `bytes` draw: its text and attributes. */
async function cells(bytes: string, cols: number, rows: number): Promise<string[][]> {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(bytes, resolve));
  const buf = term.buffer.active;
  const out: string[][] = [];
  for (let y = 0; y < rows; y++) {
    const line = buf.getLine(buf.viewportY + y)!;
    const row: string[] = [];
    for (let x = 0; x < cols; x++) {
      const c = line.getCell(x)!;
      row.push(JSON.stringify([c.getChars(), c.getFgColorMode(), c.getFgColor(), c.getBgColorMode(), c.getBgColor(), c.isBold(), c.isDim(), c.isInverse()]));
    }
    out.push(row);
  }
  term.dispose();
  return out;
}

/** A cell that shows nothing: no character (or a space) on the terminal's own background. */
function blank(cell: string): boolean {
  const [chars, , , bgMode, , , , inverse] = JSON.parse(cell) as [string, ...number[]];
  return (chars === '' || chars === ' ') && bgMode === 0 && inverse === 0;
}

function assertRestored(raw: string): void {
  assert.ok(raw.lastIndexOf('\u001b[?1049l') > raw.lastIndexOf('\u001b[?1049h'), 'left the alternate screen last');
  assert.ok(raw.lastIndexOf('\u001b[?25h') > raw.lastIndexOf('\u001b[?25l'), 'showed the cursor last');
}

describe('the pool list is painted before the app loads, and the app\'s first frame replaces it', () => {
  for (const [cols, rows] of [[80, 24], [200, 50]] as const) {
    it(`${cols}×${rows}: every painted cell is the app's, nothing left behind, no blank or loading frame between`, async () => {
      const s = start(cols, rows);
      try {
        await s.waitForText(/API \d/);
        s.press('q');
        assert.equal(await s.exited(), 0);
        const paintEnd = s.raw.indexOf(END_UPDATE) + END_UPDATE.length;
        const takeOver = s.raw.indexOf(INK_TAKES_OVER);
        assert.equal(takeOver, paintEnd, 'the app\'s first bytes after the paint clear it in its first frame\'s update');
        const frameEnd = s.raw.indexOf(END_UPDATE, takeOver) + END_UPDATE.length;
        assert.doesNotMatch(s.raw.slice(0, frameEnd), /Loading pools/);
        const paint = await cells(s.raw.slice(0, paintEnd), cols, rows);
        const frame = await cells(s.raw.slice(0, frameEnd), cols, rows);
        assert.match(s.raw.slice(takeOver, frameEnd), /API \d/, 'the frame that replaced the paint is whole');
        let shown = 0;
        for (let y = 0; y < rows; y++) {
          for (let x = 0; x < cols; x++) {
            if (blank(paint[y][x])) continue;
            shown++;
            assert.equal(paint[y][x], frame[y][x], `cell ${x},${y}`);
          }
        }
        assert.ok(shown > 5 * 40, `the paint drew the rows (${shown} cells)`);
        assertRestored(s.raw);
      } finally {
        await s.stop();
      }
    });
  }

  it('j pressed right after the paint moves the cursor once the app is up, and is not echoed', async () => {
    const s = start();
    try {
      await painted(s);
      s.press('j');
      await s.waitForText(new RegExp(`\\s${LARGE_POOL_ID}[^\\n]*\\n▶ `));
      const takeOver = s.raw.indexOf(INK_TAKES_OVER);
      assert.equal(s.raw.slice(s.raw.indexOf(END_UPDATE) + END_UPDATE.length, takeOver), '', 'nothing echoed on the paint');
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });

  it('? pressed right after the paint opens the help once the app is up', async () => {
    const s = start();
    try {
      await painted(s);
      s.press('?');
      await s.waitForText(/Keys — esc, \? or q closes/);
      s.press('q');
      await s.waitForText(/API \d/);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });

  it('--no-color: the paint has no colour either, and the app\'s frame replaces it', async () => {
    const s = new PtySession([BUILT_CLI, '--demo', '--no-color'], { cols: 80, rows: 24, env: bareEnv({ XDG_STATE_HOME: mkdtempSync(join(scratch, 'state-')) }) });
    try {
      await waitFor(() => s.raw.includes(INK_TAKES_OVER), 15000, 'the app\'s first frame');
      const paint = s.raw.slice(0, s.raw.indexOf(END_UPDATE));
      assert.match(paint, new RegExp(LARGE_POOL_ID));
      assert.doesNotMatch(paint, /\u001b\[(?:3\d|9\d|4\d|10\d)(?:;[\d;]*)?m/, 'no colour');
      assert.equal(s.raw.indexOf(INK_TAKES_OVER), paint.length + END_UPDATE.length);
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
    }
  });

  it('q pressed right after the paint quits (status 0), terminal restored', async () => {
    const s = start();
    try {
      await painted(s);
      s.press('q');
      assert.equal(await s.exited(), 0);
      assertRestored(s.raw);
    } finally {
      await s.stop();
    }
  });

  for (const [signal, status] of [['SIGHUP', 129], ['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} right after the paint: exit status ${status}, terminal restored`, async () => {
      const s = start();
      try {
        await painted(s);
        s.kill(signal);
        assert.equal(await s.exited(), status);
        assert.equal(s.exitSignal, 0, 'exited, not killed by the signal');
        assertRestored(s.raw);
      } finally {
        await s.stop();
      }
    });
  }

  it('the terminal closing right after the paint: exit status 129, not an abort', async () => {
    const s = start();
    try {
      await painted(s);
      s.closeTerminal();
      assert.equal(await s.exited(), 129);
      assert.equal(s.exitSignal, 0);
    } finally {
      await s.stop();
    }
  });

  it('SIGTSTP right after the paint (under a shell with job control): the terminal is given back, the job stops; fg takes it again and the app comes up', async () => {
    const s = new PtySession(['--norc', '--noprofile', '-i'], {
      file: '/bin/bash', cols: 120, rows: 30,
      env: { AWS_PROFILE: undefined, PS1: 'ready$ ', HISTFILE: '/dev/null', XDG_STATE_HOME: mkdtempSync(join(scratch, 'state-')) },
    });
    try {
      await s.waitForText('ready$');
      s.type(`"${process.execPath}" "${BUILT_CLI}" --demo\r`);
      const app = await waitFor(() => {
        const child = onlyChild(s.pid);
        return child && readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(BUILT_CLI) ? child : 0;
      }, 10000, 'the app under the shell');
      await painted(s);
      const before = s.raw.length;
      process.kill(app, 'SIGTSTP');
      await s.waitForText(/Stopped/);
      await waitFor(() => processState(app) === 'T', 5000, 'the app to be stopped');
      assertRestored(s.raw.slice(before));
      s.type('fg; echo "exit=$?"\r');
      await s.waitForText(/API \d/);
      s.press('q');
      await s.waitForText('exit=0');
    } finally {
      s.kill('SIGKILL');
    }
  });
});

function onlyChild(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return children.length === 1 ? Number(children[0]) : 0;
}

function processState(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}
