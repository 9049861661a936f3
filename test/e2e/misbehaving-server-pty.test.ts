import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';
import { waitFor } from '../helpers/wait-for.ts';

const count = (emu: RunningEmulator, operation: string) => emu.requests.filter((r) => r.operation === operation).length;

/** The count of `operation` once it has not moved for `quietMs` (the app stopped sending it). */
async function settledCount(emu: RunningEmulator, operation: string, quietMs = 500): Promise<number> {
  let last = -1;
  let since = Date.now();
  const settled = await waitFor(() => {
    const n = count(emu, operation);
    if (n !== last) { last = n; since = Date.now(); return undefined; }
    return Date.now() - since >= quietMs ? { n } : undefined;
  }, 15000, `${operation} requests to stop`);
  return settled!.n;
}

describe('built CLI at 80×24 against a server that returns empty pages for ever', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0, usersInLargePool: 300, adversary: { ListUsers: { mode: 'empty-pages' } } });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 80, rows: 24, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('stops after 10 ListUsers and says so, offering r', async () => {
    await s.waitForText('keeps returning empty pages');
    await s.waitForText('press r to continue');
    assert.equal(await settledCount(emu, 'ListUsers'), 10);
  });

  it('r goes on for 10 more, esc leaves, and q quits with status 0', async () => {
    s.press('r');
    await waitFor(() => count(emu, 'ListUsers') >= 20, 10000);
    assert.equal(await settledCount(emu, 'ListUsers'), 20);
    s.press('escape');
    await s.waitForText(LARGE_POOL_ID);
    s.press('q');
    assert.equal(await s.exited(), 0);
  });
});
