import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import { makeUsers } from '../helpers/fake-gateway.ts';
import { complete, FakeLogsGateway } from '../helpers/fake-logs-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool00001';
const NOW = Date.UTC(2026, 10, 29, 14, 0, 0);

describe('the query view when an answer was cut and none of its rows is shown', () => {
  it('says the rows returned held nothing to show because of the cut, not that no records match', async () => {
    const gw = new FakeLogsGateway();
    gw.users = makeUsers(5);
    gw.delivery = { poolId: POOL, userAuthEvents: { kind: 'cloudwatch', arn: 'arn:aws:logs:us-test-1:1:log-group:/g', logGroupName: '/g', level: 'INFO' } };
    gw.script = [complete(Array.from({ length: 10_000 }, (_, i) => ({
      'message.userName': `user${i}`, 'message.country': 'PT', first: '2026-11-01 10:00:00.000', events: '3',
    })))];
    const store = createAppStore({ gateway: gw, listRows: 20, now: () => NOW, queryPoll: { firstMs: 1, factor: 1, maxMs: 1 } });
    store.getState().actions.push({ view: 'pools' });
    store.getState().actions.push({ view: 'users', poolId: POOL });
    const app = render(createElement(App, { store, columns: 120, rows: 30 }));
    try {
      dispatchKey(store, 'W', 'W');
      await waitFor(() => store.getState().confirm !== undefined, 2000, 'the ask-first dialog');
      dispatchKey(store, 'y', 'y');
      await waitFor(() => /None to show among the 10,000 rows returned: the answer was cut at the service's limit\./.test(app.lastFrame() ?? ''), 5000, 'the cut answer\'s empty text');
      assert.doesNotMatch(app.lastFrame() ?? '', /No records match in this range/);
    } finally {
      app.unmount();
    }
  });
});
