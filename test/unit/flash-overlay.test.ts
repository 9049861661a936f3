import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppStore } from '../../src/store/app-store.ts';
import { checklistDialog } from '../../src/store/dialog.ts';
import { FakeGateway, makeEvents, makeUsers } from '../helpers/fake-gateway.ts';
import { waitFor } from '../helpers/wait-for.ts';

const yesNo = (title: string) => ({ title, onConfirm: () => {} });

describe('a flash does not outlive its action', () => {
  it('cancelling a dialog flashes, and opening the next dialog clears that flash', () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    const { actions } = store.getState();
    actions.openDialog(yesNo('Disable maria?'));
    actions.confirmNo();
    assert.equal(store.getState().flash?.text, 'Cancelled: nothing was sent.');
    actions.openDialog(yesNo('Mark the event as Invalid?'));
    assert.equal(store.getState().confirm !== undefined, true);
    assert.equal(store.getState().flash, undefined);
  });

  it('opening an input line clears the flash', () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    const { actions } = store.getState();
    actions.flash('info', 'Cancelled: nothing was sent.');
    actions.openPrompt('command');
    assert.equal(store.getState().prompt?.kind, 'command');
    assert.equal(store.getState().flash, undefined);
    store.setState({ prompt: undefined });
    actions.flash('warn', 'older news');
    actions.openSearch('us-test-1_Pool1');
    assert.equal(store.getState().flash, undefined);
  });

  it('a flash raised while a dialog is open stays: it is about that dialog', () => {
    const store = createAppStore({ gateway: new FakeGateway() });
    const { actions } = store.getState();
    actions.openDialog(checklistDialog({
      title: 'Respond', steps: [{ id: 'a', label: 'a', checked: false }], describe: () => [], onRun: () => {},
    }));
    actions.confirmYes();
    assert.match(store.getState().flash?.text ?? '', /Nothing is checked/);
  });

  it('a flash raised during a deep link outlives the lookup that names the user canonically', async () => {
    const gw = new FakeGateway();
    gw.users = makeUsers(5);
    gw.events = makeEvents(3);
    gw.hold = true;
    const store = createAppStore({ gateway: gw, flashMs: 60_000 });
    store.getState().actions.openDeepLink('us-test-1_Pool1', 'user00001@example.com');
    store.getState().actions.flash('warn', '1 write had an unknown outcome when the last session ended');
    gw.hold = false;
    gw.release();
    await waitFor(() => gw.count('AdminListUserAuthEvents') === 1, 5000, 'the events, read once the user is named canonically');
    assert.equal(store.getState().flash?.text, '1 write had an unknown outcome when the last session ended');
  });
});
