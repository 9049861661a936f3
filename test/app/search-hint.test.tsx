import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { createAppStore } from '../../src/store/app-store.ts';
import { SearchLine } from '../../src/ui/components/SearchLine.tsx';
import { StoreContext } from '../../src/ui/store-context.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';

describe('the search line hint at 80 columns', () => {
  it('typing +34612345678 names phone_number, the attribute the search will use, not email', () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    store.getState().actions.openSearch('us-test-1_Pool1');
    store.getState().actions.editPrompt({ text: '+34612345678' });
    const app = render(<StoreContext.Provider value={store}><SearchLine width={80} poolId="us-test-1_Pool1" /></StoreContext.Provider>);
    const frame = app.lastFrame() ?? '';
    app.unmount();
    assert.match(frame, /phone_number starts with/, frame);
    assert.doesNotMatch(frame, /email starts with/, frame);
  });
});
