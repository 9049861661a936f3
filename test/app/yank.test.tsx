import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import type { TmuxResult } from '../../src/export/tmux.ts';
import type { AuthEvent } from '../../src/gateway/types.ts';
import { selectedItem, type PagedList } from '../../src/store/paged-list.ts';
import { listKey } from '../../src/store/routes.ts';
import { startOnEvents, withApp } from '../helpers/app-harness.tsx';
import { waitFor } from '../helpers/wait-for.ts';

const decoded = (written: string[]) => [...written.join('').matchAll(/52;c;([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));

describe('Y copies one field of the selection', () => {
  it('on an event: Y shows the picker\'s keys, a sends its IP through OSC 52 and says so', async () => {
    const written: string[] = [];
    await withApp(() => startOnEvents({ deps: { writeToTerminal: (b) => { written.push(b); }, env: { TERM: 'xterm-256color' } } }), async (h) => {
      await h.press('Y');
      const picker = await h.waitForText('esc cancel');
      assert.match(picker, /u copy username {2}i copy event id {2}a copy IP address {2}esc cancel/);
      const selected = selectedItem(h.store.getState().lists[listKey({ kind: 'events', poolId: LARGE_POOL_ID, username: TAKEOVER_USERNAME })] as PagedList<AuthEvent>)!;
      assert.ok(selected.ip);
      await h.press('a');
      await waitFor(() => written.length > 0, 5000, 'the OSC 52 sequence');
      assert.deepEqual(decoded(written), [selected.ip]);
      await h.waitForText(`IP address ${selected.ip} sent to the terminal clipboard (OSC 52)`);
      assert.equal(h.store.getState().yank, undefined);
    });
  });

  it('inside tmux without passthrough: the username goes to tmux\'s buffer', async () => {
    const calls: { args: string[]; input?: string }[] = [];
    const tmux = (args: string[], input?: string): TmuxResult => {
      calls.push({ args, input });
      return args[0] === 'show-options' ? { ok: true, output: 'off\n' } : { ok: true, output: '' };
    };
    const written: string[] = [];
    await withApp(() => startOnEvents({ deps: { writeToTerminal: (b) => { written.push(b); }, env: { TMUX: '/tmp/tmux-0/default,1,0' }, tmux } }), async (h) => {
      await h.press('Y');
      await h.waitForText('esc cancel');
      await h.press('u');
      await h.waitForText(`username ${TAKEOVER_USERNAME} put in tmux's buffer (prefix ] pastes it)`);
      assert.deepEqual(calls.at(-1), { args: ['load-buffer', '-w', '-'], input: TAKEOVER_USERNAME });
      assert.deepEqual(written, []);
    });
  });

  it('esc closes the picker without copying; where nothing has a field, Y says so', async () => {
    const written: string[] = [];
    await withApp({ deps: { writeToTerminal: (b) => { written.push(b); }, env: {} } }, async (h) => {
      await h.waitForText(/\/5 pools/);
      await h.press('Y');
      await h.waitForText('Nothing here has a field to copy');
      assert.equal(h.store.getState().yank, undefined);
    });
    await withApp(() => startOnEvents({ deps: { writeToTerminal: (b) => { written.push(b); }, env: {} } }), async (h) => {
      await h.press('Y');
      await h.waitForText('esc cancel');
      await h.press('escape');
      await waitFor(() => h.store.getState().yank === undefined, 2000, 'the picker to close');
      assert.match(h.frame(), /events/);
      assert.deepEqual(written, []);
    });
  });
});
