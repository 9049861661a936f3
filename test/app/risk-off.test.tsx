import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OFF_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { withApp } from '../helpers/app-harness.tsx';

describe('risk configuration of a pool with threat protection off', () => {
  it('says so in a sentence instead of drawing rows of …', async () => {
    await withApp({ columns: 80, rows: 24, deepLink: { pool: OFF_POOL_ID } }, async (h) => {
      await h.waitForText(/\/\d+\+? users/);
      await h.press('c');
      const frame = await h.waitForText('Threat protection is off for this pool');
      assert.doesNotMatch(frame, /^\S.*\s…\s*$/m, 'no row of …');
      assert.doesNotMatch(frame, /takeover: High risk/);
      await h.waitForText('tools-web');
    });
  });
});
