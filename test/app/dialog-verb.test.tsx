import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { ConfirmBar } from '../../src/ui/components/ConfirmBar.tsx';
import { Footer } from '../../src/ui/components/Footer.tsx';
import { StoreContext } from '../../src/ui/store-context.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const POOL = 'us-test-1_Pool1';

function frameOf(store: AppStore): string {
  const app = render(
    <StoreContext.Provider value={store}>
      <Box flexDirection="column" width={120}>
        <ConfirmBar width={120} />
        <Footer width={120} />
      </Box>
    </StoreContext.Provider>,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}

function command(store: AppStore, text: string) {
  const { actions } = store.getState();
  actions.openPrompt('command');
  actions.editPrompt({ text });
  actions.submitPrompt();
}

describe('a yes/no dialog names what y does', () => {
  it(':region with an unknown name: y switch in the dialog line and the footer, never send', () => {
    const store = createAppStore({ gateway: new FakeGateway(), connect: () => new FakeGateway() });
    command(store, 'region eu-north-9');
    assert.ok(store.getState().confirm);
    const frame = frameOf(store);
    assert.equal(frame.match(/y switch/g)?.length, 2, frame);
    assert.doesNotMatch(frame, /y send/);
    dispatchKey(store, 'enter', '');
    assert.ok(store.getState().confirm, 'the key of y is still y: enter does nothing');
  });

  it('the sweep dialog says y start', async () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    store.getState().actions.openDeepLink(POOL);
    await waitFor(() => store.getState().pools[POOL]?.value, 5000, 'pool details');
    dispatchKey(store, 's', 's');
    assert.ok(store.getState().confirm);
    const frame = frameOf(store);
    assert.equal(frame.match(/y start/g)?.length, 2, frame);
    assert.doesNotMatch(frame, /y send/);
    dispatchKey(store, 'escape', '');
  });

  it('a write still says y send', () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    store.getState().actions.openDialog({ title: 'Disable maria? (AdminDisableUser)', onConfirm: () => {} });
    const frame = frameOf(store);
    assert.equal(frame.match(/y send/g)?.length, 2, frame);
  });
});
