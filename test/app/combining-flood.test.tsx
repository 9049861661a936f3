import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import type { AuthEvent, User } from '../../src/gateway/types.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { App } from '../../src/ui/App.tsx';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { keyCode } from '../helpers/key-codes.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const FLOOD = `a${'\u0301'.repeat(20_000)}`;
const COLUMNS = 80;
const ROWS = 24;
/** A frame of 80×24 cells, each at most a few code units even for a marked letter, plus colour codes. */
const FRAME_BUDGET = COLUMNS * ROWS * 4;

function floodedGateway(): FakeGateway {
  const gw = new FakeGateway();
  gw.users = Array.from({ length: 30 }, (_, i): User => ({
    username: `user${i}${i === 1 ? FLOOD : ''}`, enabled: true, status: 'CONFIRMED', mfaOptions: [],
    attributes: { email: `user${i}@example.com${FLOOD}`, name: FLOOD, 'custom:note': FLOOD },
  }));
  gw.events = Array.from({ length: 30 }, (_, i): AuthEvent => ({
    id: `evt-${i}`, type: 'SignIn', createdAt: 1_700_000_000_000 - i * 60_000, response: 'Pass', riskLevel: 'Low',
    riskDecision: 'NoRisk', challenges: [], ip: '203.0.113.9', city: FLOOD, country: FLOOD, device: FLOOD,
  }));
  return gw;
}

function start() {
  const store = createAppStore({ gateway: floodedGateway(), flashMs: 60_000 });
  store.getState().actions.openDeepLink(POOL);
  const app = render(<App store={store} columns={COLUMNS} rows={ROWS} />);
  const frame = () => app.lastFrame() ?? '';
  return {
    app,
    frame,
    async until(ready: RegExp) {
      await waitFor(() => ready.test(frame()), 5000, `frame to match ${ready}`);
      return frame();
    },
    async pressAndMeasure(key: string): Promise<number> {
      const before = frame();
      app.stdin.write(keyCode(key));
      await waitFor(() => frame() !== before, 5000, `a redraw after ${key}`);
      return frame().length;
    },
  };
}

describe('a field of 20,000 combining marks costs no more than any other field', () => {
  it('users list, user view and events list: every frame stays within the screen budget and shows the cut', async () => {
    const s = start();
    try {
      const users = await s.until(/user0 /);
      assert.ok(users.length <= FRAME_BUDGET, `users list: a frame of ${users.length} code units`);
      for (const key of ['j', 'k']) {
        const length = await s.pressAndMeasure(key);
        assert.ok(length <= FRAME_BUDGET, `users list after ${key}: a frame of ${length} code units`);
      }
      await s.pressAndMeasure('enter');
      const user = await s.until(/\(cut\)/);
      assert.ok(user.length <= FRAME_BUDGET, `user view: a frame of ${user.length} code units`);
      await s.pressAndMeasure('enter');
      const events = await s.until(/\d+\/\d+\+? events/);
      assert.ok(events.length <= FRAME_BUDGET, `events list: a frame of ${events.length} code units`);
      for (const key of ['j', 'j', 'k']) {
        const length = await s.pressAndMeasure(key);
        assert.ok(length <= FRAME_BUDGET, `events list after ${key}: a frame of ${length} code units`);
      }
      await s.pressAndMeasure('enter');
      const event = await s.until(/city/);
      assert.ok(event.length <= FRAME_BUDGET, `event view: a frame of ${event.length} code units`);
      assert.match(event, /city\s+a\u0301+…\(cut\)/u);
    } finally {
      s.app.unmount();
    }
  });
});
