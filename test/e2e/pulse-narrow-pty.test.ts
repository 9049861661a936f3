import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { AWS_ENV, BUILT_CLI, PtySession } from '../helpers/pty-session.ts';

describe('built CLI in a pseudo-terminal at 80×24: the pool line', () => {
  let emu: RunningEmulator;
  let s: PtySession;
  before(async () => {
    emu = await startEmulator({ port: 0, usersInLargePool: 300 });
    s = new PtySession([BUILT_CLI, '--endpoint-url', emu.url, '--pool', LARGE_POOL_ID], { cols: 80, rows: 24, env: AWS_ENV });
  });
  after(async () => {
    await s.stop();
    await emu.close();
  });

  it('draws all three pulse metrics, ATO, CC and blocked, with their latest/peak, within 80 columns', async () => {
    await s.waitForText(/\/60\+ users/);
    const screen = await s.waitForText(/ATO \S{10} \d+\/\d+ CC \S{10} \d+\/\d+ blocked \S{10} \d+\/\d+/, 30_000);
    const line = screen.split('\n').find((l) => l.includes('ATO '))!;
    assert.match(line, /^ENFORCED · PLUS · ATO /);
    assert.ok(line.length <= 80, line);
  });
});
