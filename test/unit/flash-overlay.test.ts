import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppStore } from '../../src/store/app-store.ts';
import { checklistDialog } from '../../src/store/dialog.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';

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
});
