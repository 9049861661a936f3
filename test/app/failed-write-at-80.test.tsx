import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startOnEvents, withApp } from '../helpers/app-harness.tsx';

describe('a failed write at 80×24', () => {
  it('keeps the key that retries it on the flash line and in the footer', async () => {
    const start = () => startOnEvents({
      columns: 80, rows: 24, emulator: { adversary: { AdminUpdateAuthEventFeedback: { mode: 'server-error' } } },
    });
    await withApp(start, async (h) => {
      await h.press('i');
      await h.waitForText(/Mark .* as Invalid\?/);
      await h.press('y');
      const frame = await h.waitForText('NOT saved');
      const lines = frame.split('\n');
      const flash = lines.find((l) => l.includes('NOT saved')) ?? '';
      assert.match(flash, /R to retry \(asks first\)\.$/, 'the flash line ends with the key that retries');
      assert.ok(lines.every((l) => l.length <= 80), 'nothing is wider than the screen');
      assert.match(lines.at(-1) ?? '', /^R retry the write/, 'the footer names R first');
      assert.equal(h.count('AdminUpdateAuthEventFeedback'), 1, 'a 5xx on a write is not retried by itself');
    });
  });
});
