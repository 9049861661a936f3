import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sendToClipboard, type ClipboardRoute } from '../../src/export/clipboard-route.ts';
import { runTmux, type TmuxResult } from '../../src/export/tmux.ts';
import { yankFields } from '../../src/export/yank-fields.ts';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { compactUser } from '../../src/store/compact-user.ts';

const USER: User = {
  username: 'maria.garcia', enabled: true, status: 'CONFIRMED', mfaOptions: [],
  attributes: { email: 'maria@example.com', sub: '0a1b2c3d-0000-4000-8000-000000000001', phone_number: '+34600000000' },
};
const EVENT: AuthEvent = { id: 'evt-42', challenges: [], ip: '203.0.113.9', riskLevel: 'HIGH' };

const values = (row: unknown, username?: string) => Object.fromEntries(yankFields(row, { username }).map((f) => [f.key, f.value]));

describe('the fields Y offers for a selection', () => {
  it('a user: username, email and sub', () => {
    assert.deepEqual(values(USER), { u: 'maria.garcia', e: 'maria@example.com', s: '0a1b2c3d-0000-4000-8000-000000000001' });
  });
  it('a users-list row (compact, no sub): username and email', () => {
    assert.deepEqual(values(compactUser(USER)), { u: 'maria.garcia', e: 'maria@example.com' });
  });
  it('an event: its id and IP, and the user of the events view', () => {
    assert.deepEqual(values(EVENT, 'maria.garcia'), { u: 'maria.garcia', i: 'evt-42', a: '203.0.113.9' });
  });
  it('an IP pivot row and a sweep finding: the user and the event', () => {
    assert.deepEqual(values({ user: USER, events: 3, worst: EVENT }), { u: 'maria.garcia', e: 'maria@example.com', s: USER.attributes.sub, i: 'evt-42', a: '203.0.113.9' });
    assert.deepEqual(values({ user: compactUser(USER), events: [EVENT], eventsRead: 10 }), { u: 'maria.garcia', e: 'maria@example.com', i: 'evt-42', a: '203.0.113.9' });
  });
  it('a journal line: its user and event', () => {
    assert.deepEqual(values({ at: 'x', target: { username: 'bob', eventId: 'evt-1', label: 'bob' }, poolId: 'p' }), { u: 'bob', i: 'evt-1' });
  });
  it('a pool or nothing: no field', () => {
    assert.deepEqual(yankFields({ id: 'us-east-1_X', name: 'pool' }), []);
    assert.deepEqual(yankFields(undefined), []);
  });
});

/** A tmux that answers `show-options` with `passthrough` and takes a buffer when `takes` lists the command. */
function fakeTmux(passthrough: string | undefined, takes: string[]) {
  const calls: { args: string[]; input?: string }[] = [];
  const tmux = (args: string[], input?: string): TmuxResult => {
    calls.push({ args, input });
    if (args[0] === 'show-options') return passthrough === undefined ? { ok: false, output: '', error: 'no server running' } : { ok: true, output: `${passthrough}\n` };
    return takes.includes(args[0]) ? { ok: true, output: '' } : { ok: false, output: '', error: `unknown flag -w` };
  };
  return { tmux, calls };
}

function route(env: Record<string, string>, tmux: ClipboardRoute['tmux'], terminal = true) {
  const written: string[] = [];
  return { written, route: { write: terminal ? (b: string) => { written.push(b); } : undefined, env, tmux } };
}

const decoded = (written: string[]) => [...written.join('').matchAll(/52;c;([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));

describe('where a yanked field goes', () => {
  it('outside tmux: OSC 52 to the terminal, and says so', () => {
    const { tmux, calls } = fakeTmux('on', []);
    const r = route({ TERM: 'xterm-256color' }, tmux);
    const outcome = sendToClipboard('email', 'maria@example.com', r.route);
    assert.deepEqual(outcome, { way: 'osc52', message: 'email maria@example.com sent to the terminal clipboard (OSC 52)' });
    assert.deepEqual(decoded(r.written), ['maria@example.com']);
    assert.deepEqual(calls, []);
  });
  it('inside tmux with passthrough on: OSC 52 wrapped for tmux', () => {
    const { tmux } = fakeTmux('on', ['load-buffer']);
    const r = route({ TMUX: '/tmp/tmux-0/default,1,0' }, tmux);
    const outcome = sendToClipboard('sub', 'abc', r.route);
    assert.equal(outcome.message, 'sub abc sent to the terminal clipboard (OSC 52, passed through tmux)');
    assert.match(r.written.join(''), /^\u001bPtmux;\u001b\u001b\]52;c;YWJj\u0007\u001b\\$/);
  });
  it('inside tmux without passthrough: load-buffer -w with the text on stdin, nothing written to the terminal', () => {
    const { tmux, calls } = fakeTmux('off', ['load-buffer']);
    const r = route({ TMUX: '/tmp/tmux-0/default,1,0' }, tmux);
    const outcome = sendToClipboard('username', 'maria.garcia', r.route);
    assert.deepEqual(outcome, { way: 'tmux-buffer', message: 'username maria.garcia put in tmux\'s buffer (prefix ] pastes it)' });
    assert.deepEqual(calls.at(-1), { args: ['load-buffer', '-w', '-'], input: 'maria.garcia' });
    assert.deepEqual(r.written, []);
  });
  it('a tmux without load-buffer -w: set-buffer', () => {
    const { tmux, calls } = fakeTmux('off', ['set-buffer']);
    const outcome = sendToClipboard('event id', 'evt-42', route({ TMUX: 'x' }, tmux).route);
    assert.equal(outcome.way, 'tmux-buffer');
    assert.deepEqual(calls.at(-1), { args: ['set-buffer', '--', 'evt-42'], input: undefined });
  });
  it('tmux that takes nothing: the text to select by hand, and why', () => {
    const { tmux } = fakeTmux(undefined, []);
    const outcome = sendToClipboard('IP address', '203.0.113.9', route({ TMUX: 'x' }, tmux).route);
    assert.deepEqual(outcome, { way: 'by-hand', message: 'tmux did not take it (unknown flag -w) and does not pass OSC 52 on. Select it by hand: 203.0.113.9' });
  });
  it('no terminal to write to, or a console without OSC 52: the text to select by hand', () => {
    const { tmux } = fakeTmux('on', []);
    assert.deepEqual(sendToClipboard('email', 'a@b.c', route({}, tmux, false).route), { way: 'by-hand', message: 'No terminal to send it through. Select it by hand: a@b.c' });
    const linux = route({ TERM: 'linux' }, tmux);
    assert.equal(sendToClipboard('email', 'a@b.c', linux.route).message, 'This terminal (TERM=linux) has no clipboard sequence and there is no tmux. Select it by hand: a@b.c');
    assert.deepEqual(linux.written, []);
  });
  it('never says a bare "copied"', () => {
    for (const [env, passthrough, takes] of [[{}, 'on', []], [{ TMUX: 'x' }, 'on', []], [{ TMUX: 'x' }, 'off', ['load-buffer']], [{ TMUX: 'x' }, undefined, []]] as const) {
      const { tmux } = fakeTmux(passthrough, [...takes]);
      assert.doesNotMatch(sendToClipboard('email', 'a@b.c', route({ ...env }, tmux).route).message, /copied/i);
    }
  });
});

describe('the tmux runner', () => {
  it('runs the tmux on PATH with the arguments and the text on stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-fake-tmux-'));
    const savedPath = process.env.PATH;
    try {
      writeFileSync(join(dir, 'tmux'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/argv"\ncat > "${dir}/stdin"\n[ "$1" = fail ] && { echo "no server running on /tmp/x" >&2; exit 1; }\necho answered\n`);
      chmodSync(join(dir, 'tmux'), 0o755);
      process.env.PATH = `${dir}:${savedPath}`;
      assert.deepEqual(runTmux(['load-buffer', '-w', '-'], '$(rm -rf ~); reboot'), { ok: true, output: 'answered\n' });
      assert.equal(readFileSync(join(dir, 'argv'), 'utf8'), 'load-buffer\n-w\n-\n');
      assert.equal(readFileSync(join(dir, 'stdin'), 'utf8'), '$(rm -rf ~); reboot');
      assert.deepEqual(runTmux(['fail']), { ok: false, output: '', error: 'no server running on /tmp/x' });
      process.env.PATH = dir.replace(/$/, '/nowhere');
      assert.equal(runTmux(['show-options']).ok, false);
    } finally {
      process.env.PATH = savedPath;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a real tmux server (a private one, started and killed here)', { skip: spawnSync('sh', ['-c', 'command -v tmux']).status === 0 ? false : 'tmux is not installed on this machine' }, () => {
  it('passthrough off: the text lands in tmux\'s buffer; passthrough on: OSC 52 goes through tmux', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-tui-tmux-'));
    const socket = join(dir, 'sock');
    const tmux = (...args: string[]) => spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    const savedTmux = process.env.TMUX;
    try {
      assert.equal(tmux('new-session', '-d', '-s', 'test', 'sleep 60').status, 0);
      tmux('set', '-g', 'allow-passthrough', 'off');
      const env = { TMUX: `${socket},${tmux('display', '-p', '#{pid}').stdout.trim()},0` };
      process.env.TMUX = env.TMUX;
      const written: string[] = [];
      const off = sendToClipboard('email', 'maria@example.com', { write: (b) => { written.push(b); }, env, tmux: runTmux });
      assert.equal(off.way, 'tmux-buffer');
      assert.equal(tmux('show-buffer').stdout, 'maria@example.com');
      assert.equal(written.length, 0);
      tmux('set', '-g', 'allow-passthrough', 'on');
      const on = sendToClipboard('sub', 'abc', { write: (b) => { written.push(b); }, env, tmux: runTmux });
      assert.equal(on.message, 'sub abc sent to the terminal clipboard (OSC 52, passed through tmux)');
      assert.equal(written.length, 1);
    } finally {
      if (savedTmux === undefined) delete process.env.TMUX;
      else process.env.TMUX = savedTmux;
      tmux('kill-server');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
