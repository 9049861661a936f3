import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TmuxResult } from '../../src/export/tmux.ts';
import type { User } from '../../src/gateway/types.ts';
import { compactUser } from '../../src/store/compact-user.ts';
import { emptyList } from '../../src/store/paged-list.ts';
import { listKey, userKey } from '../../src/store/routes.ts';
import { sweepSlice } from '../../src/store/slices/sweep-slice.ts';
import { sliceHarness } from '../helpers/slice-harness.ts';

const USER: User = { username: 'maria.garcia', enabled: true, status: 'CONFIRMED', mfaOptions: [], attributes: { email: 'maria@example.com' } };
const JSON_TEXT = JSON.stringify({ attributes: { email: 'maria@example.com' }, enabled: true, mfaOptions: [], status: 'CONFIRMED', username: 'maria.garcia' }, null, 2);
const SIZE = `${Buffer.byteLength(JSON_TEXT)} bytes`;

/** C on a user's screen with this environment, terminal and tmux: what was written, what tmux got, what it said. */
function pressC(env: Record<string, string>, opts: { terminal?: boolean; passthrough?: string; takes?: string[] } = {}) {
  const written: string[] = [];
  const tmuxCalls: { args: string[]; input?: string }[] = [];
  const tmux = (args: string[], input?: string): TmuxResult => {
    tmuxCalls.push({ args, input });
    if (args[0] === 'show-options') return opts.passthrough === undefined ? { ok: false, output: '', error: 'no server running' } : { ok: true, output: `${opts.passthrough}\n` };
    return (opts.takes ?? []).includes(args[0]) ? { ok: true, output: '' } : { ok: false, output: '', error: 'no server running' };
  };
  const h = sliceHarness(sweepSlice, {
    deps: { env, tmux, writeToTerminal: opts.terminal === false ? undefined : (b) => { written.push(b); } },
    state: { stack: [{ view: 'user', poolId: 'p', username: 'maria.garcia' }] as never, users: { [userKey('p', 'maria.garcia')]: USER }, lists: {} },
  });
  h.store.getState().actions.copySelected();
  return { written, tmuxCalls, flashes: h.flashes };
}

const osc52Payloads = (written: string[]) => [...written.join('').matchAll(/52;c;([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));

describe('C copies the row as JSON the way Y copies a field', () => {
  it('outside tmux: OSC 52 to the terminal, and says it was sent, not copied', () => {
    const r = pressC({ TERM: 'xterm-256color' });
    assert.deepEqual(osc52Payloads(r.written), [JSON_TEXT]);
    assert.deepEqual(r.flashes, [`info: The row as JSON (${SIZE}) sent to the terminal clipboard (OSC 52)`]);
    assert.deepEqual(r.tmuxCalls, []);
  });
  it('inside tmux with passthrough on: OSC 52 wrapped for tmux', () => {
    const r = pressC({ TMUX: '/tmp/t,1,0' }, { passthrough: 'on' });
    assert.match(r.written.join(''), /^\u001bPtmux;\u001b\u001b\]52;c;/);
    assert.deepEqual(r.flashes, [`info: The row as JSON (${SIZE}) sent to the terminal clipboard (OSC 52, passed through tmux)`]);
  });
  it('inside tmux without passthrough: the JSON goes to tmux\'s buffer and nothing to the terminal', () => {
    const r = pressC({ TMUX: '/tmp/t,1,0' }, { passthrough: 'off', takes: ['load-buffer'] });
    assert.deepEqual(r.written, []);
    assert.deepEqual(r.tmuxCalls.at(-1), { args: ['load-buffer', '-w', '-'], input: JSON_TEXT });
    assert.deepEqual(r.flashes, [`info: The row as JSON (${SIZE}) put in tmux's buffer (prefix ] pastes it)`]);
  });
  it('where nothing takes it: says nothing was copied and what to do instead', () => {
    const noTerminal = pressC({}, { terminal: false });
    assert.deepEqual(noTerminal.flashes, ['warn: No terminal to send it through: nothing was copied. Select the values on screen by hand, or press Y for one field to select.']);
    const tmuxRefuses = pressC({ TMUX: 'x' }, { passthrough: 'off' });
    assert.match(tmuxRefuses.flashes[0], /^warn: tmux did not take it \(no server running\) and does not pass OSC 52 on: nothing was copied\./);
    const linux = pressC({ TERM: 'linux' });
    assert.deepEqual(linux.written, []);
    assert.match(linux.flashes[0], /^warn: This terminal \(TERM=linux\) has no clipboard sequence/);
  });
  it('a users-list row: says it is the list row, and where every attribute is', () => {
    const written: string[] = [];
    const row = compactUser(USER);
    const list = { ...emptyList(), items: [row], pagesLoaded: 1, cursor: 0 };
    const h = sliceHarness(sweepSlice, {
      deps: { env: { TERM: 'xterm' }, tmux: () => ({ ok: false, output: '' }), writeToTerminal: (b) => { written.push(b); } },
      state: { stack: [{ view: 'users', poolId: 'p' }] as never, users: {}, lists: { [listKey({ kind: 'users', poolId: 'p', filter: '' })]: list } as never, eventViews: {}, searches: {}, sorts: {} },
      kit: { list: () => list as never },
    });
    h.store.getState().actions.copySelected();
    const size = `${Buffer.byteLength(osc52Payloads(written)[0] ?? '')} bytes`;
    assert.deepEqual(h.flashes, [`info: The list row as JSON (${size}) sent to the terminal clipboard (OSC 52). Open the user to copy every attribute.`]);
  });
  it('never says a bare "copied"', () => {
    for (const r of [pressC({}), pressC({ TMUX: 'x' }, { passthrough: 'on' }), pressC({ TMUX: 'x' }, { passthrough: 'off', takes: ['set-buffer'] })]) {
      assert.doesNotMatch(r.flashes[0], /copied/i);
    }
  });
});
