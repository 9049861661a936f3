import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import Yoga from 'yoga-layout';
import type { User } from '../../src/gateway/types.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { listKey } from '../../src/store/routes.ts';
import { App } from '../../src/ui/App.tsx';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';
const HELP = 'Keys — esc, ? or q closes';

/** Never lays the help out ahead of `?`. */
const NEVER = (): (() => void) => () => {};

function start(scheduleHelpWarm: (warm: () => void) => () => void = NEVER) {
  const gw = new FakeGateway();
  gw.users = Array.from({ length: 200 }, (_, i): User => ({
    username: `user${i}`, enabled: true, status: 'CONFIRMED', mfaOptions: [], attributes: { email: `user${i}@example.com`, name: `User ${i}` },
  }));
  const store = createAppStore({ gateway: gw, flashMs: 60_000 });
  store.getState().actions.openDeepLink(POOL);
  const app = render(<App store={store} columns={120} rows={40} scheduleHelpWarm={scheduleHelpWarm} />);
  const frame = () => app.lastFrame() ?? '';
  const press = async (key: string, shows: (frame: string) => boolean, what: string) => {
    app.stdin.write(key);
    await waitFor(() => shows(frame()), 5000, what);
  };
  return { app, frame, press, store };
}

/** How many Yoga nodes (one per Ink box or text) are made while `act` runs. */
async function nodesMade(act: () => Promise<void>): Promise<number> {
  const create = Yoga.Node.create;
  let made = 0;
  Yoga.Node.create = (...args: Parameters<typeof create>) => {
    made++;
    return create(...args);
  };
  try {
    await act();
  } finally {
    Yoga.Node.create = create;
  }
  return made;
}

describe('? opens and closes the help over the view without making either anew', () => {
  it('after the first time, ? and ? again make no node: the view under the help and the help itself are kept, hidden', async () => {
    const s = start();
    try {
      await waitFor(() => /user0 /.test(s.frame()), 5000, 'the users');
      await s.press('?', (f) => f.includes(HELP), 'the help');
      await s.press('?', (f) => /user0 /.test(f) && !f.includes(HELP), 'the users again');
      const made = await nodesMade(async () => {
        await s.press('?', (f) => f.includes(HELP) && !/user0 /.test(f), 'the help again');
        await s.press('?', (f) => /user0 /.test(f) && !f.includes(HELP), 'the users once more');
      });
      assert.equal(made, 0);
      assert.match(s.frame(), /▶ user0 /);
    } finally {
      s.app.unmount();
    }
  });

  it('while the help is open, a change only the view under it shows draws no frame; closing the help shows the view as it is now', async () => {
    const s = start();
    try {
      await waitFor(() => /user0 /.test(s.frame()), 5000, 'the users');
      await s.press('?', (f) => f.includes(HELP), 'the help');
      const frames = s.app.frames.length;
      const key = listKey({ kind: 'users', poolId: POOL, filter: '' });
      s.store.setState((st) => ({ lists: { ...st.lists, [key]: { ...st.lists[key]!, cursor: 3 } } }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(s.app.frames.length, frames);
      await s.press('?', (f) => !f.includes(HELP) && /user0 /.test(f), 'the users again');
      assert.match(s.frame(), /▶ user3 /);
    } finally {
      s.app.unmount();
    }
  });

  it('the help is laid out, hidden, a moment after the first frame: the first ? then makes no node (without it, it makes the help)', async () => {
    const create = Yoga.Node.create;
    let made = 0;
    Yoga.Node.create = (...args: Parameters<typeof create>) => {
      made++;
      return create(...args);
    };
    let warmHelp: () => void = () => {};
    const cold = start();
    const warm = start((w) => { warmHelp = w; return () => {}; });
    try {
      for (const s of [cold, warm]) await waitFor(() => /user0 /.test(s.frame()), 5000, 'the users');
      const shown = made;
      warmHelp();
      await waitFor(() => made > shown, 5000, 'the hidden help laid out');
      const before = made;
      await warm.press('?', (f) => f.includes(HELP) && !/user0 /.test(f), 'the help');
      assert.equal(made - before, 0, 'the warm app showed the help it had');
      const coldBefore = made;
      await cold.press('?', (f) => f.includes(HELP) && !/user0 /.test(f), 'the help, cold');
      assert.ok(made - coldBefore > 20, `the cold app made the help's nodes (${made - coldBefore})`);
      assert.equal(warm.frame(), cold.frame());
    } finally {
      Yoga.Node.create = create;
      cold.app.unmount();
      warm.app.unmount();
    }
  });
});
