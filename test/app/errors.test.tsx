import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { withApp } from '../helpers/app-harness.tsx';

describe('app: errors are drawn as messages', () => {
  it('an unknown pool says it does not exist', () =>
    withApp({ deepLink: { pool: 'us-east-1_Nope0000' } }, async (h) => {
      await h.waitForText(/does not exist/);
    }));

  it('throttling is retried by the SDK and counted in the footer', () =>
    withApp({ emulator: { faults: { throttleRate: 0.5 } }, maxReadAttempts: 8 }, async (h) => {
      await h.waitForText(LARGE_POOL_ID);
      await h.press('enter');
      await h.waitForText(/1\/60\+ users/);
      const throttled = h.emulator.requests.filter((r) => r.errorType === 'TooManyRequestsException').length;
      assert.ok(throttled > 0, 'the emulator throttled some requests');
      assert.ok(h.emulator.requests.length > throttled, 'and the retries got through');
      await h.waitForText(/throttled \d+/);
    }));

  it('a server that refuses connections is named with its URL', () =>
    withApp({}, async (h) => {
      const url = h.emulator.url;
      await h.emulator.close();
      h.store.getState().actions.refresh();
      await h.waitForText(/refused the connection|Lost the connection/);
      assert.match(h.frame(), new RegExp(url.replace(/[.:/]/g, '.')));
    }));
});
