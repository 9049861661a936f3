import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { RiskPulseData, RiskPulseRequest } from '../../src/gateway/types.ts';
import { helpTables, tablesFor } from '../../src/keys/dispatch.ts';
import { LIST_KEYS } from '../../src/keys/global-keys.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { VIEWS } from '../../src/views/registry.ts';
import { App } from '../../src/ui/App.tsx';
import { FakeGateway, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';

/** Renders the app on `gw` at the users of POOL. */
function appOn(gw: FakeGateway, columns = 140) {
  const store = createAppStore({ gateway: gw, flashMs: 60_000, listRows: 20 });
  store.getState().actions.openDeepLink(POOL);
  const app = render(<App store={store} columns={columns} rows={30} />);
  const frame = () => app.lastFrame() ?? '';
  const until = (test: RegExp, what: string) => waitFor(() => (test.test(frame()) ? frame() : ''), 5000, what);
  return { store, app, frame, until };
}

const pulseOf = (ato: number[], blocked = 4) => (r: RiskPulseRequest): Promise<RiskPulseData> => Promise.resolve({
  startMs: r.startMs, endMs: r.endMs, periodSeconds: r.periodSeconds,
  series: [
    { metric: 'AccountTakeoverRisk', points: ato.map((value, i) => ({ at: r.endMs - (ato.length - i) * 300_000, value })) },
    { metric: 'CompromisedCredentialRisk', points: [] },
    { metric: 'OverrideBlock', points: blocked ? [{ at: r.startMs, value: blocked }] : [] },
  ],
});

describe('sort keys in every list view, the footer and the help', () => {
  it('every view with a list binds > and < to the same sort actions', () => {
    for (const view of VIEWS.filter((v) => v.keys.includes(LIST_KEYS[0]))) {
      const keys = tablesFor(view.name).flatMap((t) => t.bindings).flatMap((b) => b.keys);
      assert.ok(keys.includes('>') && keys.includes('<'), view.name);
      assert.equal(keys.filter((k) => k === '>').length, 1, `${view.name}: > bound once`);
    }
  });

  it('the users list: > sorts, the header marks the column, the status line says only the loaded users are sorted; the help lists both keys', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(150);
    const { app, frame, until } = appOn(gw);
    try {
      await until(/\/\d+\+ users/, 'the first page');
      assert.match(frame(), /> sort/, 'the footer shows the sort key');
      app.stdin.write('>');
      await until(/USERNAME↑/, 'the arrow');
      assert.match(frame(), /sorted by USERNAME ↑: the \d+ loaded only/);
      app.stdin.write('<');
      await until(/USERNAME↓/, 'the reversed arrow');
      app.stdin.write('g');
      await until(/▶ user00059 /, 'the last loaded user first, selected');
      const help = helpTables('users').flatMap((t) => t.bindings).map((b) => `${b.label} ${b.description}`);
      assert.ok(help.includes('> sort by the next column (then as loaded); a list still paging sorts what is loaded'));
      assert.ok(help.includes('< reverse the sort'));
    } finally {
      app.unmount();
    }
  });
});

describe('risk pulse in the pool line', () => {
  it('with data: a sparkline per metric with latest/peak', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(5);
    Object.assign(gw, { riskPulse: pulseOf([0, 2, 9, 3]) });
    const { app, until } = appOn(gw);
    try {
      const frame = await until(/ATO \S+ 3\/9/, 'the pulse');
      assert.match(frame, /CC ▁+ 0\/0/);
      assert.match(frame, /blocked \S+ 0\/4/);
    } finally {
      app.unmount();
    }
  });

  it('without data: "pulse no data"; denied: "pulse denied", and the users list works as before', async () => {
    const empty = new FakeGateway();
    empty.users = makeUsers(5);
    Object.assign(empty, { riskPulse: pulseOf([0, 0], 0) });
    const a = appOn(empty);
    try {
      await a.until(/pulse no data/, 'no data');
    } finally {
      a.app.unmount();
    }
    const denied = new FakeGateway();
    denied.users = makeUsers(5);
    Object.assign(denied, {
      riskPulse: () => Promise.reject(new GatewayError({ kind: 'permission', retryable: false, operation: 'GetMetricData', message: 'Not allowed to call GetMetricData: add cloudwatch:GetMetricData to your IAM policy.' })),
    });
    const b = appOn(denied);
    try {
      await b.until(/pulse denied/, 'denied');
      const frame = await b.until(/user00004/, 'the users');
      assert.doesNotMatch(frame, /✖/);
      b.app.stdin.write(':');
      for (const ch of 'pulse') b.app.stdin.write(ch);
      b.app.stdin.write('\r');
      await b.until(/add cloudwatch:GetMetricData to your IAM policy/, ':pulse says why');
    } finally {
      b.app.unmount();
    }
  });
});
