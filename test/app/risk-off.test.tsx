import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { LARGE_POOL_ID, OFF_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import { withApp } from '../helpers/app-harness.tsx';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';

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

describe('a pool with threat protection OFF is not asked for its risk configuration', () => {
  it('sends no DescribeRiskConfiguration, for the pool or any client, on entering, moving or refreshing; nothing counts as failed', async () => {
    await withApp({ columns: 80, rows: 24, deepLink: { pool: OFF_POOL_ID } }, async (h) => {
      await h.waitForText(/\/\d+\+? users/);
      await h.press('c');
      await h.waitForText('Threat protection is off for this pool');
      await h.waitForText('tools-web');
      await h.press('j', 'k');
      const listed = h.count('ListUserPoolClients');
      await h.press('r');
      await waitFor(() => h.count('ListUserPoolClients') > listed && !h.store.getState().pools[OFF_POOL_ID]?.loading, 5000, 'the refresh');
      await waitFor(() => !/loading/i.test(h.frame()), 5000, 'the refresh to settle');
      assert.equal(h.count('DescribeRiskConfiguration'), 0, h.operations().join(' '));
      assert.ok(h.count('DescribeUserPool') >= 1);
      assert.equal(h.store.getState().api.failed, 0);
      assert.doesNotMatch(h.frame(), /failed \d/);
    });
  });

  it('a pool with threat protection on is still asked, for the pool and the selected client', async () => {
    await withApp({ columns: 120, rows: 30, deepLink: { pool: LARGE_POOL_ID } }, async (h) => {
      await h.waitForText(/\/\d+\+? users/);
      await h.press('c');
      await waitFor(() => h.count('DescribeRiskConfiguration') >= 2, 8000, 'pool and client risk configurations');
      assert.equal(h.store.getState().api.failed, 0);
    });
  });
});

describe('risk configuration that failed to load', () => {
  it('says what failed and how to retry instead of drawing rows of …', async () => {
    const gw = new FakeGateway();
    gw.failing.set('DescribeRiskConfiguration', new GatewayError({ kind: 'throttled', retryable: true, message: 'Cognito throttled DescribeRiskConfiguration.', operation: 'DescribeRiskConfiguration' }));
    const store = createAppStore({ gateway: gw, flashMs: 60_000 });
    store.getState().actions.openDeepLink(POOL);
    store.getState().actions.openRisk(POOL);
    const app = render(<App store={store} columns={80} rows={24} />);
    try {
      const frame = await waitFor(() => (/Cognito throttled DescribeRiskConfiguration/.test(app.lastFrame() ?? '') ? app.lastFrame()! : ''), 5000, 'the risk error');
      assert.match(frame, /✖ pool configuration: Cognito throttled DescribeRiskConfiguration\. · r retries/);
      assert.doesNotMatch(frame, /^\S.*\s…\s*$/m, 'no row of …');
    } finally {
      app.unmount();
    }
  });
});
