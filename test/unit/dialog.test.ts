import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dispatchInput, dispatchKey } from '../../src/keys/dispatch.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import {
  checkedSteps, checklistDialog, dialogKind, dialogRows, dialogListRoom, editTyped, scrollDialogList, moveStep, submitTyped, toggleDry, toggleStep, typedDialog, typedMatches,
} from '../../src/store/dialog.ts';
import type { ChecklistStep } from '../../src/store/state.ts';
import { FakeGateway } from '../helpers/fake-gateway.ts';

const STEPS: ChecklistStep[] = [
  { id: 'disable', label: 'disable the user', checked: true },
  { id: 'sign-out', label: 'sign out everywhere', checked: true },
  { id: 'invalid', label: 'mark the events Invalid', checked: false },
];
const describeSteps = (steps: ChecklistStep[]) => steps.map((s) => `call for ${s.id}`);

describe('dialog reducers (pure)', () => {
  it('typed: submits only on the exact text; a mismatch is marked and cleared by the next edit', () => {
    let d = typedDialog({ title: 'Delete maria?', expected: 'maria', onConfirm: () => {} });
    assert.equal(dialogKind(d), 'typed');
    d = editTyped(d, 'mari');
    assert.equal(typedMatches(d), false);
    const refused = submitTyped(d);
    assert.equal(refused.submit, false);
    d = refused.submit ? d : refused.dialog;
    assert.equal(d.mismatch, true);
    d = editTyped(d, 'Maria');
    assert.equal(d.mismatch, false);
    assert.equal(submitTyped(d).submit, false, 'case matters');
    d = editTyped(d, 'maria');
    assert.deepEqual(submitTyped(d), { submit: true });
  });

  it('typed: a paste far longer than the name is cut a little past its length', () => {
    const d = editTyped(typedDialog({ title: 't', expected: 'maria', onConfirm: () => {} }), 'x'.repeat(50_000));
    assert.equal(d.text.length, 13);
  });

  it('checklist: the cursor stays on a step, space toggles the step under it, the dry run shows the checked steps', () => {
    let d = checklistDialog({ title: 'Contain', steps: STEPS, describe: describeSteps, onRun: () => {} });
    assert.equal(d.cursor, 0);
    d = moveStep(d, -1);
    assert.equal(d.cursor, 0);
    d = moveStep(d, 5);
    assert.equal(d.cursor, 2);
    d = toggleStep(d);
    assert.deepEqual(checkedSteps(d).map((s) => s.id), ['disable', 'sign-out', 'invalid']);
    d = toggleStep(moveStep(d, -2));
    assert.deepEqual(checkedSteps(d).map((s) => s.id), ['sign-out', 'invalid']);
    assert.equal(STEPS[0].checked, true, 'the steps given are not changed');
    assert.equal(d.dryRun, false);
    d = toggleDry(d);
    assert.equal(d.dryRun, true);
    assert.deepEqual(d.describe(checkedSteps(d)), ['call for sign-out', 'call for invalid']);
    assert.equal(dialogRows(d), 5 + 1 + 2);
  });

  it('a dry run longer than the dialog: its rows count the wrapped lines, it scrolls by lines and never above its first', () => {
    const calls = Array.from({ length: 4 }, (_, i) => `call ${i + 1}`);
    let d = toggleDry(checklistDialog({ title: 'Contain', steps: STEPS, describe: () => calls, onRun: () => {} }));
    assert.equal(dialogRows(d), 5 + 1 + 4);
    assert.equal(dialogRows(d, 14, () => 2), 5 + 1 + 8, 'each line wrapped onto two');
    assert.equal(dialogRows(d, 14, () => 3), 14, 'capped');
    assert.equal(dialogListRoom(d, true, () => 3), 8);
    assert.equal(dialogListRoom(d, false), 5);
    d = scrollDialogList(d, -1);
    assert.equal(d.scroll, 0);
    d = scrollDialogList(d, 8);
    assert.equal(d.scroll, 8);
    d = scrollDialogList(d, -3);
    assert.equal(d.scroll, 5);
    assert.equal(toggleDry(toggleDry(d)).scroll, 0, 'the dry run shown again starts at its top');
  });

  it('rows: a yes/no takes 5, a typed dialog 6, a long checklist is capped', () => {
    assert.equal(dialogRows(undefined), 0);
    assert.equal(dialogRows({ title: 'x', onConfirm: () => {} }), 5);
    assert.equal(dialogRows({ title: 'x', lines: ['a', 'b'], onConfirm: () => {} }), 5 + 1 + 2, 'a yes/no with its list of calls: a heading and the lines');
    assert.equal(dialogRows({ title: 'x', lines: Array<string>(30).fill('a'), onConfirm: () => {} }), 14);
    assert.equal(dialogRows(typedDialog({ title: 'x', expected: 'a', onConfirm: () => {} })), 6);
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `${i}`, label: `${i}`, checked: false }));
    assert.equal(dialogRows(checklistDialog({ title: 'x', steps: many, describe: () => [], onRun: () => {} })), 14);
  });
});

describe('dialogs in the store, driven by their keys', () => {
  function setup() {
    const store = createAppStore({ gateway: new FakeGateway() });
    const press = (...keys: string[]) => { for (const k of keys) dispatchKey(store, k, [...k].length === 1 ? k : ''); };
    return { store, press };
  }

  it('typed: y, n and every view key are text; enter on a mismatch keeps it open; esc cancels', () => {
    const { store, press } = setup();
    let sent = 0;
    store.getState().actions.openDialog(typedDialog({ title: 'Delete ny+1?', expected: 'ny+1', onConfirm: () => { sent++; } }));
    press('y', 'enter');
    assert.equal(sent, 0);
    const d = store.getState().confirm;
    assert.ok(d?.kind === 'typed' && d.mismatch && d.text === 'y');
    press('backspace', 'n', 'y', '+', '1', 'q', '?', 'd');
    assert.ok(store.getState().confirm?.kind === 'typed');
    assert.equal(store.getState().helpOpen, false);
    assert.equal(store.getState().quitting, false);
    press('backspace', 'backspace', 'backspace', 'enter');
    assert.equal(sent, 1);
    assert.equal(store.getState().confirm, undefined);
    store.getState().actions.openDialog(typedDialog({ title: 'Delete ny+1?', expected: 'ny+1', onConfirm: () => { sent++; } }));
    dispatchInput(store, 'ny+1', {});
    press('escape');
    assert.equal(store.getState().confirm, undefined);
    assert.equal(sent, 1, 'esc sends nothing');
    assert.match(store.getState().flash?.text ?? '', /nothing was sent/);
  });

  it('checklist: space, j/k, d and y are its keys; n, enter and q do nothing; y with nothing checked runs nothing', () => {
    const { store, press } = setup();
    const runs: string[][] = [];
    store.getState().actions.openDialog(checklistDialog({
      title: 'Contain', steps: STEPS.map((s) => ({ ...s, checked: false })), describe: describeSteps, onRun: (steps) => { runs.push(steps.map((s) => s.id)); },
    }));
    press('y');
    assert.deepEqual(runs, []);
    assert.match(store.getState().flash?.text ?? '', /Nothing is checked/);
    press('n', 'enter', 'q', 'space', 'j', 'j', 'space', 'k', 'd');
    const d = store.getState().confirm;
    assert.ok(d?.kind === 'checklist');
    assert.equal(d.cursor, 1);
    assert.equal(d.dryRun, true);
    assert.deepEqual(runs, [], 'a dry run runs nothing');
    press('d', 'y');
    assert.deepEqual(runs, [['disable', 'invalid']]);
    assert.equal(store.getState().confirm, undefined);
  });
});
