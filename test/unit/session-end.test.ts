import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isTerminalGone } from '../../src/cli/exit-status.ts';
import { canStopForJobControl, type ProcessIds } from '../../src/cli/job-control.ts';
import { restoreTerminal } from '../../src/cli/terminal-modes.ts';
import {
  appendUnknownWrites, readUnknownWrites, saveUnknownWrites, stateDirectory, UNKNOWN_WRITES_FILE, unknownWritesNotice, writesInFlight,
  type UnknownWrite,
} from '../../src/cli/unknown-writes.ts';
import type { AppState } from '../../src/store/state.ts';
import { NO_WRITES_IN_FLIGHT, withInFlight, type InFlightWrite, type WriteWhere } from '../../src/writes/in-flight.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cognito-tui-session-end-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('isTerminalGone', () => {
  it('is true for what a read or write on a closed terminal fails with', () => {
    for (const code of ['EIO', 'EPIPE', 'ENXIO', 'ERR_STREAM_DESTROYED']) assert.equal(isTerminalGone(Object.assign(new Error('x'), { code })), true, code);
  });
  it('is false for any other failure', () => {
    for (const error of [new Error('boom'), Object.assign(new Error('x'), { code: 'EACCES' }), 'EIO', undefined, null]) assert.equal(isTerminalGone(error), false);
  });
});

describe('canStopForJobControl', () => {
  /** A process table: pid → [ppid, pgrp, session]. */
  const table = (rows: Record<number, [number, number, number]>) => (pid: number): ProcessIds | undefined =>
    rows[pid] ? { ppid: rows[pid][0], pgrp: rows[pid][1], session: rows[pid][2] } : undefined;

  it('is true when a shell of the same session, in another group, started the job', () => {
    assert.equal(canStopForJobControl(20, table({ 10: [1, 10, 10], 20: [10, 20, 10] })), true);
  });
  it('walks up through parents in the same group (npx, npm run) to the shell', () => {
    assert.equal(canStopForJobControl(30, table({ 10: [1, 10, 10], 20: [10, 20, 10], 30: [20, 20, 10] })), true);
  });
  it('is false for the terminal\'s own process (a tmux pane command, a pseudo-terminal started by a program)', () => {
    assert.equal(canStopForJobControl(20, table({ 5: [1, 5, 5], 20: [5, 20, 20] })), false);
  });
  it('is true where /proc cannot tell', () => {
    assert.equal(canStopForJobControl(20, () => undefined), true);
  });
  it('reads this very process from /proc', () => {
    assert.equal(typeof canStopForJobControl(), 'boolean');
  });
});

describe('restoreTerminal', () => {
  it('leaves the alternate screen, shows the cursor and turns raw mode off', () => {
    const written: string[] = [];
    const modes: boolean[] = [];
    restoreTerminal({ stdin: { isTTY: true, setRawMode: (m) => modes.push(m) }, stdout: { isTTY: true, write: (t) => written.push(t) } });
    assert.deepEqual(written, ['\u001b[?1049l\u001b[?25h']);
    assert.deepEqual(modes, [false]);
  });
  it('skips each step a terminal that has gone away fails', () => {
    const modes: boolean[] = [];
    const fail = () => { throw Object.assign(new Error('write EIO'), { code: 'EIO' }); };
    restoreTerminal({ stdin: { isTTY: true, setRawMode: (m) => modes.push(m) }, stdout: { isTTY: true, write: fail } });
    assert.deepEqual(modes, [false]);
  });
});

describe('stateDirectory', () => {
  it('is $XDG_STATE_HOME/cognito-tui, else ~/.local/state/cognito-tui', () => {
    assert.equal(stateDirectory({ XDG_STATE_HOME: '/var/state' }, '/home/ana'), '/var/state/cognito-tui');
    assert.equal(stateDirectory({}, '/home/ana'), '/home/ana/.local/state/cognito-tui');
  });
  it('ignores a relative or empty XDG_STATE_HOME, as the XDG spec says', () => {
    assert.equal(stateDirectory({ XDG_STATE_HOME: 'state' }, '/home/ana'), '/home/ana/.local/state/cognito-tui');
    assert.equal(stateDirectory({ XDG_STATE_HOME: '' }, '/home/ana'), '/home/ana/.local/state/cognito-tui');
  });
});

const POOL = 'eu-west-1_AbCdEf123';

const OPERATIONS: Record<string, string> = { disable: 'AdminDisableUser', enable: 'AdminEnableUser', 'sign-out': 'AdminUserGlobalSignOut' };

function inFlight(where: WriteWhere, write: string): InFlightWrite {
  const operation = where.eventId ? 'AdminUpdateAuthEventFeedback' : OPERATIONS[write];
  return { ...where, operation, write, label: `${write} ${where.username}`, phase: 'sending' };
}

function state(writes: InFlightWrite[]): Pick<AppState, 'pendingWrites' | 'target'> {
  return { pendingWrites: writes.reduce(withInFlight, NO_WRITES_IN_FLIGHT), target: { region: 'eu-west-1', profile: 'oncall' } };
}

describe('writesInFlight', () => {
  const now = Date.UTC(2026, 10, 29, 4, 40, 0);
  it('is empty when nothing is in flight', () => {
    assert.deepEqual(writesInFlight(state([]), now), []);
  });
  it('names each user write with its operation, pool and user', () => {
    const writes = writesInFlight(state([inFlight({ poolId: POOL, username: 'maria' }, 'disable'), inFlight({ poolId: POOL, username: 'bob' }, 'sign-out')]), now);
    assert.deepEqual(writes, [
      { at: '2026-11-29T04:40:00.000Z', operation: 'AdminDisableUser', write: 'disable', poolId: POOL, username: 'maria', region: 'eu-west-1', profile: 'oncall' },
      { at: '2026-11-29T04:40:00.000Z', operation: 'AdminUserGlobalSignOut', write: 'sign-out', poolId: POOL, username: 'bob', region: 'eu-west-1', profile: 'oncall' },
    ]);
  });
  it('names the pool, user and event of a feedback write', () => {
    const [w] = writesInFlight(state([inFlight({ poolId: POOL, username: 'maria', eventId: 'e-2' }, 'feedback Invalid')]), now);
    assert.deepEqual(w, { at: '2026-11-29T04:40:00.000Z', operation: 'AdminUpdateAuthEventFeedback', write: 'feedback Invalid', poolId: POOL, username: 'maria', eventId: 'e-2', region: 'eu-west-1', profile: 'oncall' });
  });
});

const record = (username: string): UnknownWrite => ({ at: '2026-11-29T04:40:00.000Z', operation: 'AdminDisableUser', write: 'disable', poolId: POOL, username });

describe('the record of unknown outcomes', () => {
  it('is written with directory 0700 and file 0600, and read back', () => {
    const dir = join(scratch, 'a', 'cognito-tui');
    saveUnknownWrites(dir, [record('maria')]);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, UNKNOWN_WRITES_FILE)).mode & 0o777, 0o600);
    assert.deepEqual(readUnknownWrites(dir), [record('maria')]);
  });
  it('makes an existing directory of its own 0700', () => {
    const dir = join(scratch, 'b', 'cognito-tui');
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    saveUnknownWrites(dir, [record('maria')]);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  });
  it('keeps the records of earlier sessions when adding new ones, and saving none removes the file', () => {
    const dir = join(scratch, 'c', 'cognito-tui');
    appendUnknownWrites(dir, [record('maria')]);
    appendUnknownWrites(dir, [record('bob')]);
    assert.deepEqual(readUnknownWrites(dir).map((w) => w.username), ['maria', 'bob']);
    saveUnknownWrites(dir, []);
    assert.deepEqual(readUnknownWrites(dir), []);
    saveUnknownWrites(dir, []);
  });
  it('reads a file that is not its own as no records, keeping only well-formed ones and bounding each field', () => {
    const dir = join(scratch, 'd', 'cognito-tui');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, UNKNOWN_WRITES_FILE), '{ not json');
    assert.deepEqual(readUnknownWrites(dir), []);
    writeFileSync(join(dir, UNKNOWN_WRITES_FILE), JSON.stringify([42, { write: 'x' }, { ...record('x'.repeat(5000)), eventId: 7 }]));
    const [only, ...rest] = readUnknownWrites(dir);
    assert.deepEqual(rest, []);
    assert.equal(only.username.length, 512);
    assert.equal('eventId' in only, false);
  });
  it('holds no more than the names and ids it was given', () => {
    const dir = join(scratch, 'e', 'cognito-tui');
    saveUnknownWrites(dir, writesInFlight(state([inFlight({ poolId: POOL, username: 'maria' }, 'enable')]), 0));
    const text = readFileSync(join(dir, UNKNOWN_WRITES_FILE), 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(text)[0]).sort(), ['at', 'operation', 'poolId', 'profile', 'region', 'username', 'write']);
  });
});

describe('unknownWritesNotice', () => {
  it('counts them, names the first two and asks to check them', () => {
    const notice = unknownWritesNotice([record('maria'), record('bob'), record('carol')]);
    assert.match(notice, /^3 writes had an unknown outcome when the last session ended: disable of maria \(eu-west-1_AbCdEf123; AdminDisableUser, 2026-11-29T04:40:00.000Z\); disable of bob .*; and 1 more \(listed when you quit\); check them\.$/);
  });
  it('speaks of one write as one', () => {
    assert.match(unknownWritesNotice([record('maria')]), /^1 write had an unknown outcome .*; check it\.$/);
  });
});
