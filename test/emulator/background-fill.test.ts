import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';

const MAX_STEP_CPU_MS = 100;

describe('the emulator\'s background fill of logs and metrics', () => {
  it(`works in short steps: no turn of the event loop spends ${MAX_STEP_CPU_MS} ms of CPU, so requests are answered meanwhile`, async () => {
    const emu = await startEmulator({ port: 0, usersInLargePool: 10_000 });
    const turns: number[] = [];
    let last = process.cpuUsage();
    const tick = setInterval(() => {
      const used = process.cpuUsage(last);
      turns.push((used.user + used.system) / 1000);
      last = process.cpuUsage();
    }, 1);
    try {
      const { events } = await emu.fillLogs();
      assert.ok(events > 100_000, `${events} records exported`);
    } finally {
      clearInterval(tick);
      await emu.close();
    }
    const worst = Math.max(...turns);
    assert.ok(turns.length > 50, `${turns.length} turns`);
    assert.ok(worst < MAX_STEP_CPU_MS, `the longest turn took ${worst.toFixed(0)} ms of CPU`);
  });
});
