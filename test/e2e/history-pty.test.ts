import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { bareEnv, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

async function searchOnce(state: string, ...flags: string[]): Promise<void> {
  const s = new PtySession([BUILT_CLI, '--demo', '--pool', LARGE_POOL_ID, ...flags], { env: bareEnv({ XDG_STATE_HOME: state }) });
  try {
    await s.waitForText(/\/\d+\+? users/);
    s.press('/');
    s.type('maria');
    s.press('enter');
    await s.waitForText(/maria\.garcia/);
    s.press('q');
    assert.equal(await s.exited(), 0);
  } finally {
    await s.stop();
  }
}

describe('built CLI: the search history in the state directory', () => {
  it('is saved per pool in $XDG_STATE_HOME/cognito-tui/history with mode 0600; --no-history saves none', async () => {
    const state = mkdtempSync(join(tmpdir(), 'cognito-tui-history-pty-'));
    const quiet = mkdtempSync(join(tmpdir(), 'cognito-tui-history-pty-'));
    try {
      await searchOnce(state);
      const file = join(state, 'cognito-tui', 'history', `${LARGE_POOL_ID}.json`);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.deepEqual((JSON.parse(readFileSync(file, 'utf8')) as { search: string[] }).search, ['maria']);
      await searchOnce(quiet, '--no-history');
      assert.equal(existsSync(join(quiet, 'cognito-tui', 'history')), false);
    } finally {
      rmSync(state, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      rmSync(quiet, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  });
});
