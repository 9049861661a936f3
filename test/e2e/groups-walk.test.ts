import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

function ops(emu: RunningEmulator, name: string) {
  return emu.requests.filter((r) => r.operation === name);
}

describe('built CLI in a pseudo-terminal at 80×24: groups → members → user → events', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 80, rows: 24, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it(':groups lists the pool\'s groups', async () => {
    await s.waitForText(/\/60\+ users/);
    s.press(':');
    s.type('groups');
    s.press('enter');
    const screen = await s.waitForText('/5 groups · all loaded');
    assert.match(screen, /› groups/);
    assert.match(screen, /▶ admins/);
    assert.match(screen, /support/);
    assert.equal(ops(emu, 'ListGroups').length, 1);
  });

  it('G, enter: the last group\'s (support\'s) members, a page at a time', async () => {
    s.press('G');
    await s.waitForText('▶ support');
    s.press('enter');
    const screen = await s.waitForText('1/60+ members');
    assert.match(screen, /› groups › support/);
    assert.equal(ops(emu, 'ListUsersInGroup').length, 1);
  });

  it('j down to maria.garcia, enter opens her, enter again her events', async () => {
    for (let moves = 0; ; moves++) {
      const screen = await s.screen();
      if (/▶ maria\.garcia/.test(screen)) break;
      assert.ok(moves < 70, 'maria.garcia is among the members');
      const at = Number(/(\d+)\/\d+\+? members/.exec(screen)![1]);
      s.press('j');
      await s.waitForText(new RegExp(`\\b${at + 1}/\\d+\\+? members`));
    }
    s.press('enter');
    const user = await s.waitForText(/username\s+maria\.garcia/);
    assert.match(user, /groups/);
    s.press('enter');
    await s.waitForText(`events of ${TAKEOVER_USERNAME}`);
    await s.waitForText(/\d+\/\d+\+? events/);
  });

  it('esc, esc: back on the members, the cursor still on maria.garcia', async () => {
    s.press('escape');
    await s.waitForText(/username\s+maria\.garcia/);
    s.press('escape');
    const screen = await s.waitForText(/▶ maria\.garcia/);
    assert.match(screen, /› groups › support/);
  });
});
