import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID, TAKEOVER_USERNAME } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

function ops(emu: RunningEmulator, name: string) {
  return emu.requests.filter((r) => r.operation === name);
}

describe('built CLI in a pseudo-terminal: alert → user → risky event → tag → disable → sweep', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME], { cols: 140, rows: 36, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('the deep link from the alert lands on the user\'s events', async () => {
    await s.waitForText(`events of ${TAKEOVER_USERNAME}`);
    await s.waitForText(/\d+\/\d+\+? events/);
  });

  it('a, enter: the newest event that needs attention, in detail (2 keys from the shell)', async () => {
    s.press('a');
    await s.waitForText('filter: needs attention');
    s.press('enter');
    const screen = await s.waitForText('compromised credentials');
    assert.match(screen, /risk level +▲▲ High|risk decision +✖ (AccountTakeover|Block)|response +Fail/);
  });

  it('i, y tags it Invalid: one write', async () => {
    s.press('i');
    await s.waitForText('as Invalid?');
    s.press('y');
    await s.waitForText('Saved:');
    assert.equal(ops(emu, 'AdminUpdateAuthEventFeedback').length, 1);
  });

  it('esc, then 5 × space, i, y tags 5 events Invalid (7 keys), each written once', async () => {
    s.press('escape');
    await s.waitForText('filter: needs attention');
    s.press('F');
    await s.waitForText('f filters loaded events');
    s.press('g');
    s.press('space', 'space', 'space', 'space', 'space');
    await s.waitForText('5 marked');
    s.press('i');
    await s.waitForText('Mark 5 marked events');
    s.press('y');
    await s.waitForText('Saved: 5 events marked Invalid');
    const ids = ops(emu, 'AdminUpdateAuthEventFeedback').slice(1).map((r) => (r.body as { EventId: string }).EventId);
    assert.equal(ids.length, 5);
    assert.equal(new Set(ids).size, 5);
  });

  it('d, y disables the user and shows it', async () => {
    s.press('d');
    await s.waitForText(`Disable ${TAKEOVER_USERNAME}? (AdminDisableUser)`);
    s.press('y');
    await s.waitForText(`Disabled: ${TAKEOVER_USERNAME}`);
    assert.equal(ops(emu, 'AdminDisableUser').length, 1);
    s.press('escape');
    await s.waitForText('NO (disabled)');
  });

  it('back to the users, narrowed to the user, s sweeps after confirming; the finding opens', async () => {
    s.press('escape');
    await s.waitForText('/ searches users on the server');
    s.press('/');
    s.type(`username ^= "${TAKEOVER_USERNAME}"`);
    s.press('enter');
    await s.waitForText(`filter: username ^= "${TAKEOVER_USERNAME}"`);
    s.press('s');
    await s.waitForText('for risky events?');
    await s.waitForText(/about [\d,]+ calls/);
    s.press('y');
    await s.waitForText(/Sweep done: \d+ risky events in 1 of 1 users/);
    s.press('enter');
    await s.waitForText(`events of ${TAKEOVER_USERNAME}`);
  });

  it('q quits cleanly', async () => {
    s.press('q');
    assert.equal(await s.exited(), 0);
  });
});

describe('built CLI: NO_COLOR', () => {
  it('draws no colour, and the risk still reads as text', async () => {
    const emu = await startEmulator({ port: 0 });
    const s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID, '--user', TAKEOVER_USERNAME], { env: { ...AWS_ENV, NO_COLOR: '1' } });
    try {
      await s.waitForText(/▲▲ High +✖ (AccountTakeover|Block)/);
      assert.doesNotMatch(s.raw, /\u001b\[(3[0-7]|9[0-7]|38;[25];)[\d;]*m/, 'no foreground colour sequence');
      s.press('q');
      assert.equal(await s.exited(), 0);
    } finally {
      await s.stop();
      await emu.close();
    }
  });
});
