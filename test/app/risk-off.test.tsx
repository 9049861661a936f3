import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { OFF_POOL_ID } from '../../src/emulator/well-known-ids.ts';
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
