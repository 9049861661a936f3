import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

describe('built CLI in a pseudo-terminal at 120×30: the risk pulse and sorting the users', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 120, rows: 30, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('the pool line draws the pulse read from CloudWatch at --endpoint-url', async () => {
    await s.waitForText(/\/60\+ users/);
    const screen = await s.waitForText(/ATO \S{12} \d+\/\d+ CC \S{12} \d+\/\d+ blocked \S{12} \d+\/\d+/, 30_000);
    assert.match(screen, /threat protection ENFORCED · tier PLUS · ATO/);
    assert.equal(emu.requests.filter((r) => r.operation === 'GetMetricData').length, 1);
  });

  it('> sorts the loaded users by USERNAME, < reverses; the status line says only the loaded ones are sorted', async () => {
    s.press('>');
    const sorted = await s.waitForText('USERNAME↑');
    assert.match(sorted, /sorted by USERNAME ↑: the 60 loaded only/);
    s.press('<', 'g');
    await s.waitForText('USERNAME↓');
    s.press('>', '>');
    await s.waitForText('NAME↑');
  });

  it(':pulse draws each metric wide with its latest value and peak', async () => {
    s.press(':');
    s.type('pulse');
    s.press('enter');
    const screen = await s.waitForText(/latest \d+ · peak \d+/);
    assert.match(screen, /› pulse/);
    assert.match(screen, /account-takeover risk/);
  });
});
